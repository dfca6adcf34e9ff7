import type { RulesProvider } from '../booking/catalog.js';
import { canOffer } from '../booking/policy.js';
import type { CareService, Unit } from '../booking/types.js';
import type { Condition, Expected, Questionnaire, TextValue } from './questionnaire-schema.js';
import { isEmergencyAnswer, NO, questionById, YES } from './questionnaire-rules.js';
import { walkQuestionnaire } from './questionnaire-walk.js';
import type { Texts } from './texts.js';
import { normalize } from './words.js';
import type { ContentProblem, PathPart, YamlSource } from './yaml-source.js';

// What a questionnaire must satisfy beyond its schema, explained for an editor: every
// path ends in an outcome, every question can be reached, emergencies lead straight to
// emergency advice, and outcomes name care services that can be booked this way.

export interface QuestionnaireCheckInput {
  questionnaire: Questionnaire;
  source: YamlSource;
  texts: Texts;
  units: readonly (Unit & { services: CareService[] })[];
  rulesFor: RulesProvider;
}

/** Text keys that questionnaires use, with the values they may contain. */
export function questionnaireTextParams(q: Questionnaire): Map<string, readonly string[]> {
  const params = new Map<string, readonly string[]>();
  for (const o of Object.values(q.outcomes)) if (o.advice) params.set(o.advice, o.unit ? ['unit', 'phone'] : []);
  return params;
}

function conditionRefs(c: Condition | undefined, out: [string, Expected][] = []): [string, Expected][] {
  if (!c) return out;
  if ('all' in c && Array.isArray(c.all)) (c.all as Condition[]).forEach((x) => conditionRefs(x, out));
  else if ('any' in c && Array.isArray(c.any)) (c.any as Condition[]).forEach((x) => conditionRefs(x, out));
  else out.push(...Object.entries(c as Record<string, Expected>));
  return out;
}

export function checkQuestionnaire(input: QuestionnaireCheckInput): ContentProblem[] {
  const { questionnaire: q, source, texts } = input;
  const problems: ContentProblem[] = [];
  const at = (path: PathPart[], message: string) => problems.push(source.at(path, message));
  const textKey = (value: TextValue, path: PathPart[]) => {
    if (typeof value !== 'string' && !texts.has(value.key)) at(path, `Texten ${value.key} finns inte i texter.yaml.`);
  };
  const index = new Map(q.questions.map((x, i) => [x.id, i]));

  textKey(q.title, ['title']);
  const unit = input.units.find((u) => u.hsaId.toLowerCase() === q.unit.toLowerCase());
  if (!unit || unit.confidential) at(['unit'], `Enheten ${q.unit} finns inte i demo/enheter.yaml.`);
  if (!index.has(q.start)) at(['start'], `Startfrågan ${q.start} finns inte bland frågorna.`);
  q.questions.forEach((question, i) => {
    if (index.get(question.id) !== i)
      at(['questions', i, 'id'], `Frågan ${question.id} finns redan. Varje fråga behöver ett eget id.`);
    textKey(question.text, ['questions', i, 'text']);
    question.options?.forEach((o, j) => textKey(o.label, ['questions', i, 'options', j, 'label']));
    // A message that is one of an option's words chooses it: the same words cannot lead to two answers.
    const saidBy = new Map<string, string>();
    question.options?.forEach((o, j) =>
      o.alsoSaid.forEach((said, k) => {
        const other = saidBy.get(normalize(said));
        if (other !== undefined && other !== o.value)
          at(
            ['questions', i, 'options', j, 'alsoSaid', k],
            `"${said}" står redan under svaret ${other}. Samma ord kan bara leda till ett av svaren.`,
          );
        saidBy.set(normalize(said), o.value);
      }),
    );
    question.next.forEach((rule, r) => {
      for (const [ref, expected] of conditionRefs(rule.if)) {
        const target = questionById(q, ref);
        if (!target) {
          at(['questions', i, 'next', r, 'if'], `Villkoret nämner frågan ${ref}, som inte finns.`);
          continue;
        }
        const allowed =
          target.answer === 'yesno'
            ? [YES, NO]
            : target.answer === 'choice'
              ? (target.options ?? []).map((o) => o.value)
              : undefined;
        const values = typeof expected === 'string' ? [expected] : Array.isArray(expected) ? expected : [];
        if (allowed && (values.length === 0 || values.some((v) => !allowed.includes(v)))) {
          at(
            ['questions', i, 'next', r, 'if'],
            `Frågan ${ref} kan bara besvaras med ${allowed.join(', ')}, inte ${values.join(', ') || 'en jämförelse'}.`,
          );
        }
        if (target.answer === 'number' && values.length > 0)
          at(
            ['questions', i, 'next', r, 'if'],
            `Frågan ${ref} besvaras med ett tal; jämför med lt, lte, gt, gte eller eq.`,
          );
      }
    });
  });
  if (problems.length > 0) return problems;

  const walk = walkQuestionnaire(q);
  if (walk.truncated)
    at(['questions'], 'Frågeformuläret har för många vägar att kontrollera. Dela upp det i mindre delar.');
  const reported = new Set<string>();
  const once = (key: string, path: PathPart[], message: string) => {
    if (!reported.has(key)) at(path, message);
    reported.add(key);
  };
  const usedOutcomes = new Set<string>();
  for (const path of walk.paths) {
    const route = path.steps.map((s) => `${s.questionId}=${s.answer}`).join(', ');
    const end = path.end;
    if (end.kind === 'outcome') usedOutcomes.add(end.outcomeId);
    if (end.kind === 'dead-end') {
      once(
        `dead:${end.questionId}:${end.answer}`,
        ['questions', index.get(end.questionId) ?? 0, 'next'],
        `Svaret "${end.answer}" på frågan ${end.questionId} leder ingenstans (vägen: ${route}). Lägg till en regel utan if sist, eller en regel för det svaret.`,
      );
    } else if (end.kind === 'cycle') {
      once(
        `cycle:${end.questionId}`,
        ['questions', index.get(end.questionId) ?? 0],
        `Frågan ${end.questionId} kan ställas två gånger på samma väg (en slinga: ${route}).`,
      );
    } else if (end.kind === 'unknown-question') {
      once(
        `uq:${end.id}`,
        ['questions', index.get(end.from) ?? 0, 'next'],
        `Regeln leder till frågan ${end.id}, som inte finns.`,
      );
    } else if (end.kind === 'unknown-outcome') {
      once(
        `uo:${end.id}`,
        ['questions', index.get(end.from) ?? 0, 'next'],
        `Regeln leder till utfallet ${end.id}, som inte finns under outcomes.`,
      );
    }
    path.steps.forEach((step, s) => {
      const question = questionById(q, step.questionId);
      if (!question || !isEmergencyAnswer(question, step.answer)) return;
      const direct = s === path.steps.length - 1 && end.kind === 'outcome' && q.outcomes[end.outcomeId]?.emergency;
      if (!direct)
        once(
          `em:${step.questionId}:${step.answer}`,
          ['questions', index.get(step.questionId) ?? 0, 'next'],
          `Svaret "${step.answer}" på frågan ${step.questionId} är ett akut svar men leder inte direkt till ett utfall med emergency: true.`,
        );
    });
  }
  q.questions.forEach((question, i) => {
    if (!walk.visited.has(question.id))
      at(['questions', i, 'id'], `Frågan ${question.id} ställs aldrig: ingen väg leder dit.`);
  });
  for (const [id, outcome] of Object.entries(q.outcomes)) {
    if (!usedOutcomes.has(id)) at(['outcomes', id], `Utfallet ${id} används aldrig.`);
    if (outcome.advice && !texts.has(outcome.advice))
      at(['outcomes', id, 'advice'], `Texten ${outcome.advice} finns inte i texter.yaml.`);
    if (
      outcome.unit !== undefined &&
      !input.units.some((u) => u.hsaId.toLowerCase() === outcome.unit?.toLowerCase() && !u.confidential)
    ) {
      at(['outcomes', id, 'unit'], `Enheten ${outcome.unit} finns inte i demo/enheter.yaml.`);
    }
    if (outcome.book) problems.push(...checkBookable(input, outcome.book, ['outcomes', id, 'book']));
  }
  return problems;
}

function checkBookable(input: QuestionnaireCheckInput, serviceId: string, path: PathPart[]): ContentProblem[] {
  const unit = input.units.find((u) => u.services.some((s) => s.id === serviceId));
  const service = unit?.services.find((s) => s.id === serviceId);
  if (!unit || !service) return [input.source.at(path, `Vårdtjänsten ${serviceId} finns inte i demo/enheter.yaml.`)];
  const offered = canOffer(unit, service, input.rulesFor(service, unit), { kind: 'open', viaGuide: true });
  if (!offered.ok) {
    return [
      input.source.at(
        path,
        `Vårdtjänsten ${serviceId} går inte att boka på nätet (${offered.rejection.code}). Ändra konfigurationen eller utfallet.`,
      ),
    ];
  }
  return [];
}

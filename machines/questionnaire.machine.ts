import { assign, setup } from 'xstate';
import { must } from '../booking/invariant.js';
import {
  NO as ANSWER_NO,
  questionById,
  ruleFor,
  YES as ANSWER_YES,
  type Answers,
} from '../content/questionnaire-rules.js';
import type { Answer, Question, Questionnaire, TextValue } from '../content/questionnaire-schema.js';
import type { UserEvent } from './events.js';
import { MENU, speaker } from './replies.js';
import { BACK, CHANGE, choice, NO, t, YES, type Choice, type Reply, type TextRef } from './reply.js';

// Guidad tidsbokning: one machine that follows any questionnaire from content. Which
// questionnaire, the question asked now, the answers and the way back are data in the
// context; the questionnaires themselves are looked up in the catalogue given at the
// composition root, so an editor's change applies without a new chart, and a persisted
// conversation holds only ids and answers. Outcomes: a care service to book, or advice.

export type QuestionnaireOutput =
  /** `forChild`: an answer said the time is for a child of the resident's */
  | { outcome: 'book'; careServiceId: string; forChild: boolean }
  | { outcome: 'advice'; emergency: boolean }
  | { outcome: 'menu' };

export interface QuestionnaireInput {
  patientId?: string;
  /** Units the resident named («på Fyrisdal»): their questionnaire starts at once */
  unitHsaIds?: readonly string[];
}

/** The questionnaires in content, and the units their advice texts may name. */
export interface QuestionnaireCatalog {
  all(): readonly Questionnaire[];
  unitOf(hsaId: string): { name: string; phone: string } | undefined;
}

interface Context extends QuestionnaireInput {
  questionnaireId?: string;
  current?: string;
  answers: Answers;
  /** Questions answered on the way here, oldest first */
  history: string[];
  result?: QuestionnaireOutput;
}

export const textRef = (value: TextValue): TextRef =>
  typeof value === 'string' ? t('guided.inline', { text: value }) : t(value.key);

const KEEP_ANSWERS = 'keep-answers';
const ANSWERS = ['user.chose', 'user.confirmed', 'user.declined', 'user.number'] as const;

/** The answer an event gives to a question, if it is one the question accepts. */
export function answerOf(question: Question, event: UserEvent): Answer | undefined {
  if (question.answer === 'yesno') {
    if (event.type === 'user.confirmed' || (event.type === 'user.chose' && event.value === YES)) return ANSWER_YES;
    if (event.type === 'user.declined' || (event.type === 'user.chose' && event.value === NO)) return ANSWER_NO;
    return undefined;
  }
  if (question.answer === 'choice') {
    return event.type === 'user.chose' && (question.options ?? []).some((o) => o.value === event.value)
      ? event.value
      : undefined;
  }
  if (event.type !== 'user.number') return undefined;
  const inRange =
    (question.min === undefined || event.value >= question.min) &&
    (question.max === undefined || event.value <= question.max);
  return inRange ? event.value : undefined;
}

export function questionReply(question: Question, history: readonly string[]): Reply {
  const options: Choice[] =
    question.answer === 'yesno'
      ? [choice(YES, 'choice.yes'), choice(NO, 'choice.no')]
      : (question.options ?? []).map((o) => ({
          value: o.value,
          label: textRef(o.label),
          ...(o.alsoSaid.length > 0 ? { words: o.alsoSaid } : {}),
        }));
  const navigation =
    history.length > 0
      ? [choice(BACK, 'choice.back'), ...(history.length > 1 ? [choice(CHANGE, 'choice.change')] : [])]
      : [];
  return {
    parts: [
      textRef(question.text),
      ...(question.answer === 'number'
        ? [t('guided.numberHint', { min: question.min ?? 0, max: question.max ?? 120 })]
        : []),
    ],
    choices: [...options, ...navigation],
    expects: question.answer === 'yesno' ? 'yesno' : question.answer === 'number' ? 'number' : 'choice',
  };
}

/** The questionnaire for the unit named, or the only one there is. */
function preselected(
  catalog: QuestionnaireCatalog,
  unitHsaIds: readonly string[] | undefined,
): Questionnaire | undefined {
  const all = catalog.all();
  const named = all.filter((q) => unitHsaIds?.some((u) => u.toLowerCase() === q.unit.toLowerCase()));
  return named.length === 1 ? named[0] : all.length === 1 ? all[0] : undefined;
}

export function questionnaireMachine(catalog: QuestionnaireCatalog) {
  const questionnaire = (c: Context) => catalog.all().find((q) => q.id === c.questionnaireId);
  const question = (c: Context) => {
    const q = questionnaire(c);
    return q && c.current ? questionById(q, c.current) : undefined;
  };
  /** Where an answer leads: the next question or an outcome, by the first rule that holds. */
  const next = (c: Context, event: UserEvent) => {
    const x = question(c);
    const answer = x && answerOf(x, event);
    if (!x || answer === undefined) return undefined;
    const answers = { ...c.answers, [x.id]: answer };
    const rule = ruleFor(x, answers);
    return rule && { answer, answers, rule };
  };
  const speak = speaker<Context, UserEvent>();

  return setup({
    types: {} as { context: Context; events: UserEvent; input: QuestionnaireInput; output: QuestionnaireOutput },
    guards: {
      isPreselected: ({ context }) => preselected(catalog, context.unitHsaIds) !== undefined,
      isQuestionnaire: ({ event }) => event.type === 'user.chose' && catalog.all().some((q) => q.id === event.value),
      isMenu: ({ event }) => event.type === 'user.chose' && event.value === MENU,
      // «vet inte», «kanske» at a yes/no question: advice on whom to ask, and the question again.
      isUnsure: ({ context, event }) =>
        event.type === 'user.said' && event.understanding.unsure === true && question(context)?.answer === 'yesno',
      leadsToQuestion: ({ context, event }) => next(context, event)?.rule.goto !== undefined,
      leadsToOutcome: ({ context, event }) => next(context, event)?.rule.outcome !== undefined,
      hasHistory: ({ context }) => context.history.length > 0,
      isEarlierQuestion: ({ context, event }) => event.type === 'user.chose' && context.history.includes(event.value),
      isKeepAnswers: ({ event }) => event.type === 'user.chose' && event.value === KEEP_ANSWERS,
      isGone: ({ context }) => question(context) === undefined,
    },
    actions: {
      startPreselected: assign(({ context }) => {
        const q = must(preselected(catalog, context.unitHsaIds), 'the questionnaire for the unit named');
        return { questionnaireId: q.id, current: q.start };
      }),
      startChosen: assign(({ event }) => {
        const q = must(
          catalog.all().find((x) => event.type === 'user.chose' && x.id === event.value),
          'the questionnaire chosen',
        );
        return { questionnaireId: q.id, current: q.start };
      }),
      promptChoose: speak.say(() => [
        {
          parts: [t('guided.choose')],
          choices: [
            ...catalog.all().map((q) => ({ value: q.id, label: textRef(q.title) })),
            choice(MENU, 'choice.menu'),
          ],
          expects: 'choice',
        },
      ]),
      ask: speak.say(({ context }) => [questionReply(must(question(context), 'the question asked'), context.history)]),
      record: assign(({ context, event }) => {
        const step = must(next(context, event), 'a rule for the answer');
        return {
          answers: step.answers,
          history: [...context.history, must(context.current, 'the question answered')],
          current: step.rule.goto ?? context.current,
        };
      }),
      reportProgress: speak.progress(),
      back: assign(({ context }) => ({ current: context.history.at(-1), history: context.history.slice(0, -1) })),
      rewindTo: assign(({ context, event }) => {
        const to = event.type === 'user.chose' ? event.value : must(context.current, 'the question asked');
        return { current: to, history: context.history.slice(0, context.history.indexOf(to)) };
      }),
      promptChange: speak.say(({ context }) => {
        const q = must(questionnaire(context), 'the questionnaire under way');
        return [
          {
            parts: [t('guided.changeWhich')],
            choices: [
              ...context.history.map((id) => ({
                value: id,
                label: textRef(must(questionById(q, id), `question ${id}`).text),
              })),
              choice(KEEP_ANSWERS, 'choice.keepAnswers'),
            ],
            expects: 'choice',
          },
        ];
      }),
      conclude: assign(({ context, event }) => {
        const step = must(next(context, event), 'a rule for the answer');
        const id = must(step.rule.outcome, 'an outcome of the rule');
        const outcome = must(questionnaire(context)?.outcomes[id], `outcome ${id}`);
        // The answers are not kept once they have led somewhere.
        const forChild =
          questionnaire(context)?.questions.some((q) =>
            q.options?.some((o) => o.forChild && step.answers[q.id] === o.value),
          ) ?? false;
        const result: QuestionnaireOutput = outcome.book
          ? { outcome: 'book', careServiceId: outcome.book, forChild }
          : { outcome: 'advice', emergency: outcome.emergency };
        return { result, answers: {}, history: [] };
      }),
      sayAdvice: speak.say(({ context, event }) => {
        const step = next(context, event);
        const outcome = step?.rule.outcome ? questionnaire(context)?.outcomes[step.rule.outcome] : undefined;
        if (!outcome?.advice) return [];
        const unit = outcome.unit ? catalog.unitOf(outcome.unit) : undefined;
        return [{ parts: [t(outcome.advice, unit ? { unit: unit.name, phone: unit.phone } : undefined)] }];
      }),
      toMenu: assign({ result: { outcome: 'menu' } }),
      sayUnsure: speak.say(({ context }) => [
        { parts: [t(question(context)?.emergencyOnYes ? 'guided.unsureEmergency' : 'guided.unsure')] },
      ]),
    },
  }).createMachine({
    id: 'guided',
    context: ({ input }) => ({ ...input, answers: {}, history: [] }),
    initial: 'starting',
    states: {
      starting: {
        always: [{ guard: 'isPreselected', target: 'asking', actions: 'startPreselected' }, { target: 'choosing' }],
      },
      choosing: {
        tags: 'awaitingUser',
        entry: 'promptChoose',
        on: {
          'user.chose': [
            { guard: 'isMenu', target: 'done', actions: 'toMenu' },
            { guard: 'isQuestionnaire', target: 'asking', actions: 'startChosen' },
          ],
        },
      },
      asking: {
        tags: 'awaitingUser',
        // A questionnaire removed from content while the resident was in it ends politely.
        always: { guard: 'isGone', target: 'done', actions: 'toMenu' },
        entry: 'ask',
        on: {
          ...Object.fromEntries(
            ANSWERS.map((type) => [
              type,
              [
                // Every answer is something the resident would lose by switching away.
                { guard: 'leadsToQuestion', target: 'asking', reenter: true, actions: ['record', 'reportProgress'] },
                { guard: 'leadsToOutcome', target: 'done', actions: ['sayAdvice', 'conclude'] },
              ],
            ]),
          ),
          'user.said': { guard: 'isUnsure', target: 'asking', reenter: true, actions: 'sayUnsure' },
          'user.back': { guard: 'hasHistory', target: 'asking', reenter: true, actions: 'back' },
          'user.change': { guard: 'hasHistory', target: 'changing' },
        },
      },
      changing: {
        tags: 'awaitingUser',
        entry: 'promptChange',
        on: {
          'user.chose': [
            { guard: 'isEarlierQuestion', target: 'asking', actions: 'rewindTo' },
            { guard: 'isKeepAnswers', target: 'asking' },
          ],
        },
      },
      done: { type: 'final' },
    },
    output: ({ context }) => context.result ?? { outcome: 'menu' },
  });
}

export type QuestionnaireMachine = ReturnType<typeof questionnaireMachine>;

import { describe, expect, it } from 'vitest';
import { isEmergencyAnswer, questionById, YES } from '../../content/questionnaire-rules.js';
import type { Answer, Question, Questionnaire } from '../../content/questionnaire-schema.js';
import { walkQuestionnaire } from '../../content/questionnaire-walk.js';
import type { UserEvent } from '../../machines/events.js';
import { questionnaireMachine, type QuestionnaireCatalog } from '../../machines/questionnaire.machine.js';
import { NO, YES as YES_VALUE } from '../../machines/reply.js';
import { choices, keys, outbox, started, turn, type TestFlow } from '../support/machines.js';
import { shippedContent } from '../support/tidbok.js';

const content = shippedContent();
const catalog: QuestionnaireCatalog = {
  all: () => content.questionnaires,
  unitOf: (hsaId: string) => {
    const u = content.units.find((x) => x.hsaId === hsaId);
    return u && { name: u.name, phone: u.phone };
  },
};
const machine = questionnaireMachine(catalog);

const eventFor = (question: Question, answer: Answer): UserEvent =>
  question.answer === 'yesno'
    ? { type: 'user.chose', value: answer === YES ? YES_VALUE : NO }
    : question.answer === 'number'
      ? { type: 'user.number', value: Number(answer) }
      : { type: 'user.chose', value: String(answer) };

const current = (a: TestFlow) => a.getSnapshot().context.current;

async function drive(q: Questionnaire, answers: { questionId: string; answer: Answer }[]) {
  const actor = await started(machine, { patientId: 'p', unitHsaIds: [q.unit] });
  for (const step of answers) {
    expect(current(actor)).toBe(step.questionId);
    await turn(actor, eventFor(questionById(q, step.questionId)!, step.answer));
  }
  return actor;
}

describe.each(content.questionnaires.map((q) => [q.id, q] as const))('the shipped questionnaire %s', (_, q) => {
  const walk = walkQuestionnaire(q);

  it('has at least one path, and every path ends in an outcome', () => {
    expect(walk.truncated).toBe(false);
    expect(walk.paths.length).toBeGreaterThan(3);
    expect(walk.paths.filter((p) => p.end.kind !== 'outcome')).toEqual([]);
  });

  it('asks every question on some path and uses every outcome', () => {
    expect([...walk.visited].sort()).toEqual(q.questions.map((x) => x.id).sort());
    const used = new Set(walk.paths.map((p) => (p.end.kind === 'outcome' ? p.end.outcomeId : '')));
    expect([...used].filter(Boolean).sort()).toEqual(Object.keys(q.outcomes).sort());
  });

  it('reaches an emergency outcome in one step from every emergency answer', () => {
    const emergencies = walk.paths.filter((p) =>
      p.steps.some((s) => isEmergencyAnswer(questionById(q, s.questionId)!, s.answer)),
    );
    expect(emergencies.length).toBeGreaterThan(0);
    for (const path of emergencies) {
      const last = path.steps.at(-1)!;
      expect(isEmergencyAnswer(questionById(q, last.questionId)!, last.answer)).toBe(true);
      expect(path.end.kind === 'outcome' && q.outcomes[path.end.outcomeId]!.emergency).toBe(true);
    }
  });

  it('the questionnaire machine follows every path to the same outcome', async () => {
    for (const path of walk.paths) {
      const actor = await drive(q, path.steps);
      const snapshot = actor.getSnapshot();
      expect(snapshot.status).toBe('done');
      const outcome = path.end.kind === 'outcome' ? q.outcomes[path.end.outcomeId]! : undefined;
      // A path through an answer marked forChild («Ett barn») books for a child.
      const forChild = path.steps.some((s) =>
        questionById(q, s.questionId)?.options?.some((o) => o.forChild && o.value === s.answer),
      );
      if (outcome?.book) expect(snapshot.output).toEqual({ outcome: 'book', careServiceId: outcome.book, forChild });
      else expect(snapshot.output).toEqual({ outcome: 'advice', emergency: outcome?.emergency ?? false });
      if (outcome?.advice) expect(keys(actor)).toEqual([outcome.advice]);
    }
  });
});

describe('moving around a questionnaire', () => {
  const q = content.questionnaires.find((x) => x.id === 'vardcentral-fyrisdal')!;

  it('goes one question back on "tillbaka", keeping the way there', async () => {
    const a = await drive(q, [
      { questionId: 'akut', answer: 'nej' },
      { questionId: 'for-vem', answer: 'mig' },
    ]);
    expect(current(a)).toBe('alder');
    await turn(a, { type: 'user.back' });
    expect(current(a)).toBe('for-vem');
    await turn(a, { type: 'user.back' });
    expect(current(a)).toBe('akut');
    expect(a.getSnapshot().can({ type: 'user.back' })).toBe(false);
  });

  it('lets an earlier answer be changed without starting over', async () => {
    const a = await drive(q, [
      { questionId: 'akut', answer: 'nej' },
      { questionId: 'for-vem', answer: 'mig' },
      { questionId: 'alder', answer: 45 },
    ]);
    expect(current(a)).toBe('arende');
    await turn(a, { type: 'user.change' });
    expect(outbox(a)[0]!.choices!.map((c) => c.value)).toEqual(['akut', 'for-vem', 'alder', 'keep-answers']);
    await turn(a, { type: 'user.chose', value: 'for-vem' });
    expect(current(a)).toBe('for-vem');
    await turn(a, { type: 'user.chose', value: 'barn' });
    await turn(a, { type: 'user.number', value: 15 });
    expect(a.getSnapshot().output).toEqual({ outcome: 'advice', emergency: false });
  });

  it('refuses an answer out of range or not offered, so the resident is asked again', async () => {
    const a = await drive(q, [
      { questionId: 'akut', answer: 'nej' },
      { questionId: 'for-vem', answer: 'mig' },
    ]);
    expect(a.getSnapshot().can({ type: 'user.number', value: 130 })).toBe(false);
    expect(a.getSnapshot().can({ type: 'user.chose', value: 'ja' })).toBe(false);
    expect(a.getSnapshot().can({ type: 'user.number', value: 30 })).toBe(true);
  });

  it('does not keep the answers once they have led to an outcome', async () => {
    const a = await drive(q, [
      { questionId: 'akut', answer: 'nej' },
      { questionId: 'for-vem', answer: 'mig' },
    ]);
    expect(a.getSnapshot().context.answers).toEqual({ akut: 'nej', 'for-vem': 'mig' });
    const done = await drive(q, [{ questionId: 'akut', answer: 'ja' }]);
    expect(done.getSnapshot().status).toBe('done');
  });

  it('reports progress with every answer, so leaving asks first', async () => {
    const a = await drive(q, [{ questionId: 'akut', answer: 'nej' }]);
    expect(a.progress).toBe(1);
  });
});

describe('choosing a questionnaire', () => {
  it('asks which one when the resident named no unit, and starts the one chosen', async () => {
    const a = await started(machine, { patientId: 'p' });
    expect(choices(a)).toEqual([...content.questionnaires.map((x) => x.id), 'menu']);
    await turn(a, { type: 'user.chose', value: 'fysioterapi-eriksdal' });
    expect(a.getSnapshot().context).toMatchObject({ questionnaireId: 'fysioterapi-eriksdal' });
  });

  it('ends with "menu" when the resident goes back to the menu', async () => {
    const a = await started(machine, {});
    await turn(a, { type: 'user.chose', value: 'menu' });
    expect(a.getSnapshot().output).toEqual({ outcome: 'menu' });
  });
});

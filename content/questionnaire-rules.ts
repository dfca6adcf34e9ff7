import type { Answer, Condition, Expected, Question, Questionnaire, Rule } from './questionnaire-schema.js';

// The meaning of a questionnaire's rules, shared by the conversation (which follows
// them) and the checker (which walks every path through them).

export const YES = 'ja';
export const NO = 'nej';

export type Answers = Readonly<Record<string, Answer>>;

function fits(answer: Answer | undefined, expected: Expected): boolean {
  if (answer === undefined) return false;
  if (typeof expected === 'string') return String(answer) === expected;
  if (Array.isArray(expected)) return expected.includes(String(answer));
  if (typeof answer !== 'number') return false;
  const { lt, lte, gt, gte, eq } = expected;
  return (
    (lt === undefined || answer < lt) &&
    (lte === undefined || answer <= lte) &&
    (gt === undefined || answer > gt) &&
    (gte === undefined || answer >= gte) &&
    (eq === undefined || answer === eq)
  );
}

export function holds(condition: Condition | undefined, answers: Answers): boolean {
  if (condition === undefined) return true;
  if ('all' in condition && Array.isArray(condition.all))
    return (condition.all as Condition[]).every((c) => holds(c, answers));
  if ('any' in condition && Array.isArray(condition.any))
    return (condition.any as Condition[]).some((c) => holds(c, answers));
  return Object.entries(condition as Record<string, Expected>).every(([q, e]) => fits(answers[q], e));
}

/** The first rule of a question that holds for these answers, if any. */
export const ruleFor = (question: Question, answers: Answers): Rule | undefined =>
  question.next.find((r) => holds(r.if, answers));

export const questionById = (q: Questionnaire, id: string): Question | undefined =>
  q.questions.find((x) => x.id === id);

/** The answers a question can get, for walking every path: options, yes/no, or numbers around each threshold. */
export function possibleAnswers(q: Questionnaire, question: Question): Answer[] {
  if (question.answer === 'yesno') return [YES, NO];
  if (question.answer === 'choice') return (question.options ?? []).map((o) => o.value);
  const thresholds = new Set<number>([question.min ?? 0, question.max ?? 120]);
  const visit = (c: Condition | undefined) => {
    if (!c) return;
    if ('all' in c && Array.isArray(c.all)) {
      (c.all as Condition[]).forEach(visit);
      return;
    }
    if ('any' in c && Array.isArray(c.any)) {
      (c.any as Condition[]).forEach(visit);
      return;
    }
    const e = (c as Record<string, Expected>)[question.id];
    if (e && typeof e === 'object' && !Array.isArray(e))
      for (const v of Object.values(e)) if (typeof v === 'number') [v - 1, v, v + 1].forEach((n) => thresholds.add(n));
  };
  q.questions.forEach((x) => x.next.forEach((r) => visit(r.if)));
  return [...thresholds]
    .filter(
      (n) => (question.min === undefined || n >= question.min) && (question.max === undefined || n <= question.max),
    )
    .sort((a, b) => a - b);
}

/** Whether an answer is an emergency by the questionnaire's own marking. */
export function isEmergencyAnswer(question: Question, answer: Answer): boolean {
  if (question.answer === 'yesno') return question.emergencyOnYes && answer === YES;
  return question.options?.some((o) => o.value === answer && o.emergency) ?? false;
}

import { assign, setup, type AnyStateMachine } from 'xstate';
import { holds, NO as ANSWER_NO, YES as ANSWER_YES, type Answers } from '../content/questionnaire-rules.js';
import type { Answer, Question, Questionnaire, TextValue } from '../content/questionnaire-schema.js';
import type { TurnEvent } from './events.js';
import { append } from './outbox.js';
import { BACK, CHANGE, choice, NO, t, YES, type Choice, type Reply, type TextRef } from './reply.js';

// Guidad tidsbokning: a state machine generated from a questionnaire in content. Every
// question becomes a state and every rule a guarded transition, in the editor's order,
// so the first rule that holds decides. Outcomes are final states: a care service to book
// or advice. "Tillbaka" and «ändra svar» return to earlier questions.

export type QuestionnaireOutput = { outcome: 'book'; careServiceId: string } | { outcome: 'advice'; emergency: boolean };

export interface QuestionnaireInput {
  patientId?: string;
}

interface Context extends QuestionnaireInput {
  answers: Answers;
  /** Questions answered on the way here, oldest first */
  history: string[];
  current: string;
  result?: QuestionnaireOutput;
  outbox: Reply[];
}

/** Name and phone of a unit, for advice texts such as «Ring {unit} på {phone}». */
export type UnitLookup = (hsaId: string) => { name: string; phone: string } | undefined;

export const textRef = (value: TextValue): TextRef => (typeof value === 'string' ? t('guided.inline', { text: value }) : t(value.key));

const outcomeState = (id: string) => `outcome:${id}`;
const KEEP_ANSWERS = 'keep-answers';

/** The answer an event gives to a question, if it is one the question accepts. */
export function answerOf(question: Question, event: TurnEvent): Answer | undefined {
  if (question.answer === 'yesno') {
    if (event.type === 'user.confirmed' || (event.type === 'user.chose' && event.value === YES)) return ANSWER_YES;
    if (event.type === 'user.declined' || (event.type === 'user.chose' && event.value === NO)) return ANSWER_NO;
    return undefined;
  }
  if (question.answer === 'choice') {
    return event.type === 'user.chose' && question.options!.some((o) => o.value === event.value) ? event.value : undefined;
  }
  if (event.type !== 'user.number') return undefined;
  const inRange = (question.min === undefined || event.value >= question.min) && (question.max === undefined || event.value <= question.max);
  return inRange ? event.value : undefined;
}

function ask(question: Question, history: readonly string[]): Reply {
  const options: Choice[] = question.answer === 'yesno'
    ? [choice(YES, 'choice.yes'), choice(NO, 'choice.no')]
    : (question.options ?? []).map((o) => ({ value: o.value, label: textRef(o.label) }));
  const navigation = history.length > 0 ? [choice(BACK, 'choice.back'), ...(history.length > 1 ? [choice(CHANGE, 'choice.change')] : [])] : [];
  return {
    parts: [textRef(question.text), ...(question.answer === 'number' ? [t('guided.numberHint', { min: question.min ?? 0, max: question.max ?? 120 })] : [])],
    choices: [...options, ...navigation],
    expects: question.answer === 'yesno' ? 'yesno' : question.answer === 'number' ? 'number' : 'choice',
  };
}

export function questionnaireMachine(q: Questionnaire, unitOf: UnitLookup): AnyStateMachine {
  const byId = new Map(q.questions.map((x) => [x.id, x]));
  const question = (id: string) => byId.get(id)!;
  const ids = q.questions.map((x) => x.id);

  const m = setup({
    types: {} as { context: Context; events: TurnEvent; input: QuestionnaireInput; output: QuestionnaireOutput },
    guards: {
      ruleHolds: ({ context, event }, p: { id: string; rule: number }) => {
        const answer = answerOf(question(p.id), event);
        return answer !== undefined && holds(question(p.id).next[p.rule]!.if, { ...context.answers, [p.id]: answer });
      },
      cameFrom: ({ context }, p: { id: string }) => context.history.at(-1) === p.id,
      hasHistory: ({ context }) => context.history.length > 0,
      chosenEarlier: ({ context, event }, p: { id: string }) => event.type === 'user.chose' && event.value === p.id && context.history.includes(p.id),
      chosenCurrent: ({ context, event }, p: { id: string }) => event.type === 'user.chose' && event.value === KEEP_ANSWERS && context.current === p.id,
    },
    actions: {
      clearOutbox: assign({ outbox: [] }),
      ask: assign(({ context }, p: { id: string }) => ({ current: p.id, outbox: append(context, ask(question(p.id), context.history)) })),
      record: assign(({ context, event }, p: { id: string }) => ({
        answers: { ...context.answers, [p.id]: answerOf(question(p.id), event)! },
        history: [...context.history, p.id],
      })),
      back: assign({ history: ({ context }) => context.history.slice(0, -1) }),
      rewindTo: assign({ history: ({ context, event }) => (event.type === 'user.chose' ? context.history.slice(0, context.history.indexOf(event.value)) : context.history) }),
      promptChange: assign({
        outbox: ({ context }) => append(context, {
          parts: [t('guided.changeWhich')],
          choices: [...context.history.map((id) => ({ value: id, label: textRef(question(id).text) })), choice(KEEP_ANSWERS, 'choice.keepAnswers')],
          expects: 'choice',
        }),
      }),
      conclude: assign(({ context }, p: { id: string }) => {
        const outcome = q.outcomes[p.id]!;
        if (outcome.book) return { result: { outcome: 'book' as const, careServiceId: outcome.book }, answers: {} };
        const unit = outcome.unit ? unitOf(outcome.unit) : undefined;
        const advice: Reply = { parts: [t(outcome.advice!, unit ? { unit: unit.name, phone: unit.phone } : undefined)] };
        // The answers are not kept once they have led somewhere.
        return { result: { outcome: 'advice' as const, emergency: outcome.emergency }, outbox: append(context, advice), answers: {} };
      }),
    },
  });

  const states: Record<string, object> = {};
  for (const x of q.questions) {
    const answerTransitions = x.next.map((rule, i) => ({
      guard: { type: 'ruleHolds', params: { id: x.id, rule: i } },
      target: rule.goto ?? outcomeState(rule.outcome!),
      actions: { type: 'record', params: { id: x.id } },
    }));
    const eventTypes = x.answer === 'yesno' ? ['user.confirmed', 'user.declined', 'user.chose'] : x.answer === 'choice' ? ['user.chose'] : ['user.number'];
    states[x.id] = {
      tags: 'awaitingUser',
      entry: { type: 'ask', params: { id: x.id } },
      on: {
        ...Object.fromEntries(eventTypes.map((type) => [type, answerTransitions])),
        'user.back': ids.map((id) => ({ guard: { type: 'cameFrom', params: { id } }, target: id, actions: 'back' })),
        'user.change': { guard: 'hasHistory', target: 'changing' },
      },
    };
  }
  states.changing = {
    tags: 'awaitingUser',
    entry: 'promptChange',
    on: {
      'user.chose': [
        ...ids.map((id) => ({ guard: { type: 'chosenEarlier', params: { id } }, target: id, actions: 'rewindTo' })),
        ...ids.map((id) => ({ guard: { type: 'chosenCurrent', params: { id } }, target: id })),
      ],
    },
  };
  for (const id of Object.keys(q.outcomes)) states[outcomeState(id)] = { type: 'final', entry: { type: 'conclude', params: { id } } };

  // The states are built from data, so their names are only known at run time.
  const machine = m.createMachine({
    id: `guided:${q.id}`,
    context: ({ input }) => ({ ...input, answers: {}, history: [], current: q.start, outbox: [] }),
    on: { 'turn.begin': { actions: 'clearOutbox' } },
    initial: q.start,
    states: states as never,
    output: ({ context }) => context.result!,
  });
  return machine as unknown as AnyStateMachine;
}

import type { Actor, AnyActorRef } from 'xstate';
import type { OfferSummary } from '../booking/views.js';
import type { Chart } from '../machines/chart.js';
import { OFFERED, type ConversationEvent, type Request } from '../machines/conversation.machine.js';
import { menuPrompt, type MenuIntent } from '../machines/menu.machine.js';
import { t, type Reply } from '../machines/reply.js';
import type { Interpreted, UserInput } from './interpret.js';
import type { Lexicon } from './lexicon.js';
import { asksForFact, unitAnswer } from './unit-questions.js';

// What a turn answers beside the chart, or instead of it: a change of errand in the middle
// of another, a question about a unit, a cost question or a polite word, and a message
// that fits nothing (said as specifically as the understanding allows).

export type ChartActor = Actor<Chart>;

export const repeatPrompt = (prompt: Reply | undefined): Reply[] => (prompt ? [prompt] : []);

/** The running flow, when the chart is in one and not asking a question of its own. */
export function runningFlow(actor: ChartActor): AnyActorRef | undefined {
  const snapshot = actor.getSnapshot();
  if (snapshot.hasTag('chartAsks')) return undefined;
  return snapshot.children.flow as AnyActorRef | undefined;
}

const isMenuIntent = (intent: string | undefined): intent is MenuIntent => OFFERED.includes(intent as MenuIntent);

/**
 * A message that is another errand than the one under way («nej förresten, visa mina
 * tider»). When the understanding is unsure («nej vänta, jag vill flytta den istället»),
 * the errand would only be a look at the bookings, or the question on screen is a yes/no
 * («jag vet inte» at «Vill du avboka …?»), the resident is asked before the errand under way is left.
 */
export function switchRequest(
  actor: ChartActor,
  interpreted: Interpreted,
  prompt: Reply | undefined,
): ConversationEvent | undefined {
  if (interpreted.kind !== 'event' || interpreted.event.type !== 'user.said') return undefined;
  const { understanding } = interpreted.event;
  const unsure = understanding.intent === 'unclear';
  const intent = unsure ? understanding.alternatives?.find(isMenuIntent) : understanding.intent;
  const snapshot = actor.getSnapshot();
  const current = snapshot.context.request;
  // «nej förresten, den är för mig själv» in a child's errand, «det är för min dotter» in
  // one's own: the same errand for the other person, with what was chosen so far.
  const { actingFor } = snapshot.context;
  const toChild = understanding.forChild && (!actingFor || (understanding.childId ?? actingFor.id) !== actingFor.id);
  // («nej förresten, avboka lillas tid» asks for another errand: that is taken as such, below.)
  const otherErrand = isMenuIntent(intent) && intent !== current?.intent;
  if (current && !otherErrand && ((understanding.forSelf && actingFor) || toChild)) {
    const who = understanding.forSelf
      ? { forSelf: true, forChild: undefined, childId: undefined, childKind: undefined }
      : { forSelf: undefined, forChild: true, childId: understanding.childId, childKind: understanding.childKind };
    const understood = { ...current.understanding, ...who, careServiceIds: chosenServices(actor, current) };
    return {
      type: 'intent.switch',
      request: { intent: current.intent, understanding: understood } as Request,
      ask: false,
    };
  }
  if (snapshot.matches('menu') || !isMenuIntent(intent) || understanding.unsure) return undefined;
  const same = current?.intent === intent && !(current.viaGuide && intent === 'book');
  if (same) return undefined;
  const request: Request = { intent, understanding: { ...understanding, intent, alternatives: undefined } };
  // Booking and rebooking are easily taken for each other: asked before one becomes the other.
  const kin = ['book', 'rebook'].includes(intent) && ['book', 'rebook'].includes(current?.intent ?? '');
  return { type: 'intent.switch', request, ask: unsure || kin || intent === 'view' || prompt?.expects === 'yesno' };
}

/** What the errand has chosen so far: the care service of a time, or those asked about by unit. */
function chosenServices(actor: ChartActor, current: Request): string[] | undefined {
  const { time } = actor.getSnapshot().context;
  const asked = (runningFlow(actor)?.getSnapshot() as { context?: { candidates?: OfferSummary[] } } | undefined)
    ?.context?.candidates;
  return time
    ? [time.careServiceId]
    : asked?.length
      ? asked.map((o) => o.careServiceId)
      : current.understanding?.careServiceIds;
}

/**
 * A question about a unit, answered from its data wherever the resident is: at the menu
 * always, in an errand when it names a unit or asks for a fact («var ligger den?»).
 */
export function unitQuestion(
  input: UserInput,
  interpreted: Interpreted,
  actor: ChartActor,
  lexicon: Lexicon,
  prompt?: Reply,
) {
  if (interpreted.kind !== 'event' || interpreted.event.type !== 'user.said') return undefined;
  const { understanding, text } = interpreted.event;
  // «vad är telefonnumret» may leave the understanding unsure: a fact asked for settles it.
  const unsureAsking =
    understanding.intent === 'unclear' && understanding.alternatives?.[0] === 'ask-unit' && asksForFact(text, lexicon);
  if (understanding.intent !== 'ask-unit' && !unsureAsking) return undefined;
  const snapshot = actor.getSnapshot();
  const atMenu = snapshot.matches('menu');
  // In an errand a unit named alone («på vårdcentralen») may answer its question; a fact asked for is a question.
  if (!atMenu && !asksForFact(text, lexicon)) return undefined;
  const answer = unitAnswer(input.text ?? '', understanding, lexicon, unitInQuestion(actor));
  return [...answer, ...(atMenu ? [menuPrompt('again', OFFERED)] : repeatPrompt(prompt))];
}

/** The unit of the booking, offer or invitation the errand under way is about, if any. */
function unitInQuestion(actor: ChartActor): string | undefined {
  const flow = actor.getSnapshot().children.flow as AnyActorRef | undefined;
  const selected = (flow?.getSnapshot() as { context?: { selected?: { unitHsaId?: unknown } } } | undefined)?.context
    ?.selected?.unitHsaId;
  return typeof selected === 'string' ? selected : actor.getSnapshot().context.about;
}

/** A question or a polite word beside the errand: answered, and the errand's question asked again. */
export function aside(interpreted: Interpreted, prompt: Reply | undefined): Reply[] | undefined {
  const understanding = 'understanding' in interpreted ? interpreted.understanding : undefined;
  const intent = understanding?.intent;
  if (intent === 'ask-cost') return [{ parts: [t(`answer.${intent}`)] }, ...repeatPrompt(prompt)];
  if (intent === 'thanks' && understanding?.goodbye) return [{ parts: [t('menu.goodbye')] }];
  if (intent === 'thanks') return [{ parts: [t('menu.thanksShort')] }, ...repeatPrompt(prompt)];
  if (intent === 'greeting') return [{ parts: [t('menu.hello')] }, ...repeatPrompt(prompt)];
  return undefined;
}

/** Why the answer did not fit, as specific as the understanding allows. */
export function notUnderstood(interpreted: Interpreted, prompt: Reply | undefined): Reply[] {
  const said = interpreted.kind === 'event' && interpreted.event.type === 'user.said' ? interpreted.event : undefined;
  const problem = said?.understanding.problems?.[0];
  const text =
    said?.understanding.unsure && prompt?.expects === 'yesno'
      ? t('understand.unsure')
      : problem?.kind === 'invalid-date'
        ? t('understand.invalidDate', { text: problem.text })
        : problem?.kind === 'past-date'
          ? t('understand.pastDate', { date: problem.date })
          : t(`understand.reprompt.${prompt?.expects ?? 'free'}`);
  return [{ parts: [text] }, ...repeatPrompt(prompt)];
}

/** The same question asked again (after help, an aside, a greeting): its earlier buttons still answer it. */
export const sameQuestion = (a: Reply, b: Reply | undefined) =>
  b !== undefined &&
  a.expects === b.expects &&
  JSON.stringify(a.choices?.map((c) => c.value)) === JSON.stringify(b.choices?.map((c) => c.value)) &&
  JSON.stringify(a.parts) === JSON.stringify(b.parts);

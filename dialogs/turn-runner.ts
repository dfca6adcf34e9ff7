import type { DateTime } from 'luxon';
import { createActor, type Snapshot } from 'xstate';
import { settle } from '../machines/settle.js';
import type { Chart } from '../machines/chart.js';
import { compactSnapshot, expandSnapshot, RestoreStale, type Rereads } from '../machines/stored-context.js';
import { CHART_VERSION, OFFERED, type ConversationEvent } from '../machines/conversation.machine.js';
import { menuPrompt } from '../machines/menu.machine.js';
import { t, type Choice, type Reply } from '../machines/reply.js';
import type { EmergencyCategory } from '../content/schemas.js';
import { adviceFor, emergencyIn } from './emergency.js';
import { forNamedChild, namingChild, type ChildName } from './child-names.js';
import { interpret, type UserInput } from './interpret.js';
import { languageOf } from './language.js';
import {
  aside,
  notUnderstood,
  repeatPrompt,
  runningFlow,
  sameQuestion,
  switchRequest,
  unitQuestion,
  type ChartActor,
} from './turn-answers.js';
import type { UnderstandingModel } from './understanding-model.js';

// One turn of a conversation, channel-neutral: restore the chart from its persisted
// snapshot, turn what the resident did into one event (the safety net first, then an
// answer to the current question, a command, or a change of errand), send it, wait until
// every effect has settled, and persist. What the chart says comes back as emitted events.

export interface ConversationData {
  chart?: { version: number; snapshot: Snapshot<unknown> };
  /** The verified resident this conversation belongs to; a change starts it over */
  patientId?: string;
  /** The last question asked, to read the next answer against */
  prompt?: Reply;
  /** The last question a flow asked: asked again after help or the chart's own question */
  flowPrompt?: Reply;
  /** Increases with every question asked; buttons carry it so a stale click is noticed */
  promptSeq?: number;
  /** The resident has been told, in English, that the bot works in Swedish */
  toldEnglish?: boolean;
}

export type TurnInput =
  | { kind: 'start' }
  /** The resident has just logged in on the page: greeted by name, then asked what they want */
  | { kind: 'login'; name?: string }
  | ({ kind: 'message' } & UserInput);

export interface TurnDeps {
  chart: Chart;
  /** The reads that make a stored conversation whole again (the chart's own effects) */
  rereads: Rereads;
  model: UnderstandingModel;
  /** The rendered label of a choice, as the resident sees it */
  labelOf: (choice: Choice) => string;
  now: DateTime;
  /** How long a turn may wait for the booking system, in all */
  settleTimeoutMs: number;
  /** The resident's children, whom a message may name («lillas tid») */
  children?: (patientId: string) => Promise<readonly ChildName[]>;
}

export interface TurnResult {
  data: ConversationData;
  replies: Reply[];
  /** The resident asked to log out: a channel that can (the web page) logs them out */
  loggedOut?: boolean;
}

/** The longest message the bot reads. */
export const MAX_TEXT = 1000;
/** How much of a long message the safety net reads, in pieces of MAX_TEXT */
const SAFETY_PIECES = 10;
const OVERLAP = 120;

/** The emergency told in a message, read a piece of MAX_TEXT characters at a time (cut at a space). */
async function emergencyInLong(text: string, model: UnderstandingModel): Promise<EmergencyCategory | undefined> {
  let rest = text;
  for (let piece = 0; piece < SAFETY_PIECES && rest.length > 0; piece++) {
    const cut = rest.length <= MAX_TEXT ? rest.length : Math.max(rest.lastIndexOf(' ', MAX_TEXT), MAX_TEXT / 2);
    const found = await emergencyIn(rest.slice(0, cut), model);
    if (found) return found;
    // The pieces overlap a little, so that words told across a cut are read together.
    rest = cut < rest.length ? rest.slice(cut - OVERLAP) : '';
  }
  return undefined;
}

interface Open {
  actor: ChartActor;
  replies: Reply[];
  /** Said first when a stored conversation could not be continued */
  notice: Reply[];
  /** The conversation started now (nothing was stored, or what was stored no longer fits) */
  fresh: boolean;
}

/** Restores the chart, or starts it; every reply it emits is collected from here on. */
function open(data: ConversationData, patientId: string | undefined, deps: TurnDeps, changed: boolean): Open {
  const replies: Reply[] = [];
  const listen = (actor: ChartActor) => {
    actor.on('replies', (e) => replies.push(...e.replies));
    actor.on('repeat', () => replies.push(...(data.flowPrompt ? [data.flowPrompt] : [])));
    return actor;
  };
  if (data.chart?.version === CHART_VERSION) {
    try {
      const actor = listen(createActor(deps.chart, { snapshot: data.chart.snapshot, input: { patientId } }));
      // A snapshot that no longer fits the chart fails on start: observed here, not reported as unhandled.
      actor.subscribe({ error: () => undefined });
      actor.start();
      if (actor.getSnapshot().status === 'active') return { actor, replies, notice: [], fresh: false };
      actor.stop();
    } catch {
      // Such a snapshot may also be refused outright; either way the conversation starts over, below.
    }
  }
  const notice = changed
    ? [{ parts: [t('session.changed')] }]
    : data.chart !== undefined
      ? [{ parts: [t('session.updated')] }]
      : [];
  const actor = listen(createActor(deps.chart, { input: { patientId } }));
  actor.start();
  return { actor, replies, notice, fresh: true };
}

/** Waits until no effect is running: the chart then waits for the resident. */
async function settled(actor: ChartActor, timeoutMs: number): Promise<void> {
  await settle(actor, timeoutMs);
  const snapshot = actor.getSnapshot();
  if (snapshot.status === 'error') throw snapshot.error;
}

function finish(actor: ChartActor, data: ConversationData, replies: Reply[]): TurnResult {
  const asked = [...replies].reverse().find((r) => r.expects !== undefined);
  const flowAsked = [...replies].reverse().find((r) => r.expects !== undefined && !r.interlude);
  const snapshot = compactSnapshot(actor.getPersistedSnapshot());
  actor.stop();
  return {
    data: {
      ...data,
      chart: { version: CHART_VERSION, snapshot },
      prompt: asked ?? data.prompt,
      flowPrompt: flowAsked ?? data.flowPrompt,
      promptSeq: (data.promptSeq ?? 0) + (asked && !sameQuestion(asked, data.prompt) ? 1 : 0),
    },
    replies,
  };
}

/** The event a message becomes, or the replies that answer it without the chart. */
async function eventFor(
  input: UserInput,
  data: ConversationData,
  opened: Open,
  deps: TurnDeps,
): Promise<ConversationEvent | Reply[]> {
  const { actor } = opened;
  const text = input.text;
  // The safety net comes before anything else, also in a message too long to be read
  // otherwise: a long story may tell an emergency anywhere in its first pages.
  const emergency = text ? await emergencyInLong(text, deps.model) : undefined;
  if (emergency) return adviceFor(emergency, text ?? '', deps.model);
  // A very long message is not read further: understanding it would hold up everyone else.
  if ((text?.length ?? 0) > MAX_TEXT)
    return [{ parts: [t('understand.tooLong', { max: MAX_TEXT })] }, ...repeatPrompt(data.prompt)];

  const named = await namingChild(input, data.prompt, actor.getSnapshot().context, deps);
  const interpreted = forNamedChild(
    await interpret(named.input, { prompt: data.prompt, seq: data.promptSeq ?? 0 }, { ...deps }),
    named.childId,
  );
  if (interpreted.kind === 'stale' || interpreted.kind === 'pause')
    return [{ parts: [t(`understand.${interpreted.kind}`)] }, ...repeatPrompt(data.prompt)];
  // A question with help of its own (a yes/no, a reason) gets that help, and is asked again.
  if (interpreted.kind === 'global' && interpreted.command === 'help' && data.prompt?.help)
    return [{ parts: [t(data.prompt.help)] }, data.prompt];
  if (interpreted.kind === 'global') return { type: `command.${interpreted.command}` };
  // A first message that asks for nothing in particular («hej») gets the welcome alone.
  const said = interpreted.understanding?.intent;
  if (opened.fresh && said !== undefined && ['greeting', 'thanks', 'yes', 'no'].includes(said)) return [];

  const answered = unitQuestion(input, interpreted, actor, deps.model.lexicon, data.prompt);
  if (answered) return answered;
  const { event } = interpreted;
  const flow = runningFlow(actor);
  // When the chart itself asks (go on after emergency advice? switch errand?), only a yes
  // or a no answers it: a new errand, a question about cost or a unit is taken as said.
  if (actor.getSnapshot().hasTag('chartAsks') && event.type !== 'user.confirmed' && event.type !== 'user.declined') {
    // An aside is answered, and the chart's question asked again, once that question is on screen.
    const other =
      switchRequest(actor, interpreted, undefined) ??
      (data.prompt?.interlude ? aside(interpreted, data.prompt) : undefined);
    if (other) return other;
  }
  // An answer that fits the current question answers it.
  const fits = flow
    ? (flow.getSnapshot() as { can: (e: ConversationEvent) => boolean }).can(event)
    : actor.getSnapshot().can(event);
  if (fits) return event;
  const switching = flow && switchRequest(actor, interpreted, data.prompt);
  if (switching) return switching;
  return aside(interpreted, data.prompt) ?? notUnderstood(interpreted, data.prompt);
}

/**
 * The stored conversation made whole by reading again what it left to the tidbok; without
 * its chart when what it pointed at is gone (it starts over, saying why); the error when
 * the booking system does not answer.
 */
async function restored(data: ConversationData, deps: TurnDeps): Promise<ConversationData | Error> {
  if (data.chart?.version !== CHART_VERSION) return data;
  try {
    return { ...data, chart: { ...data.chart, snapshot: await expandSnapshot(data.chart.snapshot, deps.rereads) } };
  } catch (error) {
    if (error instanceof RestoreStale) return { ...data, chart: undefined };
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * The booking system did not answer while the conversation was restored: it is kept as it
 * was and asked again later. The safety net still answers an emergency.
 */
async function unrestored(stored: ConversationData, input: TurnInput, deps: TurnDeps): Promise<TurnResult> {
  const text = input.kind === 'message' ? input.text : undefined;
  const emergency = text ? await emergencyInLong(text, deps.model) : undefined;
  // The advice as the chart says it (conversation.setup.ts), the conversation kept for later.
  if (emergency) {
    const { advice, english } = adviceFor(emergency, text ?? '', deps.model);
    return { data: stored, replies: [{ parts: [t(advice), ...(english ? [t(english)] : [])] }] };
  }
  return { data: stored, replies: [{ parts: [t('error.bookingSystem')] }, ...repeatPrompt(stored.prompt)] };
}

/** Whether a stored conversation is at the menu, which shows nothing personal. */
const atMenu = (data: ConversationData) => (data.chart?.snapshot as { value?: unknown } | undefined)?.value === 'menu';

export async function runTurn(
  stored: ConversationData,
  input: TurnInput,
  patientId: string | undefined,
  deps: TurnDeps,
): Promise<TurnResult> {
  // A different (or no) verified resident never continues someone else's errand; only the
  // menu, which shows nothing personal, carries over (so logging in keeps its buttons).
  const sameResident = stored.patientId === patientId;
  const keepMenu = !sameResident && atMenu(stored);
  const data: ConversationData = sameResident
    ? stored
    : keepMenu
      ? { ...stored, patientId, toldEnglish: undefined }
      : { patientId, promptSeq: stored.promptSeq };
  const restoring = await restored(data, deps);
  if (restoring instanceof Error) return unrestored(stored, input, deps);
  const opened = open(restoring, patientId, deps, restoring.chart === undefined && data.chart !== undefined);
  const { actor, replies } = opened;
  if (keepMenu && !opened.fresh) actor.send({ type: 'session.resident', patientId });
  if (input.kind === 'login' && patientId) {
    // Greeted by name; at the menu asked plainly (the welcome was said already), elsewhere the question again.
    await settled(actor, deps.settleTimeoutMs);
    const hello: Reply = { parts: [t(input.name ? 'auth.hello' : 'auth.helloAnonymous', { name: input.name ?? '' })] };
    const ask = actor.getSnapshot().matches('menu') ? [menuPrompt('plain', OFFERED)] : repeatPrompt(data.prompt);
    return finish(actor, data, [hello, ...ask]);
  }
  if (input.kind !== 'message') {
    await settled(actor, deps.settleTimeoutMs);
    return finish(actor, data, opened.fresh ? [...opened.notice, ...replies] : repeatPrompt(data.prompt));
  }
  // What the chart said on starting afresh is the welcome: shown only if nothing else is
  // said, but its question is the one the message answers («Avboka en tid», «2»).
  const welcome = opened.fresh ? replies.splice(0) : [];
  const asked = [...welcome].reverse().find((r) => r.expects !== undefined);
  const english = input.text !== undefined && !data.toldEnglish && languageOf(input.text) === 'en';
  const lead: Reply[] = [...opened.notice, ...(english ? [{ parts: [t('english.intro')] }] : [])];
  const current: ConversationData = {
    ...data,
    ...(asked ? { prompt: asked, flowPrompt: asked } : {}),
    ...(english ? { toldEnglish: true } : {}),
  };

  const event = await eventFor(input, current, opened, deps);
  if (Array.isArray(event)) return finish(actor, current, [...lead, ...(event.length === 0 ? welcome : event)]);
  actor.send(event);
  await settled(actor, deps.settleTimeoutMs);
  // Emergency advice comes first, before any word about English.
  const result = finish(actor, current, [...(event.type === 'safety.emergency' ? opened.notice : lead), ...replies]);
  // Logging out forgets the conversation: nothing but the chart at its menu remains.
  if (event.type === 'command.logout')
    return {
      ...result,
      data: { patientId, chart: result.data.chart, prompt: result.data.prompt, promptSeq: result.data.promptSeq },
      loggedOut: true,
    };
  return result;
}

import type { DateTime } from 'luxon';
import { createActor, waitFor, type AnyActorRef, type Snapshot } from 'xstate';
import type { UserEvent } from '../machines/events.js';
import { choice, NO, t, YES, type Choice, type Reply } from '../machines/reply.js';
import { emergencyIn } from './emergency.js';
import { isGuideFlow, menuStep, nextAfter, type FlowName, type Flows, type Step } from './flows.js';
import { interpret, type GlobalCommand, type Interpreted, type UserInput } from './interpret.js';
import { languageOf } from './language.js';
import type { UnderstandingModel } from './understanding-model.js';

// One turn of a conversation, channel-neutral: restore the current flow from its
// persisted snapshot, send the event, run until the flow waits for the resident or
// ends (then start the next flow), and collect what was said. Pure apart from the
// actors the flows invoke.

export interface ConversationData {
  flow?: { name: FlowName; snapshot: Snapshot<unknown> };
  /** The verified resident this conversation belongs to; a change resets the flow */
  patientId?: string;
  /** The last question asked, to interpret the next answer and to repeat it */
  prompt?: Reply;
  /** Increases with every question asked; buttons carry it so a stale click is noticed */
  promptSeq?: number;
  /** Emergency advice was given mid-flow: the flow waits until the resident says to go on */
  halted?: { prompt?: Reply; asked?: boolean };
  /** The resident has been told, in English, that the bot works in Swedish */
  toldEnglish?: boolean;
}

export type TurnInput = { kind: 'start' } | ({ kind: 'message' } & UserInput);

export interface TurnDeps {
  flows: Flows;
  model: UnderstandingModel;
  /** The rendered label of a choice, as the resident sees it */
  labelOf: (choice: Choice) => string;
  now: DateTime;
  /** How long a flow may take to settle (booking system calls included) */
  settleTimeoutMs: number;
}

export interface TurnResult {
  data: ConversationData;
  replies: Reply[];
}

type Running = { name: FlowName; actor: AnyActorRef };

/** The longest message the bot reads. */
export const MAX_TEXT = 1000;

async function settle(running: Running, deps: TurnDeps): Promise<void> {
  const snapshot = await waitFor(running.actor, (s) => s.status !== 'active' || s.hasTag('awaitingUser'), { timeout: deps.settleTimeoutMs });
  if (snapshot.status === 'error') throw snapshot.error;
}

const outboxOf = (running: Running): Reply[] => (running.actor.getSnapshot().context as { outbox: Reply[] }).outbox;

function start(step: Step, deps: TurnDeps): Running {
  const actor = createActor(deps.flows.machines[step.flow]!, { input: step.input });
  actor.start();
  return { name: step.flow, actor };
}

/** Runs a flow until it waits for the resident; a finished flow leads into the next. */
async function follow(running: Running, replies: Reply[], data: ConversationData, deps: TurnDeps, hops = 0): Promise<Running> {
  await settle(running, deps);
  replies.push(...outboxOf(running));
  const snapshot = running.actor.getSnapshot();
  if (snapshot.status !== 'done') return running;
  if (hops >= 10) throw new Error('Flows did not settle: a loop between flows');
  const next = nextAfter(running.name, snapshot.output, data.patientId, deps.flows.guides);
  replies.push(...next.say);
  return follow(start(next.step, deps), replies, data, deps, hops + 1);
}

const runFrom = (step: Step, replies: Reply[], data: ConversationData, deps: TurnDeps) => follow(start(step, deps), replies, data, deps);

function restore(data: ConversationData, deps: TurnDeps): Running | undefined {
  // A flow whose machine is gone (a questionnaire removed from content) starts over.
  const machine = data.flow && deps.flows.machines[data.flow.name];
  if (!data.flow || !machine) return undefined;
  const actor = createActor(machine, { snapshot: data.flow.snapshot });
  actor.start();
  return { name: data.flow.name, actor };
}

function finish(running: Running, data: ConversationData, replies: Reply[]): TurnResult {
  const asked = [...replies].reverse().find((r) => r.expects !== undefined);
  const prompt = asked ?? data.prompt;
  const promptSeq = (data.promptSeq ?? 0) + (asked ? 1 : 0);
  const snapshot = running.actor.getPersistedSnapshot();
  running.actor.stop();
  return { data: { ...data, flow: { name: running.name, snapshot }, prompt, promptSeq }, replies };
}

const repeatPrompt = (prompt: Reply | undefined): Reply[] => (prompt ? [prompt] : []);

async function onGlobal(command: GlobalCommand, data: ConversationData, current: Running | undefined, deps: TurnDeps): Promise<TurnResult> {
  const replies: Reply[] = [];
  if (command === 'help') {
    const flow = current?.name ?? 'menu';
    replies.push({ parts: [t(`help.${isGuideFlow(flow) ? 'guided' : flow}`)] }, ...repeatPrompt(data.prompt));
    if (current) return finish(current, data, replies);
  } else {
    replies.push({ parts: [t(`global.${command}`)] });
  }
  current?.actor.stop();
  // Logging out forgets the conversation, as starting over does; who is logged in is the page's or channel's to end.
  const fresh: ConversationData = command === 'restart' || command === 'logout' ? { patientId: data.patientId, promptSeq: data.promptSeq } : data;
  const running = await runFrom(menuStep(command === 'restart' ? 'welcome' : 'plain'), replies, fresh, deps);
  return finish(running, fresh, replies);
}

/** The question asked after emergency advice given mid-flow, before the flow may go on. */
const RESUME: Reply = { parts: [t('advice.resume')], choices: [choice(YES, 'choice.resume'), choice(NO, 'choice.stopFlow')], expects: 'yesno' };

/** A question or a polite word beside the flow: answered, and the flow's question asked again. */
function aside(interpreted: Interpreted, prompt: Reply | undefined): Reply[] | undefined {
  const intent = interpreted.kind === 'stale' ? undefined : interpreted.understanding?.intent;
  if (intent === 'ask-cost' || intent === 'ask-unit') return [{ parts: [t(`answer.${intent}`)] }, ...repeatPrompt(prompt)];
  if (intent === 'thanks' || intent === 'greeting') return repeatPrompt(prompt);
  return undefined;
}

export async function runTurn(stored: ConversationData, input: TurnInput, patientId: string | undefined, deps: TurnDeps): Promise<TurnResult> {
  // A different (or no) verified resident never continues someone else's flow; only the
  // menu, which shows nothing personal, carries over (so logging in keeps its buttons).
  const data: ConversationData = stored.patientId === patientId ? stored
    : stored.flow?.name === 'menu' ? { ...stored, patientId, halted: undefined } : { patientId, promptSeq: stored.promptSeq };
  const replies: Reply[] = [];
  if (input.kind === 'start' && !data.flow) return finish(await runFrom(menuStep('welcome'), replies, data, deps), data, replies);
  if (input.kind === 'start') return finish(restore(data, deps)!, data, repeatPrompt(data.prompt));

  const welcome: Reply[] = [];
  const current = restore(data, deps) ?? (await runFrom(menuStep('welcome'), welcome, data, deps));
  current.actor.send({ type: 'turn.begin' });
  const prompt = data.flow ? data.prompt : welcome.at(-1);
  // A very long message is not read at all: understanding it would hold up everyone else.
  if ((input.text?.length ?? 0) > MAX_TEXT) return finish(current, { ...data, prompt }, [{ parts: [t('understand.tooLong', { max: MAX_TEXT })] }, ...repeatPrompt(prompt)]);
  // The safety net comes before anything else: emergency advice at once. A flow under way
  // is halted, so that the next "ja" does not carry it on as if nothing had happened.
  const text = input.text;
  const emergency = text ? await emergencyIn(text, deps.model) : undefined;
  if (emergency) {
    const inFlow = current.name !== 'menu';
    const advice: Reply = { parts: [t(deps.model.advice[emergency])] };
    return finish(current, { ...data, prompt, halted: inFlow ? { prompt: data.halted?.prompt ?? prompt } : undefined }, [advice]);
  }
  if (data.halted) return resumeAfterEmergency(input, { ...data, prompt: data.prompt }, current, deps);

  const english = text !== undefined && !data.toldEnglish && languageOf(text) === 'en';
  const told: ConversationData = english ? { ...data, toldEnglish: true } : data;
  const lead: Reply[] = english ? [{ parts: [t('english.intro')] }] : [];
  const result = await answer(input, { ...told, prompt }, current, welcome, deps);
  return { ...result, replies: [...lead, ...result.replies] };
}

async function answer(input: UserInput, data: ConversationData, current: Running, welcome: Reply[], deps: TurnDeps): Promise<TurnResult> {
  const { prompt } = data;
  const interpreted = await interpret(input, { prompt, seq: data.promptSeq ?? 0 }, { labelOf: deps.labelOf, model: deps.model, now: deps.now });
  if (interpreted.kind === 'global') return onGlobal(interpreted.command, data, current, deps);
  if (interpreted.kind === 'stale') return finish(current, data, [{ parts: [t('understand.stale')] }, ...repeatPrompt(prompt)]);

  const event = interpreted.event;
  // A first message that asks for nothing in particular («hej») gets the welcome.
  const said = interpreted.understanding?.intent;
  const opening = welcome.length > 0 && said !== undefined && ['greeting', 'thanks', 'yes', 'no', 'unknown'].includes(said);
  if (opening || !current.actor.getSnapshot().can(event)) {
    if (welcome.length > 0) return finish(current, data, welcome);
    const replies = aside(interpreted, prompt) ?? [{ parts: [notUnderstood(event, prompt)] }, ...repeatPrompt(prompt)];
    return finish(current, data, replies);
  }
  current.actor.send(event);
  const replies: Reply[] = [];
  return finish(await follow(current, replies, data, deps), data, replies);
}

/** After emergency advice mid-flow: go on only when the resident says so. */
async function resumeAfterEmergency(input: UserInput, data: ConversationData, current: Running, deps: TurnDeps): Promise<TurnResult> {
  const halted = data.halted!;
  const interpreted = await interpret(input, { prompt: halted.asked ? RESUME : data.prompt, seq: data.promptSeq ?? 0 }, { labelOf: deps.labelOf, model: deps.model, now: deps.now });
  const resumed: ConversationData = { ...data, halted: undefined, prompt: halted.prompt };
  if (interpreted.kind === 'global') return onGlobal(interpreted.command, resumed, current, deps);
  const said = interpreted.kind === 'event' ? interpreted.event.type : undefined;
  if (halted.asked && said === 'user.confirmed') return finish(current, resumed, repeatPrompt(halted.prompt));
  if (halted.asked && said === 'user.declined') return onGlobal('abort', resumed, current, deps);
  // Anything else, and any first answer («ja»): the question comes first, so nothing is
  // done on the resident's behalf.
  return finish(current, { ...data, halted: { ...halted, asked: true } }, [RESUME]);
}

/** Why the answer did not fit, as specific as the understanding allows. */
function notUnderstood(event: UserEvent, prompt: Reply | undefined) {
  if (event.type === 'user.said') {
    const problem = event.understanding.problems?.[0];
    if (problem?.kind === 'invalid-date') return t('understand.invalidDate', { text: problem.text });
    if (problem?.kind === 'past-date') return t('understand.pastDate', { date: problem.date });
  }
  return t(`understand.reprompt.${prompt?.expects ?? 'free'}`);
}

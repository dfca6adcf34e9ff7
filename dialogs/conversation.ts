import type { DateTime } from 'luxon';
import { createActor, waitFor, type AnyActorRef, type Snapshot } from 'xstate';
import type { UserEvent } from '../machines/events.js';
import { t, type Choice, type Reply } from '../machines/reply.js';
import { isGuideFlow, menuStep, nextAfter, type FlowName, type Flows, type Step } from './flows.js';
import { interpret, type GlobalCommand, type UserInput } from './interpret.js';
import { isEmergency } from './emergency.js';
import { normalize, tokens } from './normalize.js';
import { contentWords } from './understand.js';
import type { Lexicon } from './lexicon.js';

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
}

export type TurnInput = { kind: 'start' } | ({ kind: 'message' } & UserInput);

export interface TurnDeps {
  flows: Flows;
  lexicon: Lexicon;
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
  const fresh: ConversationData = command === 'restart' ? { patientId: data.patientId } : data;
  const running = await runFrom(menuStep(command === 'restart' ? 'welcome' : 'plain'), replies, fresh, deps);
  return finish(running, fresh, replies);
}

export async function runTurn(stored: ConversationData, input: TurnInput, patientId: string | undefined, deps: TurnDeps): Promise<TurnResult> {
  // A different (or no) verified resident never continues someone else's flow; only the
  // menu, which shows nothing personal, carries over (so logging in keeps its buttons).
  const data: ConversationData = stored.patientId === patientId ? stored
    : stored.flow?.name === 'menu' ? { ...stored, patientId } : { patientId, promptSeq: stored.promptSeq };
  const replies: Reply[] = [];
  if (input.kind === 'start' && !data.flow) return finish(await runFrom(menuStep('welcome'), replies, data, deps), data, replies);
  if (input.kind === 'start') return finish(restore(data, deps)!, data, repeatPrompt(data.prompt));

  const welcome: Reply[] = [];
  const current = restore(data, deps) ?? (await runFrom(menuStep('welcome'), welcome, data, deps));
  current.actor.send({ type: 'turn.begin' });
  const prompt = data.flow ? data.prompt : welcome.at(-1);
  // The safety net comes before anything else: emergency advice at once, the flow kept.
  const text = input.text?.slice(0, MAX_TEXT);
  if (text && isEmergency(text, deps.lexicon)) return finish(current, { ...data, prompt }, [{ parts: [t('advice.emergency')] }]);
  // A very long message is not read at all: understanding it would hold up everyone else.
  if ((input.text?.length ?? 0) > MAX_TEXT) return finish(current, { ...data, prompt }, [{ parts: [t('understand.tooLong', { max: MAX_TEXT })] }, ...repeatPrompt(prompt)]);
  const interpreted = interpret(input, { prompt, seq: data.promptSeq ?? 0 }, deps.labelOf, deps.lexicon, deps.now);
  if (interpreted.kind === 'global') return onGlobal(interpreted.command, { ...data, prompt }, current, deps);
  if (interpreted.kind === 'stale') return finish(current, data, [{ parts: [t('understand.stale')] }, ...repeatPrompt(prompt)]);

  const event = interpreted.event;
  if (!current.actor.getSnapshot().can(event)) {
    // A greeting or a bare "tack" is not a misunderstanding: the question is simply asked again.
    const politeOnly = event.type === 'user.said' && contentWords(tokens(normalize(event.text)), deps.lexicon).length === 0;
    const reprompt = welcome.length > 0 ? welcome : [...(politeOnly ? [] : [{ parts: [notUnderstood(event, prompt)] }]), ...repeatPrompt(prompt)];
    return finish(current, { ...data, prompt }, reprompt);
  }
  current.actor.send(event);
  return finish(await follow(current, replies, data, deps), data, replies);
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

import { assign, createActor, forwardTo, setup, type AnyActorRef, type AnyStateMachine } from 'xstate';
import type { BookingSummary, SlotSummary } from '../../booking/views.js';
import type { Understanding, UserEvent } from '../../machines/events.js';
import type { FlowEvent } from '../../machines/replies.js';
import type { Reply } from '../../machines/reply.js';
import { settle } from '../../machines/settle.js';

// A flow machine tested alone, as the conversation chart runs it: invoked as a child of
// a small parent that collects what the flow says (flow.said) and its progress reports,
// and forwards the resident's events to it.

export const summary = (over: Partial<BookingSummary> = {}): BookingSummary => ({
  id: 'b1',
  start: '2026-12-07T09:30:00+01:00',
  end: '2026-12-07T10:00:00+01:00',
  careServiceId: 'fyrisdal-lakarbesok',
  serviceName: 'Läkarbesök',
  unitHsaId: 'SE2321000016-DEMO1',
  unitName: 'Vårdcentralen Fyrisdal',
  unitPhone: '018-611 00 01',
  unitAddress: 'Fyrisdalsvägen 12, 753 20 Uppsala',
  shownWith: 'Leg. läkare Anna Berg',
  names: {
    service: ['Läkarbesök', 'läkare', 'doktor'],
    unit: ['Vårdcentralen Fyrisdal', 'fyrisdal'],
    performer: 'Leg. läkare Anna Berg',
  },
  cancel: { ok: true },
  rebook: { ok: true },
  changeDeadline: '2026-12-06T09:30:00+01:00',
  terms: {},
  reason: { cancel: 'none', rebook: 'none' },
  reasonMaxLength: 20,
  ...over,
});

export const slot = (id: string, start: string): SlotSummary => ({ id, start, end: start });

interface HarnessContext {
  input: unknown;
  said: Reply[];
  progress: number;
  done: boolean;
  output?: unknown;
}

type HarnessEvent = FlowEvent | UserEvent | { type: 'harness.turn' };

function harness(flow: AnyStateMachine) {
  return setup({
    types: {} as { context: HarnessContext; events: HarnessEvent; input: unknown },
    actors: { flow },
    actions: { forward: forwardTo<HarnessContext, HarnessEvent, undefined, HarnessEvent>('flow') },
  }).createMachine({
    context: ({ input }) => ({ input, said: [], progress: 0, done: false }),
    invoke: {
      id: 'flow',
      src: 'flow',
      input: ({ context }: { context: HarnessContext }) => context.input,
      onDone: { actions: assign({ done: true, output: ({ event }) => event.output as unknown }) },
    },
    on: {
      'flow.said': {
        actions: assign({
          said: ({ context, event }) => [...context.said, ...event.replies],
        }),
      },
      'flow.progress': { actions: assign({ progress: ({ context }) => context.progress + 1 }) },
      'harness.turn': { actions: assign({ said: [] }) },
      'user.*': { actions: 'forward' },
    },
  });
}

/** A flow under test: its state, output and what it said in the last turn. */
export interface TestFlow {
  send(event: UserEvent): void;
  getSnapshot(): {
    status: 'active' | 'done';
    output: unknown;
    value: unknown;
    context: Record<string, unknown>;
    can(event: UserEvent): boolean;
  };
  readonly said: Reply[];
  readonly progress: number;
}

/** Waits until no effect of the flow is running. */
export const settled = (flow: TestFlow): Promise<void> =>
  settle((flow as unknown as { actor: AnyActorRef }).actor, 2000);

export async function started(machine: AnyStateMachine, input: unknown): Promise<TestFlow> {
  const actor = createActor(harness(machine), { input });
  actor.start();
  const flow: TestFlow & { actor: AnyActorRef } = {
    actor,
    send: (event) => actor.send(event),
    getSnapshot: () => {
      const h = actor.getSnapshot();
      const child = h.children.flow as AnyActorRef | undefined;
      if (h.context.done || !child)
        return { status: 'done', output: h.context.output, value: 'done', context: {}, can: () => false };
      const s = child.getSnapshot() as { value: unknown; context: Record<string, unknown>; can(e: UserEvent): boolean };
      return { status: 'active', output: undefined, value: s.value, context: s.context, can: (e) => s.can(e) };
    },
    get said() {
      return actor.getSnapshot().context.said;
    },
    get progress() {
      return actor.getSnapshot().context.progress;
    },
  };
  await settled(flow);
  return flow;
}

/** Sends one event as a turn (forgetting what was said before) and waits until the flow waits again. */
export async function turn(flow: TestFlow, event: UserEvent): Promise<void> {
  (flow as unknown as { actor: AnyActorRef }).actor.send({ type: 'harness.turn' });
  flow.send(event);
  await settled(flow);
}

export const outbox = (flow: TestFlow): Reply[] => flow.said;
export const keys = (flow: TestFlow): string[] => outbox(flow).flatMap((r) => r.parts.map((p) => p.key));
export const state = (flow: TestFlow): unknown => flow.getSnapshot().value;
export const choices = (flow: TestFlow): string[] => outbox(flow).flatMap((r) => r.choices?.map((c) => c.value) ?? []);

export const understanding = (over: Partial<Understanding> = {}): Understanding => ({
  intent: 'unknown',
  wish: {},
  unitHsaIds: [],
  careServiceIds: [],
  ...over,
});

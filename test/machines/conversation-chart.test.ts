import { describe, expect, it } from 'vitest';
import { createActor, createMachine, type AnyStateNode } from 'xstate';
import { getShortestPaths, getStateNodes } from 'xstate/graph';
import { summary } from '../support/machines.js';
import { conversationMachine, type ConversationEvent } from '../../machines/conversation.machine.js';
import type { Understanding } from '../../machines/events.js';
import type { MenuIntent } from '../../machines/menu.machine.js';

// Model-based tests of the conversation chart (the root machine): every state is
// reachable, and from every state that waits for the resident the commands that work
// anywhere, an emergency and a change of errand lead where they should. The flows are
// children; here they "finish" with each output they can give.

const understood = (intent: Understanding['intent']): Understanding => ({
  intent,
  wish: {},
  unitHsaIds: [],
  careServiceIds: [],
});
const done = (output: unknown) =>
  ({ type: 'xstate.done.actor.flow', output, actorId: 'flow' }) as unknown as ConversationEvent;
const INTENTS: MenuIntent[] = ['view', 'cancel', 'rebook', 'book', 'book-invitation', 'guided'];
const offer = {
  careServiceId: 's',
  serviceName: 'Provtagning',
  unitHsaId: 'u',
  unitName: 'Fyrisdal',
  unitPhone: '1',
  reason: 'none' as const,
  reasonMaxLength: 200,
};

const invitation = {
  ...offer,
  id: 'i',
  purpose: 'p',
  earliestDate: '2026-12-01',
  latestDate: '2026-12-31',
  state: { ok: true },
};

/** What each flow can finish with. */
const OUTPUTS: Record<string, unknown[]> = {
  menu: [
    ...INTENTS.map((intent) => ({ intent, understanding: understood(intent) })),
    { intent: 'book', understanding: { ...understood('book'), forChild: true } },
  ],
  view: [undefined],
  pickBooking: [
    { outcome: 'picked', action: 'cancel', booking: summary(), termsAccepted: false, others: [] },
    { outcome: 'picked', action: 'rebook', booking: summary(), termsAccepted: true, others: [] },
    { outcome: 'menu' },
    { outcome: 'none' },
  ],
  cancelBooking: [{ outcome: 'cancelled' }],
  chooseService: [
    { outcome: 'chosen', offer, termsAccepted: false },
    { outcome: 'invitation', refusal: { code: 'invitation_required', unitName: 'u', phone: '1' } },
    { outcome: 'menu' },
    { outcome: 'none' },
  ],
  chooseInvitation: [{ outcome: 'chosen', invitation, termsAccepted: false }, { outcome: 'menu' }, { outcome: 'none' }],
  checkExisting: [{ outcome: 'go', others: [] }, { outcome: 'stop' }],
  chooseChild: [{ outcome: 'chosen', child: { id: '201812122385', name: 'Lilla' } }, { outcome: 'none' }],
  chooseTime: [{ outcome: 'booked' }, { outcome: 'kept' }],
  guided: [
    { outcome: 'book', careServiceId: 's', forChild: false },
    { outcome: 'book', careServiceId: 's', forChild: true },
    { outcome: 'advice', emergency: false },
    { outcome: 'advice', emergency: true },
    { outcome: 'menu' },
  ],
};

const COMMANDS = ['abort', 'restart', 'menu', 'logout'] as const;

const ALWAYS: ConversationEvent[] = [
  { type: 'intent.switch', request: { intent: 'view', understanding: understood('view') } },
  { type: 'flow.progress' },
  { type: 'safety.emergency', advice: 'advice.emergency' },
  { type: 'user.confirmed' },
  { type: 'user.declined' },
  { type: 'user.said', text: 'hmm', understanding: understood('unknown') },
  ...COMMANDS.map((c) => ({ type: `command.${c}` as const })),
  { type: 'command.help' },
];

const key = (s: { value: unknown; context: { progress: boolean } }) =>
  `${JSON.stringify(s.value)}|${s.context.progress}`;
const topState = (value: unknown) => (typeof value === 'string' ? value : (Object.keys(value as object)[0] ?? ''));
const events = (s: { value: unknown }): ConversationEvent[] => [
  ...(OUTPUTS[topState(s.value)] ?? []).map(done),
  ...ALWAYS,
];
const paths = getShortestPaths(conversationMachine, {
  events,
  input: { patientId: '191212121212' },
  serializeState: key,
});

/** Every state node the snapshot is in, by id. */
const idsOf = (value: unknown, prefix = 'conversation'): string[] => {
  if (typeof value === 'string') return [`${prefix}.${value}`];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => [
    `${prefix}.${k}`,
    ...idsOf(v, `${prefix}.${k}`),
  ]);
};

const waiting = paths.map((p) => p.state).filter((s) => !s.matches('routing'));

// Flows that wait, as children do between turns: what they would say is not the chart's concern here.
const waitingFlow = createMachine({ id: 'waiting' });
const chart = conversationMachine.provide({
  actors: Object.fromEntries(Object.keys(OUTPUTS).map((name) => [name, waitingFlow])),
});

function after(snapshotPath: (typeof paths)[number], event: ConversationEvent) {
  const actor = createActor(chart, { snapshot: snapshotPath.state, input: { patientId: '191212121212' } });
  const emitted: string[] = [];
  actor.on('replies', (e) => emitted.push(...e.replies.flatMap((r) => r.parts.map((p) => p.key))));
  actor.on('repeat', () => emitted.push('(repeat)'));
  actor.start();
  actor.send(event);
  const state = actor.getSnapshot();
  actor.stop();
  return { state, emitted };
}

describe('the conversation chart', () => {
  it('reaches every one of its states', () => {
    const reached = new Set(paths.flatMap((p) => idsOf(p.state.value)));
    // A transient state (routing) is passed through on the way to another and never rests.
    const transient = (n: AnyStateNode) => (n.always ?? []).some((t) => !t.guard);
    const all = getStateNodes(conversationMachine.root)
      .filter((n: AnyStateNode) => !transient(n))
      .map((n: AnyStateNode) => n.id);
    expect(all.filter((id) => !reached.has(id))).toEqual([]);
    expect(all.length).toBeGreaterThan(30);
  });

  it.each(COMMANDS)('leads "%s" back to the menu from every state, with its words', (command) => {
    for (const path of paths) {
      const { state, emitted } = after(path, { type: `command.${command}` as const });
      expect(state.value, JSON.stringify(path.state.value)).toBe('menu');
      // At the menu itself there is nothing to stop: «avbryt» there is a goodbye.
      const atMenu = path.state.value === 'menu';
      expect(emitted[0]).toBe(command === 'abort' && atMenu ? 'menu.goodbye' : `global.${command}`);
    }
  });

  it('answers "hjälp" where the resident is, and asks the same question again', () => {
    for (const state of waiting) {
      const { state: next, emitted } = after({ state } as (typeof paths)[number], { type: 'command.help' });
      expect(next.value).toEqual(state.value);
      expect(emitted[0]).toMatch(/^help\./);
      expect(emitted.at(-1)).toBe('(repeat)');
    }
  });

  it('halts an errand on an emergency, and only says the advice at the menu', () => {
    for (const state of waiting) {
      const { state: next, emitted } = after({ state } as (typeof paths)[number], {
        type: 'safety.emergency',
        advice: 'advice.emergency',
      });
      expect(emitted).toEqual(['advice.emergency']);
      if (state.matches('menu')) expect(next.value).toBe('menu');
      else expect(Object.values(next.value as Record<string, string>)).toEqual(['halted']);
    }
  });

  it('asks before leaving an errand with progress, and switches at once otherwise', () => {
    const request = { intent: 'view' as const, understanding: understood('view') };
    for (const state of waiting.filter((s) => !s.matches('menu'))) {
      const { state: next, emitted } = after({ state } as (typeof paths)[number], { type: 'intent.switch', request });
      const inSubstate = Object.values(state.value as Record<string, string>)[0];
      if (inSubstate !== 'running') continue;
      if (state.context.progress) {
        expect(Object.values(next.value as Record<string, string>)).toEqual(['askingSwitch']);
        expect(emitted).toEqual(['switch.ask']);
      } else {
        expect(next.matches('view'), JSON.stringify(state.value)).toBe(true);
      }
    }
  });

  it('goes on with the errand only when the resident says so after emergency advice', () => {
    const halted = waiting.find((s) => JSON.stringify(s.value) === JSON.stringify({ chooseTime: 'halted' }));
    expect(halted).toBeDefined();
    const asked = after({ state: halted } as (typeof paths)[number], { type: 'user.confirmed' });
    expect(asked.state.value).toEqual({ chooseTime: 'askingResume' });
    expect(asked.emitted).toEqual(['advice.resume']);
  });
});

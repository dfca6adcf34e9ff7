import { createActor, waitFor, type AnyActorRef, type AnyStateMachine } from 'xstate';
import type { BookingSummary, SlotSummary } from '../../machines/ports.js';
import type { Reply } from '../../machines/reply.js';
import type { TurnEvent } from '../../machines/events.js';

export const summary = (over: Partial<BookingSummary> = {}): BookingSummary => ({
  id: 'b1', start: '2026-12-07T09:30:00+01:00', end: '2026-12-07T10:00:00+01:00', serviceName: 'Läkarbesök',
  unitName: 'Vårdcentralen Fyrisdal', unitPhone: '018-611 00 01', shownWith: 'Leg. läkare Anna Berg',
  cancel: { ok: true }, rebook: { ok: true }, changeDeadline: '2026-12-06T09:30:00+01:00', terms: {},
  reason: { cancel: 'none', rebook: 'none' }, reasonMaxLength: 20, ...over,
});

export const slot = (id: string, start: string): SlotSummary => ({ id, start, end: start });

export async function started(machine: AnyStateMachine, input: unknown): Promise<AnyActorRef> {
  const actor = createActor(machine, { input });
  actor.start();
  await settled(actor);
  return actor;
}

export const settled = (actor: AnyActorRef) => waitFor(actor, (s) => s.status !== 'active' || s.hasTag('awaitingUser'), { timeout: 2000 });

/** Sends one event as a turn (clearing the outbox first) and waits until the machine waits again. */
export async function turn(actor: AnyActorRef, event: TurnEvent): Promise<void> {
  actor.send({ type: 'turn.begin' });
  actor.send(event);
  await settled(actor);
}

export const outbox = (actor: AnyActorRef): Reply[] => (actor.getSnapshot().context as { outbox: Reply[] }).outbox;
export const keys = (actor: AnyActorRef): string[] => outbox(actor).flatMap((r) => r.parts.map((p) => p.key));
export const state = (actor: AnyActorRef): unknown => actor.getSnapshot().value;
export const choices = (actor: AnyActorRef): string[] => outbox(actor).flatMap((r) => r.choices?.map((c) => c.value) ?? []);

export const understanding = (over: Partial<import('../../machines/events.js').Understanding> = {}) => ({
  intent: 'unknown' as const, wish: {}, unitHsaIds: [], careServiceIds: [], ...over,
});

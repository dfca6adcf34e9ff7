import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingEffects, SLOTS_PER_SEARCH, type BookingEffects } from '../../booking/effects.js';
import type { FoundSlots, Outcome } from '../../booking/views.js';
import { cleanupTidboks, freshTidbok, TEST_NOW, TOLVAN } from '../support/tidbok.js';

// The free-time search returns at most SLOTS_PER_SEARCH times, whole days only, and says
// where the next search starts; searching on from there leaves no day out.

const SIV = '191111111111';
const target = { kind: 'open' as const, careServiceId: 'fyrisdal-provtagning', viaGuide: false };
let env: ReturnType<typeof freshTidbok>;
let effects: BookingEffects;

beforeAll(() => {
  env = freshTidbok();
  effects = bookingEffects(env.service, () => TEST_NOW);
});
afterAll(cleanupTidboks);

const found = (o: Outcome<FoundSlots>): FoundSlots => {
  if (!o.ok) throw new Error(`refused: ${o.rejection.code}`);
  return o.value;
};
const dates = (f: FoundSlots) => [...new Set(f.slots.map((s) => s.start.slice(0, 10)))];

describe('the free-time search, a page of whole days at a time', () => {
  it('returns at most one page, whole days, and where the next page starts', async () => {
    const first = found(await effects.findSlots({ patientId: TOLVAN, target, wish: {} }));
    expect(first.slots.length).toBeLessThanOrEqual(SLOTS_PER_SEARCH);
    expect(first.more?.from).toBeDefined();
    const from = first.more!.from;
    expect(first.slots.every((s) => s.start.slice(0, 10) < from)).toBe(true);

    // Every free time of the window, for comparison: the pages together leave none out.
    const all = await env.service.freeSlots(
      TOLVAN,
      { kind: 'open', careServiceId: target.careServiceId },
      {},
      TEST_NOW,
    );
    if (!all.ok) throw new Error('refused');
    const next = found(await effects.findSlots({ patientId: TOLVAN, target, wish: { dateFrom: from } }));
    const together = [...first.slots, ...next.slots].map((s) => s.id);
    expect(together).toEqual(all.value.slice(0, together.length).map((s) => s.id));
    expect(dates(next)[0]).toBe(from);
  });

  it('keeps to the wish on every page', async () => {
    const wish = { timeFrom: '09:00' };
    const first = found(await effects.findSlots({ patientId: TOLVAN, target, wish }));
    const next = first.more
      ? found(await effects.findSlots({ patientId: TOLVAN, target, wish: { ...wish, dateFrom: first.more.from } }))
      : { slots: [] };
    for (const s of [...first.slots, ...next.slots]) expect(s.start.slice(11, 16) >= '09:00').toBe(true);
    expect(first.slots.length).toBeGreaterThan(0);
    expect(next.slots.length).toBeGreaterThan(0);
  });

  it('leaves out a weekday said not to be, in the database as on every page', async () => {
    const first = found(await effects.findSlots({ patientId: TOLVAN, target, wish: { notWeekday: 1 } }));
    const weekdays = first.slots.map((s) => DateTime.fromISO(s.start, { setZone: true }).weekday);
    expect(weekdays.length).toBeGreaterThan(0);
    expect(weekdays).not.toContain(1);
  });

  it('leaves out a time taken meanwhile and still finds the rest of the day', async () => {
    const first = found(await effects.findSlots({ patientId: TOLVAN, target, wish: {} }));
    const from = first.more!.from;
    const before = found(await effects.findSlots({ patientId: TOLVAN, target, wish: { dateFrom: from } }));
    const taken = before.slots[0]!;
    const booked = await env.service.book(SIV, taken.id, { termsAccepted: true }, TEST_NOW);
    expect(booked.ok).toBe(true);
    const after = found(await effects.findSlots({ patientId: TOLVAN, target, wish: { dateFrom: from } }));
    expect(after.slots.map((s) => s.id)).not.toContain(taken.id);
    expect(after.slots.map((s) => s.id)).toContain(before.slots[1]!.id);
  });
});

import { describe, expect, it } from 'vitest';
import { fromPromise } from 'xstate';
import type { TimeWish } from '../../booking/slot-filter.js';
import type { BookingSummary, FindRebookSlotsInput, Outcome, RebookInput, SlotSummary } from '../../machines/ports.js';
import { rebookTimeMachine } from '../../machines/rebook-time.machine.js';
import { choices, keys, slot, started, state, summary, turn, understanding } from '../support/machines.js';

const SLOTS = Array.from({ length: 6 }, (_, i) => slot(`s${i}`, `2026-12-1${i}T10:00:00+01:00`));

function rebookWith(opts: { find?: (wish: TimeWish) => Outcome<SlotSummary[]> | Error; rebook?: (slotId: string) => Outcome<BookingSummary> | Error }) {
  const searches: FindRebookSlotsInput[] = [];
  const writes: RebookInput[] = [];
  const machine = rebookTimeMachine.provide({
    actors: {
      findSlots: fromPromise<Outcome<SlotSummary[]>, FindRebookSlotsInput>(async ({ input }) => {
        searches.push(input);
        const r = (opts.find ?? (() => ({ ok: true, value: SLOTS })))(input.wish);
        if (r instanceof Error) throw r;
        return r;
      }),
      rebookBooking: fromPromise<Outcome<BookingSummary>, RebookInput>(async ({ input }) => {
        writes.push(input);
        const r = (opts.rebook ?? (() => ({ ok: true, value: summary() })))(input.slotId);
        if (r instanceof Error) throw r;
        return r;
      }),
    },
  });
  return { machine, searches, writes };
}

const input = { patientId: 'p', booking: summary(), termsAccepted: true };

describe('rebooking the chosen booking', () => {
  it('offers four times at a time, then later times', async () => {
    const { machine } = rebookWith({});
    const a = await started(machine, input);
    expect(choices(a)).toEqual(['s0', 's1', 's2', 's3', 'more', 'other-day', 'keep']);
    await turn(a, { type: 'user.chose', value: 'more' });
    expect(keys(a)).toEqual(['rebook.offerMore']);
    expect(choices(a)).toEqual(['s4', 's5', 'other-day', 'keep']);
  });

  it('narrows the search by what the resident says', async () => {
    const { machine, searches } = rebookWith({});
    const a = await started(machine, input);
    await turn(a, { type: 'user.said', text: 'på förmiddagen', understanding: understanding({ wish: { partOfDay: 'morning' } }) });
    expect(searches.at(-1)?.wish).toEqual({ partOfDay: 'morning' });
    expect(state(a)).toBe('offering');
  });

  it('asks for another day, and searches everything again on "visa alla"', async () => {
    const { machine, searches } = rebookWith({});
    const a = await started(machine, { ...input, wish: { weekday: 5 } });
    await turn(a, { type: 'user.chose', value: 'other-day' });
    expect(keys(a)).toEqual(['rebook.askWish']);
    await turn(a, { type: 'user.chose', value: 'any-time' });
    expect(searches.at(-1)?.wish).toEqual({});
  });

  it('says when no time fits the wish, and when there is none at all', async () => {
    const { machine } = rebookWith({ find: () => ({ ok: true, value: [] }) });
    const a = await started(machine, { ...input, wish: { weekday: 6 } });
    expect(keys(a)).toEqual(['rebook.noSlotsForWish', 'rebook.askWish']);
    const b = await started(machine, input);
    expect(keys(b)).toEqual(['rebook.noSlots', 'rebook.askWish']);
  });

  it('rebooks after an explicit yes', async () => {
    const { machine, writes } = rebookWith({});
    const a = await started(machine, input);
    await turn(a, { type: 'user.chose', value: 's2' });
    expect(keys(a)).toEqual(['rebook.confirm']);
    await turn(a, { type: 'user.confirmed' });
    expect(a.getSnapshot().output).toEqual({ outcome: 'rebooked' });
    expect(writes).toEqual([{ patientId: 'p', bookingId: 'b1', slotId: 's2', termsAccepted: true }]);
  });

  it('goes back to the times on no', async () => {
    const { machine, writes } = rebookWith({});
    const a = await started(machine, input);
    await turn(a, { type: 'user.chose', value: 's2' });
    await turn(a, { type: 'user.declined' });
    expect(state(a)).toBe('offering');
    expect(writes).toHaveLength(0);
  });

  it('offers fresh times when the chosen one was taken meanwhile, without starting over', async () => {
    const { machine, searches } = rebookWith({ rebook: (id) => (id === 's0' ? { ok: false, rejection: { code: 'slot_taken' } } : { ok: true, value: summary() }) });
    const a = await started(machine, input);
    await turn(a, { type: 'user.chose', value: 's0' });
    await turn(a, { type: 'user.confirmed' });
    expect(keys(a)).toEqual(['rebook.slotTaken', 'rebook.offer']);
    expect(searches).toHaveLength(2);
    await turn(a, { type: 'user.chose', value: 's1' });
    await turn(a, { type: 'user.confirmed' });
    expect(a.getSnapshot().output).toEqual({ outcome: 'rebooked' });
  });

  it('ends with the reason when the rules refuse at the moment of writing', async () => {
    const { machine } = rebookWith({ rebook: () => ({ ok: false, rejection: { code: 'too_late_to_rebook', deadline: '2026-12-06T09:30:00+01:00', hours: 24, unitName: 'U', phone: '1' } }) });
    const a = await started(machine, input);
    await turn(a, { type: 'user.chose', value: 's0' });
    await turn(a, { type: 'user.confirmed' });
    expect(a.getSnapshot().output).toEqual({ outcome: 'refused' });
    expect(keys(a)).toEqual(['booking.rejected.too_late_to_rebook']);
  });

  it('ends with the reason when the search itself is refused', async () => {
    const { machine } = rebookWith({ find: () => ({ ok: false, rejection: { code: 'series_booking' } }) });
    const a = await started(machine, input);
    expect(a.getSnapshot().output).toEqual({ outcome: 'refused' });
  });

  it('stays at the confirmation when the booking system fails', async () => {
    const { machine } = rebookWith({ rebook: () => new Error('timeout') });
    const a = await started(machine, input);
    await turn(a, { type: 'user.chose', value: 's0' });
    await turn(a, { type: 'user.confirmed' });
    expect(state(a)).toBe('confirming');
    expect(keys(a)[0]).toBe('error.bookingSystem');
  });

  it('asks for a wish when the search fails, instead of ending', async () => {
    const { machine } = rebookWith({ find: () => new Error('down') });
    const a = await started(machine, input);
    expect(keys(a)).toEqual(['error.bookingSystem', 'rebook.askWish']);
  });

  it('keeps the time on request', async () => {
    const { machine } = rebookWith({});
    const a = await started(machine, input);
    await turn(a, { type: 'user.chose', value: 'keep' });
    expect(a.getSnapshot().output).toEqual({ outcome: 'kept' });
    expect(keys(a)).toEqual(['rebook.kept']);
  });
});

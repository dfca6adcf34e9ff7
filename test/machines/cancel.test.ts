import { describe, expect, it } from 'vitest';
import { fromPromise } from 'xstate';
import { cancelBookingMachine } from '../../machines/cancel-booking.machine.js';
import { pickBookingMachine } from '../../machines/pick-booking.machine.js';
import type { CancelInput } from '../../booking/effects.js';
import type { BookingSummary, Outcome } from '../../booking/views.js';
import { choices, keys, started, state, summary, turn, understanding } from '../support/machines.js';

const pick = (bookings: BookingSummary[] | Error) =>
  pickBookingMachine.provide({
    actors: {
      listBookings: fromPromise(async () => {
        if (bookings instanceof Error) throw bookings;
        return bookings;
      }),
    },
  });

function cancelWith(result: Outcome<BookingSummary> | Error, calls: CancelInput[] = []) {
  return cancelBookingMachine.provide({
    actors: {
      cancelBooking: fromPromise<Outcome<BookingSummary>, CancelInput>(async ({ input }) => {
        calls.push(input);
        if (result instanceof Error) throw result;
        return result;
      }),
    },
  });
}

const tuesday = summary({ id: 'tue', start: '2026-12-08T10:00:00+01:00' });
const series = summary({
  id: 'series',
  start: '2026-12-09T10:00:00+01:00',
  cancel: {
    ok: false,
    rejection: { code: 'series_booking', unitName: 'Fysioterapin Eriksdal', phone: '018-611 00 03' },
  },
});
const withTerms = summary({ id: 'terms', terms: { cancel: 'terms.change.specialist' } });

describe('choosing a booking to cancel', () => {
  it('says so when there are no bookings', async () => {
    const a = await started(pick([]), { patientId: 'p', action: 'cancel' });
    expect(a.getSnapshot().output).toEqual({ outcome: 'none' });
    expect(keys(a)).toEqual(['cancel.none']);
  });

  it('offers the bookings as choices, four at a time with "fler"', async () => {
    const many = Array.from({ length: 6 }, (_, i) => summary({ id: `b${i}` }));
    const a = await started(pick(many), { patientId: 'p', action: 'cancel' });
    expect(choices(a)).toEqual(['b0', 'b1', 'b2', 'b3', 'more', 'menu']);
    await turn(a, { type: 'user.chose', value: 'more' });
    expect(choices(a)).toEqual(['b4', 'b5', 'menu']);
  });

  it('picks the booking the resident points at by day', async () => {
    const a = await started(pick([summary(), tuesday]), {
      patientId: 'p',
      action: 'cancel',
      hint: understanding({ wish: { dateFrom: '2026-12-08', dateTo: '2026-12-08', weekday: 2 } }),
    });
    expect(a.getSnapshot().output).toMatchObject({ outcome: 'picked', booking: { id: 'tue' } });
  });

  it('says so when no booking is on the day the resident named, and lists them all', async () => {
    const a = await started(pick([summary(), tuesday]), {
      patientId: 'p',
      action: 'cancel',
      hint: understanding({ wish: { dateFrom: '2026-12-10', dateTo: '2026-12-10', weekday: 4 } }),
    });
    expect(keys(a)).toEqual(['pick.noneThatDay', 'cancel.choose']);
    expect(choices(a)).toEqual(['b1', 'tue', 'menu']);
  });

  it('explains a refusal and offers another booking', async () => {
    const a = await started(pick([summary(), series]), { patientId: 'p', action: 'cancel' });
    await turn(a, { type: 'user.chose', value: 'series' });
    expect(state(a)).toBe('refused');
    expect(keys(a)).toEqual([
      'booking.summary',
      'booking.shownWith',
      'booking.where',
      'booking.rejected.series_booking',
      'pick.chooseAnother',
    ]);
    await turn(a, { type: 'user.chose', value: 'b1' });
    expect(a.getSnapshot().output).toMatchObject({ outcome: 'picked', booking: { id: 'b1' }, termsAccepted: false });
  });

  it('asks for the terms and ends when they are declined', async () => {
    // A single booking is taken at once; its terms follow, with the booking shown above them.
    const a = await started(pick([withTerms]), { patientId: 'p', action: 'cancel' });
    expect(keys(a)).toEqual([
      'booking.summary',
      'booking.shownWith',
      'booking.where',
      'terms.intro',
      'terms.change.specialist',
    ]);
    await turn(a, { type: 'user.declined' });
    expect(a.getSnapshot().output).toEqual({ outcome: 'declined' });
  });

  it('goes on with the terms accepted', async () => {
    const a = await started(pick([withTerms]), { patientId: 'p', action: 'cancel' });
    await turn(a, { type: 'user.chose', value: 'terms' });
    await turn(a, { type: 'user.confirmed' });
    expect(a.getSnapshot().output).toMatchObject({ outcome: 'picked', termsAccepted: true });
  });

  it('apologises when the booking system fails', async () => {
    const a = await started(pick(new Error('down')), { patientId: 'p', action: 'cancel' });
    expect(a.getSnapshot().output).toEqual({ outcome: 'failed' });
    expect(keys(a)).toEqual(['error.bookingSystem']);
  });

  it('goes back to the menu on request', async () => {
    const a = await started(pick([summary(), tuesday]), { patientId: 'p', action: 'cancel' });
    await turn(a, { type: 'user.chose', value: 'menu' });
    expect(a.getSnapshot().output).toEqual({ outcome: 'menu' });
  });
});

describe('cancelling the chosen booking', () => {
  it('cancels after an explicit yes', async () => {
    const calls: CancelInput[] = [];
    const a = await started(cancelWith({ ok: true, value: summary() }, calls), {
      patientId: 'p',
      booking: summary(),
      termsAccepted: false,
    });
    expect(keys(a)[0]).toBe('cancel.confirm');
    await turn(a, { type: 'user.confirmed' });
    expect(a.getSnapshot().output).toEqual({ outcome: 'cancelled' });
    expect(keys(a)).toEqual(['cancel.done', 'booking.where']);
    expect(calls).toEqual([{ patientId: 'p', bookingId: 'b1', termsAccepted: false, reason: undefined }]);
  });

  it('keeps the booking on no', async () => {
    const calls: CancelInput[] = [];
    const a = await started(cancelWith({ ok: true, value: summary() }, calls), {
      patientId: 'p',
      booking: summary(),
      termsAccepted: false,
    });
    await turn(a, { type: 'user.declined' });
    expect(a.getSnapshot().output).toEqual({ outcome: 'kept' });
    expect(calls).toHaveLength(0);
  });

  it('asks for a required reason, refuses one too long, and passes it on', async () => {
    const calls: CancelInput[] = [];
    const booking = summary({ reason: { cancel: 'required', rebook: 'none' }, reasonMaxLength: 20 });
    const a = await started(cancelWith({ ok: true, value: booking }, calls), {
      patientId: 'p',
      booking,
      termsAccepted: true,
    });
    expect(keys(a)).toEqual(['cancel.reason.required']);
    expect(choices(a)).toEqual([]);
    await turn(a, { type: 'user.text', text: 'x'.repeat(21) });
    expect(keys(a)).toEqual(['booking.rejected.reason_too_long', 'cancel.reason.required']);
    await turn(a, { type: 'user.text', text: 'Frisk igen' });
    await turn(a, { type: 'user.confirmed' });
    expect(calls[0]).toMatchObject({ reason: 'Frisk igen', termsAccepted: true });
  });

  it('lets an optional reason be skipped', async () => {
    const booking = summary({ reason: { cancel: 'optional', rebook: 'none' } });
    const a = await started(cancelWith({ ok: true, value: booking }), {
      patientId: 'p',
      booking,
      termsAccepted: false,
    });
    expect(choices(a)).toEqual(['skip']);
    await turn(a, { type: 'user.chose', value: 'skip' });
    expect(state(a)).toBe('confirming');
  });

  it('tells the refusal the booking system gives at the moment of writing', async () => {
    const a = await started(
      cancelWith({
        ok: false,
        rejection: {
          code: 'too_late_to_cancel',
          deadline: '2026-12-06T09:30:00+01:00',
          hours: 24,
          unitName: 'U',
          phone: '1',
        },
      }),
      { patientId: 'p', booking: summary(), termsAccepted: false },
    );
    await turn(a, { type: 'user.confirmed' });
    expect(a.getSnapshot().output).toEqual({ outcome: 'refused' });
    expect(keys(a)).toEqual(['booking.rejected.too_late_to_cancel']);
  });

  it('stays at the question when the booking system fails, so the resident can try again', async () => {
    const a = await started(cancelWith(new Error('timeout')), {
      patientId: 'p',
      booking: summary(),
      termsAccepted: false,
    });
    await turn(a, { type: 'user.confirmed' });
    expect(state(a)).toBe('confirming');
    expect(keys(a)).toEqual([
      'error.bookingSystem',
      'cancel.confirm',
      'booking.summary',
      'booking.shownWith',
      'booking.where',
    ]);
  });
});

import type { DateTime } from 'luxon';
import {
  canBookSlot,
  canCancel,
  canRebook,
  canRebookTo,
  checkTermsAndReason,
  type BookingMode,
} from '../../booking/policy.js';
import type { BookingResult, RejectionCode } from '../../booking/rejections.js';
import { at, booking, invitation, rules, service, slot, unit } from '../support/fixtures.js';

// The policy's cases as a table, shared by policy.test.ts and the rejection coverage test.

export interface PolicyCase {
  name: string;
  run: (now: DateTime) => BookingResult<void>;
  now: string;
  expected: RejectionCode | 'ok';
}

const ctx = (
  over: {
    b?: Parameters<typeof booking>[0];
    u?: Parameters<typeof unit>[0];
    s?: Parameters<typeof service>[0];
    r?: Parameters<typeof rules>[0];
  } = {},
) => ({
  booking: booking(over.b),
  unit: unit(over.u),
  service: service(over.s),
  rules: rules(over.r),
});
const slotCtx = (
  over: {
    sl?: Parameters<typeof slot>[0];
    u?: Parameters<typeof unit>[0];
    s?: Parameters<typeof service>[0];
    r?: Parameters<typeof rules>[0];
  } = {},
) => ({
  slot: slot(over.sl),
  unit: unit(over.u),
  service: service(over.s),
  rules: rules(over.r),
});
const open: BookingMode = { kind: 'open', viaGuide: false };
const invited = (over: Parameters<typeof invitation>[0] = {}): BookingMode => ({
  kind: 'invitation',
  invitation: invitation(over),
});
const NOW = '2026-12-01T09:00';

export const CANCEL_CASES: PolicyCase[] = [
  { name: 'an ordinary booking well before the deadline', run: (n) => canCancel(ctx(), n), now: NOW, expected: 'ok' },
  {
    name: 'a series booking',
    run: (n) => canCancel(ctx({ b: { seriesId: 'serie-1' } }), n),
    now: NOW,
    expected: 'series_booking',
  },
  {
    name: 'a booking with several resources',
    run: (n) => canCancel(ctx({ b: { resourceCount: 2 } }), n),
    now: NOW,
    expected: 'multiple_resources',
  },
  {
    name: 'a booking at a confidential unit, as if it did not exist',
    run: (n) => canCancel(ctx({ u: { confidential: true } }), n),
    now: NOW,
    expected: 'booking_not_found',
  },
  {
    name: 'a booking at an emergency unit',
    run: (n) => canCancel(ctx({ u: { kind: 'emergency' } }), n),
    now: NOW,
    expected: 'emergency_unit',
  },
  {
    name: 'a booking at a maternity unit',
    run: (n) => canCancel(ctx({ u: { kind: 'maternity' } }), n),
    now: NOW,
    expected: 'maternity_unit',
  },
  {
    name: 'a booking at a drop-in unit',
    run: (n) => canCancel(ctx({ u: { kind: 'drop-in' } }), n),
    now: NOW,
    expected: 'drop_in_unit',
  },
  {
    name: 'a booking at a unit without a booking book',
    run: (n) => canCancel(ctx({ u: { hasBookingBook: false } }), n),
    now: NOW,
    expected: 'unit_not_bookable',
  },
  {
    name: 'a booking at a unit on an unconnected system',
    run: (n) => canCancel(ctx({ u: { bookingSystem: 'Opus Dental' } }), n),
    now: NOW,
    expected: 'system_not_connected',
  },
  {
    name: 'a booking at a unit on T4 (connected)',
    run: (n) => canCancel(ctx({ u: { bookingSystem: 'T4' } }), n),
    now: NOW,
    expected: 'ok',
  },
  {
    name: 'a booking at a unit on ProSang, spelt in lower case',
    run: (n) => canCancel(ctx({ u: { bookingSystem: 'prosang' } }), n),
    now: NOW,
    expected: 'ok',
  },
  {
    name: 'a booking at a unit with special legal handling',
    run: (n) => canCancel(ctx({ u: { specialHandling: true } }), n),
    now: NOW,
    expected: 'special_handling',
  },
  {
    name: 'a booking of a service with special medical handling',
    run: (n) => canCancel(ctx({ s: { specialHandling: true } }), n),
    now: NOW,
    expected: 'special_handling',
  },
  {
    name: 'a service the konfiguration does not let be cancelled online',
    run: (n) => canCancel(ctx({ r: { mayCancel: false } }), n),
    now: NOW,
    expected: 'cancel_not_online',
  },
  {
    name: 'a booking one minute before the 24 h deadline',
    run: (n) => canCancel(ctx(), n),
    now: '2026-12-09T09:59',
    expected: 'ok',
  },
  {
    name: 'a booking at the 24 h deadline',
    run: (n) => canCancel(ctx(), n),
    now: '2026-12-09T10:00',
    expected: 'too_late_to_cancel',
  },
  {
    name: 'a booking inside a 72 h deadline',
    run: (n) => canCancel(ctx({ r: { changeDeadlineHours: 72 } }), n),
    now: '2026-12-07T10:30',
    expected: 'too_late_to_cancel',
  },
  {
    name: 'a booking just before a 72 h deadline',
    run: (n) => canCancel(ctx({ r: { changeDeadlineHours: 72 } }), n),
    now: '2026-12-07T09:59',
    expected: 'ok',
  },
  {
    name: 'a booking that has already started',
    run: (n) => canCancel(ctx(), n),
    now: '2026-12-10T10:00',
    expected: 'in_the_past',
  },
  {
    name: 'a booking already cancelled',
    run: (n) => canCancel(ctx({ b: { status: 'cancelled' } }), n),
    now: NOW,
    expected: 'already_cancelled',
  },
  // DST: clocks go forward on Sunday 29 March 2026 02:00 -> 03:00
  {
    name: 'spring DST: 24 h before Monday 10.00 is Sunday 10.00 (23 real hours)',
    run: (n) => canCancel(ctx({ b: { start: '2026-03-30T10:00:00+02:00' } }), n),
    now: '2026-03-29T09:59',
    expected: 'ok',
  },
  {
    name: 'spring DST: at Sunday 10.00 it is too late',
    run: (n) => canCancel(ctx({ b: { start: '2026-03-30T10:00:00+02:00' } }), n),
    now: '2026-03-29T10:00',
    expected: 'too_late_to_cancel',
  },
  {
    name: 'spring DST: 24 h deadline across the change from Saturday night',
    run: (n) => canCancel(ctx({ b: { start: '2026-03-29T09:00:00+02:00' } }), n),
    now: '2026-03-28T09:00',
    expected: 'too_late_to_cancel',
  },
  // DST: clocks go back on Sunday 25 October 2026 03:00 -> 02:00
  {
    name: 'autumn DST: 24 h before Monday 10.00 is Sunday 10.00 (25 real hours)',
    run: (n) => canCancel(ctx({ b: { start: '2026-10-26T10:00:00+01:00' } }), n),
    now: '2026-10-25T09:59',
    expected: 'ok',
  },
  {
    name: 'autumn DST: at Sunday 10.00 it is too late',
    run: (n) => canCancel(ctx({ b: { start: '2026-10-26T10:00:00+01:00' } }), n),
    now: '2026-10-25T10:00',
    expected: 'too_late_to_cancel',
  },
  {
    name: 'autumn DST: 72 h deadline straddling the change',
    run: (n) => canCancel(ctx({ b: { start: '2026-10-27T08:00:00+01:00' }, r: { changeDeadlineHours: 72 } }), n),
    now: '2026-10-24T08:00',
    expected: 'too_late_to_cancel',
  },
];

export const REBOOK_CASES: PolicyCase[] = [
  { name: 'an ordinary booking', run: (n) => canRebook(ctx(), n), now: NOW, expected: 'ok' },
  {
    name: 'a series booking',
    run: (n) => canRebook(ctx({ b: { seriesId: 's' } }), n),
    now: NOW,
    expected: 'series_booking',
  },
  {
    name: 'a booking with several professions',
    run: (n) => canRebook(ctx({ b: { resourceCount: 3 } }), n),
    now: NOW,
    expected: 'multiple_resources',
  },
  {
    name: 'a service the konfiguration does not let be rebooked online',
    run: (n) => canRebook(ctx({ r: { mayRebook: false } }), n),
    now: NOW,
    expected: 'rebook_not_online',
  },
  {
    name: 'past the rebooking deadline',
    run: (n) => canRebook(ctx(), n),
    now: '2026-12-09T12:00',
    expected: 'too_late_to_rebook',
  },
  {
    name: 'to a slot of another care service',
    run: (n) => canRebookTo(ctx(), slot({ careServiceId: 'other' }), n),
    now: NOW,
    expected: 'wrong_care_service',
  },
  {
    name: 'to a slot at another unit',
    run: (n) => canRebookTo(ctx(), slot({ unitHsaId: 'SE-OTHER' }), n),
    now: NOW,
    expected: 'wrong_care_service',
  },
  {
    name: 'to a slot the same unit spells in lower case',
    run: (n) => canRebookTo(ctx(), slot({ unitHsaId: 'se2321000016-test1', start: '2026-12-11T10:00:00+01:00' }), n),
    now: NOW,
    expected: 'ok',
  },
  {
    name: 'to a slot beyond the horizon',
    run: (n) => canRebookTo(ctx(), slot({ start: '2027-02-01T10:00:00+01:00' }), n),
    now: NOW,
    expected: 'beyond_horizon',
  },
];

export const BOOK_CASES: PolicyCase[] = [
  { name: 'an open slot', run: (n) => canBookSlot(slotCtx(), open, n), now: NOW, expected: 'ok' },
  {
    name: 'a slot at a confidential unit, as if it did not exist',
    run: (n) => canBookSlot(slotCtx({ u: { confidential: true } }), open, n),
    now: NOW,
    expected: 'slot_not_found',
  },
  {
    name: 'a slot at a unit without a booking book',
    run: (n) => canBookSlot(slotCtx({ u: { hasBookingBook: false } }), open, n),
    now: NOW,
    expected: 'unit_not_bookable',
  },
  {
    name: 'a slot at a maternity unit',
    run: (n) => canBookSlot(slotCtx({ u: { kind: 'maternity' } }), open, n),
    now: NOW,
    expected: 'maternity_unit',
  },
  {
    name: 'a slot at a unit on an unconnected system',
    run: (n) => canBookSlot(slotCtx({ u: { bookingSystem: 'TakeCare' } }), open, n),
    now: NOW,
    expected: 'system_not_connected',
  },
  {
    name: 'a slot of a service with several resources',
    run: (n) => canBookSlot(slotCtx({ s: { resourceCount: 2 } }), open, n),
    now: NOW,
    expected: 'multiple_resources',
  },
  {
    name: 'a service not bookable online',
    run: (n) => canBookSlot(slotCtx({ r: { onlineBooking: 'none' } }), open, n),
    now: NOW,
    expected: 'booking_not_online',
  },
  {
    name: 'an invitation-only service without an invitation',
    run: (n) => canBookSlot(slotCtx({ r: { onlineBooking: 'invitation-only' } }), open, n),
    now: NOW,
    expected: 'invitation_required',
  },
  {
    name: 'a hidden service outside the guide',
    run: (n) => canBookSlot(slotCtx({ s: { hiddenFromFreeChoice: true } }), open, n),
    now: NOW,
    expected: 'booking_not_online',
  },
  {
    name: 'a hidden service through the guide',
    run: (n) => canBookSlot(slotCtx({ s: { hiddenFromFreeChoice: true } }), { kind: 'open', viaGuide: true }, n),
    now: NOW,
    expected: 'ok',
  },
  {
    name: 'a slot inside the minimum notice',
    run: (n) => canBookSlot(slotCtx({ r: { minNoticeHours: 2 } }), open, n),
    now: '2026-12-10T08:30',
    expected: 'too_soon',
  },
  {
    name: 'a slot exactly at the minimum notice',
    run: (n) => canBookSlot(slotCtx({ r: { minNoticeHours: 2 } }), open, n),
    now: '2026-12-10T08:00',
    expected: 'ok',
  },
  {
    name: 'a slot beyond the horizon',
    run: (n) => canBookSlot(slotCtx({ r: { horizonDays: 7 } }), open, n),
    now: NOW,
    expected: 'beyond_horizon',
  },
  {
    name: 'a slot on the last day of the horizon',
    run: (n) => canBookSlot(slotCtx({ r: { horizonDays: 9 } }), open, n),
    now: NOW,
    expected: 'ok',
  },
  {
    name: 'a slot in the past',
    run: (n) => canBookSlot(slotCtx(), open, n),
    now: '2026-12-11T09:00',
    expected: 'in_the_past',
  },
  {
    name: 'a slot of another service than the one chosen',
    run: (n) => canBookSlot(slotCtx({ sl: { careServiceId: 'x' } }), open, n),
    now: NOW,
    expected: 'wrong_care_service',
  },
  {
    name: 'an invitation-only service with its invitation',
    run: (n) => canBookSlot(slotCtx({ r: { onlineBooking: 'invitation-only' } }), invited(), n),
    now: NOW,
    expected: 'ok',
  },
  {
    name: 'an invitation beyond the open horizon: the window replaces it',
    run: (n) => canBookSlot(slotCtx({ r: { horizonDays: 3 } }), invited(), n),
    now: NOW,
    expected: 'ok',
  },
  {
    name: 'an invitation whose window has not started',
    run: (n) => canBookSlot(slotCtx(), invited({ earliestDate: '2026-12-05' }), n),
    now: NOW,
    expected: 'invitation_not_started',
  },
  {
    name: 'an invitation whose window has ended',
    run: (n) => canBookSlot(slotCtx(), invited({ latestDate: '2026-11-30' }), n),
    now: NOW,
    expected: 'invitation_expired',
  },
  {
    name: 'an invitation still valid on its last day',
    run: (n) => canBookSlot(slotCtx(), invited({ latestDate: '2026-12-10' }), n),
    now: '2026-12-10T07:00',
    expected: 'ok',
  },
  {
    name: 'a slot after the invitation window',
    run: (n) => canBookSlot(slotCtx(), invited({ latestDate: '2026-12-09' }), n),
    now: NOW,
    expected: 'outside_invitation_window',
  },
  {
    name: 'a slot inside the window but inside the minimum notice',
    run: (n) => canBookSlot(slotCtx(), invited(), n),
    now: '2026-12-10T09:00',
    expected: 'too_soon',
  },
  {
    name: 'an invitation already used',
    run: (n) => canBookSlot(slotCtx(), invited({ usedByBookingId: 'b9' }), n),
    now: NOW,
    expected: 'invitation_used',
  },
  {
    name: 'an invitation for another care service',
    run: (n) => canBookSlot(slotCtx({ sl: { careServiceId: 'x' }, s: { id: 'x' } }), invited(), n),
    now: NOW,
    expected: 'wrong_care_service',
  },
];

export const TERMS_CASES: PolicyCase[] = [
  {
    name: 'terms configured and not accepted',
    run: () => checkTermsAndReason(rules({ terms: { cancel: 't' } }), 'cancel', { termsAccepted: false }),
    now: NOW,
    expected: 'terms_not_accepted',
  },
  {
    name: 'terms configured and accepted',
    run: () => checkTermsAndReason(rules({ terms: { cancel: 't' } }), 'cancel', { termsAccepted: true }),
    now: NOW,
    expected: 'ok',
  },
  {
    name: 'terms for another action only',
    run: () => checkTermsAndReason(rules({ terms: { book: 't' } }), 'cancel', { termsAccepted: false }),
    now: NOW,
    expected: 'ok',
  },
  {
    name: 'a required reason left empty',
    run: () =>
      checkTermsAndReason(rules({ askReason: { book: 'required' } }), 'book', { termsAccepted: false, reason: '   ' }),
    now: NOW,
    expected: 'reason_required',
  },
  {
    name: 'an optional reason left out',
    run: () => checkTermsAndReason(rules({ askReason: { book: 'optional' } }), 'book', { termsAccepted: false }),
    now: NOW,
    expected: 'ok',
  },
  {
    name: 'a reason one character too long',
    run: () =>
      checkTermsAndReason(rules({ reasonMaxLength: 10 }), 'book', { termsAccepted: false, reason: 'x'.repeat(11) }),
    now: NOW,
    expected: 'reason_too_long',
  },
  {
    name: 'a reason exactly at the limit',
    run: () =>
      checkTermsAndReason(rules({ reasonMaxLength: 10 }), 'book', { termsAccepted: false, reason: 'x'.repeat(10) }),
    now: NOW,
    expected: 'ok',
  },
];

export const nowOf = (c: PolicyCase): DateTime => at(c.now);

import type { BookingService, BookingView } from '../booking/booking-service.js';
import type { BookingActors } from '../dialogs/flows.js';
import type { BookingSummary, Outcome, SlotSummary } from '../machines/ports.js';
import type { Clock } from './clock.js';

// The machines' effects, backed by the booking service: each call reads the clock at the
// moment it runs and gives up after a timeout, so a slow booking system becomes a polite
// apology and never a hanging conversation.

export class BookingSystemTimeout extends Error {
  constructor(ms: number) {
    super(`The booking system did not answer within ${ms} ms`);
    this.name = 'BookingSystemTimeout';
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new BookingSystemTimeout(ms)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function summaryOf(view: BookingView): BookingSummary {
  const { booking, unit, service } = view;
  return {
    id: booking.id, start: booking.start, end: booking.end,
    serviceName: service.name, unitName: unit.name, unitPhone: unit.phone,
    ...(view.shownWith ? { shownWith: view.shownWith } : {}),
    cancel: view.cancel.ok ? { ok: true } : { ok: false, rejection: view.cancel.rejection },
    rebook: view.rebook.ok ? { ok: true } : { ok: false, rejection: view.rebook.rejection },
    changeDeadline: view.changeDeadline,
    terms: { cancel: view.rules.terms.cancel, rebook: view.rules.terms.rebook },
    reason: { cancel: view.rules.askReason.cancel ?? 'none', rebook: view.rules.askReason.rebook ?? 'none' },
    reasonMaxLength: view.rules.reasonMaxLength,
  };
}

export function bookingActors(service: BookingService, clock: Clock, timeoutMs: number): BookingActors {
  const guard = <T>(work: () => Promise<T>) => withTimeout(work(), timeoutMs);
  const viewOf = async (patientId: string, bookingId: string) =>
    (await service.myBookings(patientId, clock.now())).find((v) => v.booking.id === bookingId);
  return {
    listBookings: ({ patientId }) => guard(async () => (await service.myBookings(patientId, clock.now())).map(summaryOf)),
    cancelBooking: ({ patientId, bookingId, termsAccepted, reason }) => guard(async (): Promise<Outcome<BookingSummary>> => {
      const before = await viewOf(patientId, bookingId);
      const result = await service.cancel(patientId, bookingId, { termsAccepted, reason }, clock.now());
      if (!result.ok) return result;
      if (!before) throw new Error(`Booking ${bookingId} was cancelled but was not listed before`);
      return { ok: true, value: summaryOf(before) };
    }),
    findRebookSlots: ({ patientId, bookingId, wish }) => guard(async (): Promise<Outcome<SlotSummary[]>> => {
      const result = await service.freeSlots(patientId, { kind: 'rebook', bookingId }, wish, clock.now());
      if (!result.ok) return result;
      return { ok: true, value: result.value.map((s) => ({ id: s.id, start: s.start, end: s.end, shownWith: s.performerName ?? s.resourceName })) };
    }),
    rebookBooking: ({ patientId, bookingId, slotId, termsAccepted }) => guard(async (): Promise<Outcome<BookingSummary>> => {
      const result = await service.rebook(patientId, bookingId, slotId, { termsAccepted }, clock.now());
      if (!result.ok) return result;
      const after = await viewOf(patientId, bookingId);
      if (!after) throw new Error(`Booking ${bookingId} was rebooked but is not listed`);
      return { ok: true, value: summaryOf(after) };
    }),
  };
}

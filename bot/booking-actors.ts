import type { BookingService, BookingView, InvitationView, ServiceOffer, SlotPurpose } from '../booking/booking-service.js';
import type { BookingResult } from '../booking/rejections.js';
import { isEmptyWish } from '../booking/slot-filter.js';
import type { Booking, Slot } from '../booking/types.js';
import type { BookingActors } from '../dialogs/flows.js';
import type { Alternative, BookingSummary, FoundSlots, InvitationSummary, OfferSummary, Outcome, SlotSummary, TimeTarget } from '../machines/ports.js';
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
  const { booking, unit, service, rules } = view;
  return {
    id: booking.id, start: booking.start, end: booking.end,
    serviceName: service.name, unitName: unit.name, unitPhone: unit.phone,
    ...(view.shownWith ? { shownWith: view.shownWith } : {}),
    cancel: view.cancel.ok ? { ok: true } : { ok: false, rejection: view.cancel.rejection },
    rebook: view.rebook.ok ? { ok: true } : { ok: false, rejection: view.rebook.rejection },
    changeDeadline: view.changeDeadline,
    terms: { cancel: rules.terms.cancel, rebook: rules.terms.rebook },
    reason: { cancel: rules.askReason.cancel ?? 'none', rebook: rules.askReason.rebook ?? 'none' },
    reasonMaxLength: rules.reasonMaxLength,
    ...(service.instructionsKey ? { instructionsKey: service.instructionsKey } : {}),
  };
}

export function offerOf({ unit, service, rules }: ServiceOffer): OfferSummary {
  return {
    careServiceId: service.id, serviceName: service.name, unitHsaId: unit.hsaId, unitName: unit.name, unitPhone: unit.phone,
    ...(rules.terms.book ? { terms: rules.terms.book } : {}), reason: rules.askReason.book ?? 'none', reasonMaxLength: rules.reasonMaxLength,
  };
}

export function invitationOf(view: InvitationView): InvitationSummary {
  const { invitation } = view;
  return {
    ...offerOf(view), id: invitation.id, purpose: invitation.purpose, earliestDate: invitation.earliestDate, latestDate: invitation.latestDate,
    state: view.state.ok ? { ok: true } : { ok: false, rejection: view.state.rejection },
  };
}

const purposeOf = (target: TimeTarget): SlotPurpose =>
  target.kind === 'rebook' ? { kind: 'rebook', bookingId: target.bookingId }
    : target.kind === 'invitation' ? { kind: 'invitation', invitationId: target.invitationId }
      : { kind: 'open', careServiceId: target.careServiceId, viaGuide: target.viaGuide };

const slotSummary = (s: Slot): SlotSummary => ({ id: s.id, start: s.start, end: s.end, shownWith: s.performerName ?? s.resourceName });

export function bookingActors(service: BookingService, clock: Clock, timeoutMs: number): BookingActors {
  const guard = <T>(work: () => Promise<T>) => withTimeout(work(), timeoutMs);
  const viewOf = async (patientId: string, bookingId: string) =>
    (await service.myBookings(patientId, clock.now())).find((v) => v.booking.id === bookingId);
  const summaryAfter = async (patientId: string, result: BookingResult<Booking>): Promise<Outcome<BookingSummary>> => {
    if (!result.ok) return result;
    const after = await viewOf(patientId, result.value.id);
    if (!after) throw new Error(`Booking ${result.value.id} was written but is not listed`);
    return { ok: true, value: summaryOf(after) };
  };
  /** Other units with free times for the same kind of care, when the chosen one has none. */
  const alternativesTo = async (patientId: string, careServiceId: string): Promise<Alternative[]> => {
    const offers = await service.bookableServices();
    const name = offers.find((o) => o.service.id === careServiceId)?.service.name;
    const others = offers.filter((o) => o.service.name === name && o.service.id !== careServiceId);
    const found: Alternative[] = [];
    for (const o of others) {
      const slots = await service.freeSlots(patientId, { kind: 'open', careServiceId: o.service.id }, {}, clock.now());
      if (slots.ok && slots.value[0]) found.push({ careServiceId: o.service.id, unitName: o.unit.name, firstStart: slots.value[0].start });
    }
    return found;
  };
  return {
    listBookings: ({ patientId }) => guard(async () => (await service.myBookings(patientId, clock.now())).map(summaryOf)),
    listInvitations: ({ patientId }) => guard(async () => (await service.myInvitations(patientId, clock.now())).map(invitationOf)),
    listOffers: ({ viaGuide }) => guard(async () => {
      const { offers, refusals } = await service.servicesWithReasons({ viaGuide });
      return { offers: offers.map(offerOf), refusals };
    }),
    cancelBooking: ({ patientId, bookingId, termsAccepted, reason }) => guard(async (): Promise<Outcome<BookingSummary>> => {
      const before = await viewOf(patientId, bookingId);
      const result = await service.cancel(patientId, bookingId, { termsAccepted, reason }, clock.now());
      if (!result.ok) return result;
      if (!before) throw new Error(`Booking ${bookingId} was cancelled but was not listed before`);
      return { ok: true, value: summaryOf(before) };
    }),
    findSlots: ({ patientId, target, wish }) => guard(async (): Promise<Outcome<FoundSlots>> => {
      const result = await service.freeSlots(patientId, purposeOf(target), wish, clock.now());
      if (!result.ok) return result;
      const none = result.value.length === 0 && isEmptyWish(wish) && target.kind === 'open';
      const outside = result.value.length === 0 ? await service.wishOutsideWindow(patientId, purposeOf(target), wish, clock.now()) : undefined;
      return {
        ok: true,
        value: { slots: result.value.map(slotSummary), alternatives: none ? await alternativesTo(patientId, target.careServiceId) : [], ...(outside ? { outside } : {}) },
      };
    }),
    commitTime: ({ patientId, target, slotId, termsAccepted, reason }) => guard(async () => {
      const input = { termsAccepted, reason };
      const now = clock.now();
      if (target.kind === 'rebook') return summaryAfter(patientId, await service.rebook(patientId, target.bookingId, slotId, input, now));
      if (target.kind === 'invitation') return summaryAfter(patientId, await service.bookInvitation(patientId, target.invitationId, slotId, input, now));
      return summaryAfter(patientId, await service.book(patientId, slotId, { ...input, viaGuide: target.viaGuide }, now));
    }),
  };
}

import type { DateTime } from 'luxon';
import type { BookingService, ChildView, SlotPurpose } from './booking-service.js';
import type { BookingResult } from './rejections.js';
import { changeDeadline, epochMillis, isBefore, nextDate } from './time.js';
import { isEmptyWish, type TimeWish } from './slot-filter.js';
import type { Booking } from './types.js';
import {
  invitationOf,
  offerOf,
  slotSummary,
  summaryOf,
  type Alternative,
  type BookingSummary,
  type FoundSlots,
  type InvitationSummary,
  type Offers,
  type Outcome,
} from './views.js';

// The booking contract of the conversation, in one place: every effect the chart invokes,
// as one typed interface, and its implementation over the booking service. What the
// resident sees of a booking is built here (views.ts), not in the conversation.

/** What a new time is for: rebooking a booking, an invitation, or an open booking. */
export type TimeTarget =
  | { kind: 'rebook'; bookingId: string }
  | { kind: 'invitation'; invitationId: string }
  | { kind: 'open'; careServiceId: string; viaGuide: boolean };

export interface PatientInput {
  patientId: string;
}

export interface CancelInput extends PatientInput {
  bookingId: string;
  termsAccepted: boolean;
  reason?: string;
  /** Idempotency key, given by the edge that knows the conversation */
  writeKey?: string;
}

export interface FindSlotsInput extends PatientInput {
  target: TimeTarget;
  wish: TimeWish;
}

export interface CommitTimeInput extends PatientInput {
  target: TimeTarget;
  slotId: string;
  termsAccepted: boolean;
  reason?: string;
  writeKey?: string;
}

export interface BookingEffects {
  listBookings: (input: PatientInput) => Promise<BookingSummary[]>;
  cancelBooking: (input: CancelInput) => Promise<Outcome<BookingSummary>>;
  findSlots: (input: FindSlotsInput) => Promise<Outcome<FoundSlots>>;
  commitTime: (input: CommitTimeInput) => Promise<Outcome<BookingSummary>>;
  listInvitations: (input: PatientInput) => Promise<InvitationSummary[]>;
  listOffers: (input: PatientInput & { viaGuide: boolean }) => Promise<Offers>;
  /** The children the resident is guardian of */
  listChildren: (input: PatientInput) => Promise<ChildView[]>;
}

/** How far the search for other units goes when the chosen one has no free times. */
export const ALTERNATIVES = { max: 3, candidates: 20 } as const;

/**
 * Free times returned by one search at most. The search stops there in the database, so
 * it costs the same whatever the size of the tidbok; the days after come with the next
 * search («Fler dagar»).
 */
export const SLOTS_PER_SEARCH = 120;

/** The slots of one search, whole days only when there are more: and where the next search starts. */
function bounded<T extends { start: string }>(slots: readonly T[]): { slots: T[]; more?: { from: string } } {
  if (slots.length <= SLOTS_PER_SEARCH) return { slots: [...slots] };
  const kept = slots.slice(0, SLOTS_PER_SEARCH);
  const lastDate = (kept.at(-1)?.start ?? '').slice(0, 10);
  const wholeDays = kept.filter((s) => s.start.slice(0, 10) !== lastDate);
  // A day with more free times than one search holds is shown as far as it goes.
  return wholeDays.length > 0
    ? { slots: wholeDays, more: { from: lastDate } }
    : { slots: kept, more: { from: nextDate(lastDate) } };
}

const purposeOf = (target: TimeTarget): SlotPurpose =>
  target.kind === 'rebook'
    ? { kind: 'rebook', bookingId: target.bookingId }
    : target.kind === 'invitation'
      ? { kind: 'invitation', invitationId: target.invitationId }
      : { kind: 'open', careServiceId: target.careServiceId, viaGuide: target.viaGuide };

/** Other units offering the same kind of care with free times: a few, from a bounded number of candidates. */
export async function alternativesTo(
  service: BookingService,
  patientId: string,
  careServiceId: string,
  now: DateTime,
): Promise<Alternative[]> {
  const offers = await service.bookableServices();
  const name = offers.find((o) => o.service.id === careServiceId)?.service.name;
  const others = offers
    .filter((o) => o.service.name === name && o.service.id !== careServiceId)
    .slice(0, ALTERNATIVES.candidates);
  const found: Alternative[] = [];
  for (const o of others) {
    if (found.length >= ALTERNATIVES.max) break;
    // Only the first free time of each is shown: the search stops there.
    const slots = await service.freeSlots(patientId, { kind: 'open', careServiceId: o.service.id }, {}, now, 1);
    if (slots.ok && slots.value[0]) {
      const { careServiceId, unitName, unitPhone, unitAddress } = offerOf(o);
      found.push({
        careServiceId,
        unitName,
        unitPhone,
        ...(unitAddress ? { unitAddress } : {}),
        firstStart: slots.value[0].start,
      });
    }
  }
  return found;
}

/** The effects over a booking service; `now` is asked at the moment each effect runs. */
export function bookingEffects(service: BookingService, now: () => DateTime): BookingEffects {
  // The booking written is described from what the write returned, not read again.
  const summaryAfter = async (result: BookingResult<Booking>): Promise<Outcome<BookingSummary>> => {
    if (!result.ok) return result;
    const after = await service.describe(result.value, now());
    if (!after) throw new Error(`Booking ${result.value.id} was written but cannot be described`);
    return { ok: true, value: summaryOf(after) };
  };
  return {
    listBookings: async ({ patientId }) => (await service.myBookings(patientId, now())).map(summaryOf),
    listChildren: async ({ patientId }) => service.childrenOf(patientId, now()),
    listInvitations: async ({ patientId }) => (await service.myInvitations(patientId, now())).map(invitationOf),
    listOffers: async ({ viaGuide }) => {
      const { offers, refusals } = await service.servicesWithReasons({ viaGuide });
      return { offers: offers.map(offerOf), refusals };
    },
    cancelBooking: async ({ patientId, bookingId, termsAccepted, reason, writeKey }) => {
      const at = now();
      const result = await service.cancel(patientId, bookingId, { termsAccepted, reason, writeKey }, at);
      if (!result.ok) return result;
      // The cancelled booking is described from what the write returned: its bookings are read once.
      const view = await service.describe(result.value, at);
      if (!view) throw new Error(`Booking ${bookingId} was cancelled but cannot be described`);
      return { ok: true, value: summaryOf(view) };
    },
    findSlots: async ({ patientId, target, wish }) => {
      const at = now();
      const result = await service.searchFree(patientId, purposeOf(target), wish, at, SLOTS_PER_SEARCH + 1);
      if (!result.ok) return result;
      const { slots: within, more } = bounded(result.value.slots);
      const none = within.length === 0;
      const outside = none ? result.value.outside : undefined;
      const alternatives =
        none && isEmptyWish(wish) && target.kind === 'open'
          ? await alternativesTo(service, patientId, target.careServiceId, at)
          : [];
      const hours = result.value.changeDeadlineHours;
      // A time so near that it could not be changed online once booked says so.
      // Wall-clock and real hours differ by at most one per DST change: only a time that near is worked out.
      const surelyOpen = at.toMillis() + (hours + 2) * 3_600_000;
      const closed = (start: string) => epochMillis(start) <= surelyOpen && !isBefore(at, changeDeadline(start, hours));
      const slots = within.map((s) => ({
        ...slotSummary(s),
        ...(closed(s.start) ? { closedWithin: hours } : {}),
      }));
      const value: FoundSlots = { slots, alternatives, ...(outside ? { outside } : {}), ...(more ? { more } : {}) };
      return { ok: true, value };
    },
    commitTime: async ({ patientId, target, slotId, termsAccepted, reason, writeKey }) => {
      const input = { termsAccepted, reason, writeKey };
      const at = now();
      if (target.kind === 'rebook')
        return summaryAfter(await service.rebook(patientId, target.bookingId, slotId, input, at));
      if (target.kind === 'invitation')
        return summaryAfter(await service.bookInvitation(patientId, target.invitationId, slotId, input, at));
      return summaryAfter(await service.book(patientId, slotId, { ...input, viaGuide: target.viaGuide }, at));
    },
  };
}

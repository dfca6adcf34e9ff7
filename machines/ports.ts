import type { Rejection } from '../booking/rejections.js';
import type { TimeWish } from '../booking/slot-filter.js';
import type { ReasonRequirement } from '../booking/types.js';

// Plain-JSON views of bookings and slots that machines keep in their context, and the
// shapes of the effects (actors) they invoke. bot/ provides the real actors.

export type Permission = { ok: true } | { ok: false; rejection: Rejection };

export interface BookingSummary {
  id: string;
  start: string;
  end: string;
  serviceName: string;
  unitName: string;
  unitPhone: string;
  /** performer, resource or care type (the 1177 display rule) */
  shownWith?: string;
  cancel: Permission;
  rebook: Permission;
  /** ISO instant: last moment to cancel or rebook */
  changeDeadline: string;
  terms: { cancel?: string; rebook?: string };
  reason: { cancel: ReasonRequirement; rebook: ReasonRequirement };
  reasonMaxLength: number;
  /** What to bring or do, a text key */
  instructionsKey?: string;
}

/** A care service at a unit that may be booked now, with what booking it asks for. */
export interface OfferSummary {
  careServiceId: string;
  serviceName: string;
  unitHsaId: string;
  unitName: string;
  unitPhone: string;
  terms?: string;
  reason: ReasonRequirement;
  reasonMaxLength: number;
}

/** What can be booked freely, and why each of the rest cannot. */
export interface Offers {
  offers: OfferSummary[];
  refusals: { unitHsaId: string; careServiceId: string; rejection: Rejection }[];
}

export interface InvitationSummary extends OfferSummary {
  id: string;
  /** The clinic's text */
  purpose: string;
  earliestDate: string;
  latestDate: string;
  /** ok when booking is possible now; otherwise not started or expired */
  state: Permission;
}

/** What a new time is for: rebooking a booking, an invitation, or an open booking. */
export type TimeTarget =
  | { kind: 'rebook'; bookingId: string }
  | { kind: 'invitation'; invitationId: string }
  | { kind: 'open'; careServiceId: string; viaGuide: boolean };

/** Another unit with free times for the same kind of care, when the chosen one has none. */
export interface Alternative {
  careServiceId: string;
  unitName: string;
  firstStart: string;
}

export interface FoundSlots {
  slots: SlotSummary[];
  alternatives: Alternative[];
  /** When none were found because the wished period lies outside what may be booked, the rule */
  outside?: Rejection;
}

export interface SlotSummary {
  id: string;
  start: string;
  end: string;
  shownWith?: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; rejection: Rejection };

export interface ListBookingsInput {
  patientId: string;
}

export interface CancelInput {
  patientId: string;
  bookingId: string;
  termsAccepted: boolean;
  reason?: string;
}

export interface FindSlotsInput {
  patientId: string;
  target: TimeTarget;
  wish: TimeWish;
}

export interface CommitTimeInput {
  patientId: string;
  target: TimeTarget;
  slotId: string;
  termsAccepted: boolean;
  reason?: string;
}

export const notProvided = (name: string) => (): never => {
  throw new Error(`The actor ${name} was not provided`);
};

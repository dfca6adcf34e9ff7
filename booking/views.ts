import type { BookingView, InvitationView, ServiceOffer } from './booking-service.js';
import type { Rejection } from './rejections.js';
import type { Slot, ReasonRequirement } from './types.js';

// Plain-JSON views of bookings, offers, invitations and slots: what the conversation keeps
// in its state and shows the resident. ISO strings and ids only, so a persisted
// conversation never holds a clock or a client.

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

/** Another unit with free times for the same kind of care, when the chosen one has none. */
export interface Alternative {
  careServiceId: string;
  unitName: string;
  firstStart: string;
}

export interface SlotSummary {
  id: string;
  start: string;
  end: string;
  shownWith?: string;
}

export interface FoundSlots {
  slots: SlotSummary[];
  alternatives: Alternative[];
  /** When none were found because the wished period lies outside what may be booked, the rule */
  outside?: Rejection;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; rejection: Rejection };

const permission = (r: { ok: true } | { ok: false; rejection: Rejection }): Permission =>
  r.ok ? { ok: true } : { ok: false, rejection: r.rejection };

export function summaryOf(view: BookingView): BookingSummary {
  const { booking, unit, service, rules } = view;
  return {
    id: booking.id,
    start: booking.start,
    end: booking.end,
    serviceName: service.name,
    unitName: unit.name,
    unitPhone: unit.phone,
    ...(view.shownWith ? { shownWith: view.shownWith } : {}),
    cancel: permission(view.cancel),
    rebook: permission(view.rebook),
    changeDeadline: view.changeDeadline,
    terms: { cancel: rules.terms.cancel, rebook: rules.terms.rebook },
    reason: { cancel: rules.askReason.cancel ?? 'none', rebook: rules.askReason.rebook ?? 'none' },
    reasonMaxLength: rules.reasonMaxLength,
    ...(service.instructionsKey ? { instructionsKey: service.instructionsKey } : {}),
  };
}

export function offerOf({ unit, service, rules }: ServiceOffer): OfferSummary {
  return {
    careServiceId: service.id,
    serviceName: service.name,
    unitHsaId: unit.hsaId,
    unitName: unit.name,
    unitPhone: unit.phone,
    ...(rules.terms.book ? { terms: rules.terms.book } : {}),
    reason: rules.askReason.book ?? 'none',
    reasonMaxLength: rules.reasonMaxLength,
  };
}

export function invitationOf(view: InvitationView): InvitationSummary {
  const { invitation } = view;
  return {
    ...offerOf(view),
    id: invitation.id,
    purpose: invitation.purpose,
    earliestDate: invitation.earliestDate,
    latestDate: invitation.latestDate,
    state: permission(view.state),
  };
}

export const slotSummary = (s: Slot): SlotSummary => ({
  id: s.id,
  start: s.start,
  end: s.end,
  shownWith: s.performerName ?? s.resourceName,
});

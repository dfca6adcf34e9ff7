import type { BookingView, InvitationView, ServiceOffer } from './booking-service.js';
import type { Rejection } from './rejections.js';
import type { ReasonRequirement, Slot, Unit } from './types.js';

// Plain-JSON views of bookings, offers, invitations and slots: what the conversation keeps
// in its state and shows the resident. ISO strings and ids only, so a persisted
// conversation never holds a clock or a client.

export type Permission = { ok: true } | { ok: false; rejection: Rejection };

export interface BookingSummary {
  id: string;
  start: string;
  end: string;
  careServiceId: string;
  serviceName: string;
  unitHsaId: string;
  unitName: string;
  unitPhone: string;
  /** Street, postal code and town on one line, when the unit has an address */
  unitAddress?: string;
  /** performer, resource or care type (the 1177 display rule) */
  shownWith?: string;
  /** What a resident may call this booking: the care service, the unit and the performer */
  names: BookingNames;
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

/** Words from the data that name a booking, for finding the one a resident means. */
export interface BookingNames {
  /** The care service's name and synonyms */
  service: string[];
  /** The unit's name and synonyms */
  unit: string[];
  performer?: string;
}

/** A care service at a unit that may be booked now, with what booking it asks for. */
export interface OfferSummary {
  careServiceId: string;
  serviceName: string;
  unitHsaId: string;
  unitName: string;
  unitPhone: string;
  unitAddress?: string;
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
export interface Alternative extends Pick<OfferSummary, 'careServiceId' | 'unitName' | 'unitPhone' | 'unitAddress'> {
  firstStart: string;
}

export interface SlotSummary {
  id: string;
  start: string;
  end: string;
  shownWith?: string;
  /** Who the time is with, when it is with a person */
  performer?: string;
  /** Booked now, this time could not be changed online any more: it is this many hours away or less */
  closedWithin?: number;
}

export interface FoundSlots {
  slots: SlotSummary[];
  alternatives: Alternative[];
  /** When none were found because the wished period lies outside what may be booked, the rule */
  outside?: Rejection;
  /** More free times than one search returns: the next search starts on this local date */
  more?: { from: string };
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; rejection: Rejection };

const permission = (r: { ok: true } | { ok: false; rejection: Rejection }): Permission =>
  r.ok ? { ok: true } : { ok: false, rejection: r.rejection };

/** «Fyrisdalsvägen 12, 753 20 Uppsala», from what the unit has of it. */
export function addressOf(unit: Unit): string | undefined {
  const town = [unit.postalCode, unit.postalTown].filter(Boolean).join(' ');
  const line = [unit.address, town].filter(Boolean).join(', ');
  return line || undefined;
}

const unitAddress = (unit: Unit) => {
  const address = addressOf(unit);
  return address ? { unitAddress: address } : {};
};

export function summaryOf(view: BookingView): BookingSummary {
  const { booking, unit, service, rules } = view;
  const performer = booking.performerName;
  return {
    id: booking.id,
    start: booking.start,
    end: booking.end,
    careServiceId: service.id,
    serviceName: service.name,
    unitHsaId: unit.hsaId,
    unitName: unit.name,
    unitPhone: unit.phone,
    ...unitAddress(unit),
    ...(view.shownWith ? { shownWith: view.shownWith } : {}),
    names: {
      service: [service.name, ...service.synonyms],
      unit: [unit.name, ...unit.synonyms],
      ...(performer ? { performer } : {}),
    },
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
    ...unitAddress(unit),
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
  ...(s.performerName ? { performer: s.performerName } : {}),
});

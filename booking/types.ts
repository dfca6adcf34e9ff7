// Domain types, named after the national crm:scheduling 1.1 contract so that a real
// adapter is a thin mapping: unit = healthcare_facility (HSA-id), careService = time type
// (timeTypeID), booking = a booked TimeslotType, invitation = TimeslotType with isInvitation.

/** Booking systems (journal systems) that may sit behind a unit. */
export type BookingSystemName = string;

/** The systems connected to the national platform today (framework 6.5). */
export const CONNECTED_SYSTEMS: readonly BookingSystemName[] = ['Cosmic', 'T4', 'ProSang', 'RIS'];

/** Days of the week (1 = Monday … 7 = Sunday) with the same hours, local clock times HH:MM. */
export interface OpeningHours {
  weekdays: number[];
  from: string;
  to: string;
}

export type UnitKind =
  'primary-care' | 'specialist' | 'physiotherapy' | 'dental' | 'blood-centre' | 'emergency' | 'drop-in' | 'maternity';

export interface Unit {
  /** HSA-id; compared case-insensitively (crm:scheduling). */
  hsaId: string;
  name: string;
  kind: UnitKind;
  bookingSystem: BookingSystemName;
  phone: string;
  /** Street address, e.g. «Fyrisdalsvägen 12» */
  address?: string;
  postalCode?: string;
  postalTown?: string;
  /** When the unit is open, e.g. Monday to Friday 08:00–17:00 */
  openingHours?: OpeningHours[];
  /** The unit's page, e.g. on 1177.se */
  web?: string;
  /** Sekretessbelagd enhet (6.3): never leaves the booking module. */
  confidential: boolean;
  /** Special legal or medical handling (6.6). */
  specialHandling: boolean;
  /** A unit without a booking book cannot be booked at all (6.4). */
  hasBookingBook: boolean;
  /** Words residents use for it ("fyrisdal", «min vårdcentral»), for recognising it in text. */
  synonyms: string[];
}

export interface CareService {
  /** timeTypeID */
  id: string;
  unitHsaId: string;
  /** timeTypeName, shown as "typ av tid" */
  name: string;
  /** careTypeName, the last fallback of the 1177 display rule */
  careTypeName?: string;
  durationMinutes: number;
  /** Special legal or medical handling (6.6). */
  specialHandling: boolean;
  /** Several resources or professions per visit (6.1): never bookable by the patient. */
  resourceCount: number;
  /** Bookable only through a guided questionnaire (crm:scheduling 2.0 hidden time type). */
  hiddenFromFreeChoice: boolean;
  /** What to bring or do; a text key in content, shown in confirmations. */
  instructionsKey?: string;
  /** Words residents use for it ("blodprov", "spruta"), for recognising it in text. */
  synonyms: string[];
}

export interface Slot {
  id: string;
  unitHsaId: string;
  careServiceId: string;
  /** ISO 8601 instant with offset */
  start: string;
  end: string;
  performerName?: string;
  resourceName?: string;
}

export type BookingStatus = 'booked' | 'cancelled';

export interface Booking {
  id: string;
  patientId: string;
  unitHsaId: string;
  careServiceId: string;
  start: string;
  end: string;
  status: BookingStatus;
  performerName?: string;
  resourceName?: string;
  /** Seriebokning (6.2) when set. */
  seriesId?: string;
  /** Several resources or professions in one booking (6.1) when above 1. */
  resourceCount: number;
  /** Made from a bokningsunderlag. */
  fromInvitationId?: string;
  slotId?: string;
  reason?: string;
}

export interface Invitation {
  id: string;
  patientId: string;
  unitHsaId: string;
  careServiceId: string;
  /** ISO dates (local, Europe/Stockholm), inclusive */
  earliestDate: string;
  latestDate: string;
  /** The clinic's text (purpose) */
  purpose: string;
  usedByBookingId?: string;
}

export interface Patient {
  /** personnummer, 12 digits without hyphen */
  id: string;
  name: string;
}

export type BookingAction = 'book' | 'rebook' | 'cancel';

export type OnlineBooking = 'open' | 'invitation-only' | 'none';

export type ReasonRequirement = 'required' | 'optional' | 'none';

/** Konfiguration for one care service, decided by the region. */
export interface ServiceRules {
  onlineBooking: OnlineBooking;
  mayRebook: boolean;
  mayCancel: boolean;
  /** Cancel/rebook no later than this many hours before start (wall-clock, see time.ts). */
  changeDeadlineHours: number;
  /** New bookings at least this many hours ahead. */
  minNoticeHours: number;
  /** New bookings at most this many days ahead. */
  horizonDays: number;
  /** Coming bookings one resident may hold of this care service at once, booked online freely. */
  maxActiveBookings: number;
  /** Text keys of villkorstexter to accept, per action. */
  terms: Partial<Record<BookingAction, string>>;
  /** Whether a reason (information till vården) is asked for, per action (crm:scheduling 2.0 reasonTextRequired). */
  askReason: Partial<Record<BookingAction, ReasonRequirement>>;
  reasonMaxLength: number;
}

export type Result<T, R> = { ok: true; value: T } | { ok: false; rejection: R };

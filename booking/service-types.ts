import type { BookingResult, Rejection } from './rejections.js';
import type { Booking, CareService, Invitation, ServiceRules, Unit } from './types.js';

// What the booking service answers with, and what it is asked for.

export interface BookingView {
  booking: Booking;
  unit: Unit;
  service: CareService;
  rules: ServiceRules;
  /** One of performer, resource or care type, in that order (the 1177 display rule). */
  shownWith?: string;
  cancel: BookingResult<void>;
  rebook: BookingResult<void>;
  /** ISO instant: the last moment to cancel or rebook */
  changeDeadline: string;
}

export interface InvitationView {
  invitation: Invitation;
  unit: Unit;
  service: CareService;
  rules: ServiceRules;
  /** ok when booking is possible now; otherwise not started or expired */
  state: BookingResult<void>;
}

export interface ServiceOffer {
  unit: Unit;
  service: CareService;
  rules: ServiceRules;
}

export interface ServiceRefusal {
  unitHsaId: string;
  careServiceId: string;
  rejection: Rejection;
}

/** What slots to look for: a new open booking, an invitation, or a rebooking. */
export type SlotPurpose =
  | { kind: 'open'; careServiceId: string; viaGuide?: boolean }
  | { kind: 'invitation'; invitationId: string }
  | { kind: 'rebook'; bookingId: string };

export interface WriteInput {
  termsAccepted: boolean;
  reason?: string;
  /** Idempotency key: a write with a key already used reports that write's result */
  writeKey?: string;
}

/** A child of the resident's, and whether the resident may act for them (under 13). */
export interface ChildView {
  id: string;
  name: string;
  age: number;
  mayAct: boolean;
  /** From the personnummer, so that «min dotter» finds her */
  kind: 'daughter' | 'son';
}

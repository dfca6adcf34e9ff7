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

export interface FindRebookSlotsInput {
  patientId: string;
  bookingId: string;
  wish: TimeWish;
}

export interface RebookInput {
  patientId: string;
  bookingId: string;
  slotId: string;
  termsAccepted: boolean;
}

export const notProvided = (name: string) => (): never => {
  throw new Error(`The actor ${name} was not provided`);
};

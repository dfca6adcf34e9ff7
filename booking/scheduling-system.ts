import type { BookingResult } from './rejections.js';
import type { Booking, CareService, Invitation, Patient, Slot, Unit } from './types.js';

// The port to a booking system. The embedded tidbok implements it today; a crm:scheduling
// adapter maps it onto GetSubjectOfCareSchedule, GetAvailableTimeslots, MakeBooking,
// UpdateBooking and CancelBooking. The system itself guards what only it can know (a slot
// taken, an invitation used); the region's rules live in policy.ts.

export interface SlotQuery {
  careServiceId: string;
  /** ISO instants, inclusive start range */
  from: string;
  to: string;
  /** Local clock times "HH:MM": starts at or after timeFrom and before timeTo */
  timeFrom?: string;
  timeTo?: string;
  /** ISO weekday of the local date, 1 (Monday) – 7 */
  weekday?: number;
  /** A weekday left out */
  notWeekday?: number;
  /** The first so many in time order */
  limit?: number;
}

/** Every write may carry an idempotency key; repeating a keyed write returns its first result. */
interface Keyed {
  writeKey?: string;
}

export interface MakeBookingRequest extends Keyed {
  patientId: string;
  slotId: string;
  reason?: string;
  invitationId?: string;
}

export interface RebookRequest extends Keyed {
  patientId: string;
  bookingId: string;
  newSlotId: string;
}

export interface CancelRequest extends Keyed {
  patientId: string;
  bookingId: string;
  reason?: string;
}

export interface SchedulingSystem {
  units(): Promise<Unit[]>;
  careServices(): Promise<CareService[]>;
  /** Everyone the tidbok knows, in the order they were added (the demo data lists the richest example first) */
  patients(): Promise<Patient[]>;
  /** The children a person is registered guardian (vårdnadshavare) of. */
  childrenOf(guardianId: string): Promise<Patient[]>;
  /** Bookings of one patient that are still booked, at every unit. */
  bookingsOf(patientId: string): Promise<Booking[]>;
  invitationsOf(patientId: string): Promise<Invitation[]>;
  /** Free slots of one care service starting within the range, in time order. */
  freeSlots(query: SlotQuery): Promise<Slot[]>;
  /** A slot whether free or not; `free` says which. */
  slot(slotId: string): Promise<(Slot & { free: boolean }) | undefined>;
  /** The booking a write with this key made for this patient, if one did. */
  priorWrite(patientId: string, writeKey: string): Promise<Booking | undefined>;
  makeBooking(request: MakeBookingRequest): Promise<BookingResult<Booking>>;
  rebook(request: RebookRequest): Promise<BookingResult<Booking>>;
  cancelBooking(request: CancelRequest): Promise<BookingResult<Booking>>;
}

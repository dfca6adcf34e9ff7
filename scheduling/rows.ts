import type { Booking, CareService, Invitation, Slot, Unit } from '../booking/types.js';

// Row shapes of the embedded tidbok and their mapping to domain values.

export interface SlotRow {
  id: string;
  unit_hsa_id: string;
  care_service_id: string;
  start: string;
  end: string;
  start_ms: number;
  performer_name: string | null;
  resource_name: string | null;
  booking_id: string | null;
}

export interface BookingRow {
  id: string;
  patient_id: string;
  unit_hsa_id: string;
  care_service_id: string;
  start: string;
  end: string;
  start_ms: number;
  status: 'booked' | 'cancelled';
  performer_name: string | null;
  resource_name: string | null;
  series_id: string | null;
  resource_count: number;
  from_invitation_id: string | null;
  slot_id: string | null;
  reason: string | null;
}

export interface InvitationRow {
  id: string;
  patient_id: string;
  unit_hsa_id: string;
  care_service_id: string;
  earliest_date: string;
  latest_date: string;
  purpose: string;
  used_by_booking_id: string | null;
}

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

export const slotOf = (r: SlotRow): Slot => ({
  id: r.id,
  unitHsaId: r.unit_hsa_id,
  careServiceId: r.care_service_id,
  start: r.start,
  end: r.end,
  performerName: opt(r.performer_name),
  resourceName: opt(r.resource_name),
});

export const bookingOf = (r: BookingRow): Booking => ({
  id: r.id,
  patientId: r.patient_id,
  unitHsaId: r.unit_hsa_id,
  careServiceId: r.care_service_id,
  start: r.start,
  end: r.end,
  status: r.status,
  performerName: opt(r.performer_name),
  resourceName: opt(r.resource_name),
  seriesId: opt(r.series_id),
  resourceCount: r.resource_count,
  fromInvitationId: opt(r.from_invitation_id),
  slotId: opt(r.slot_id),
  reason: opt(r.reason),
});

export const invitationOf = (r: InvitationRow): Invitation => ({
  id: r.id,
  patientId: r.patient_id,
  unitHsaId: r.unit_hsa_id,
  careServiceId: r.care_service_id,
  earliestDate: r.earliest_date,
  latestDate: r.latest_date,
  purpose: r.purpose,
  usedByBookingId: opt(r.used_by_booking_id),
});

export const unitOf = (data: string): Unit => JSON.parse(data) as Unit;
export const careServiceOf = (data: string): CareService => JSON.parse(data) as CareService;

import type { Result as GenericResult } from './types.js';

// Every reason an action can be refused. Text keys derive from the code
// (`booking.rejected.<code>`); the fields are the text's template parameters, so
// they are strings or numbers that content can show directly.
export type Rejection =
  // undantag (framework section 6)
  | { code: 'multiple_resources'; unitName: string; phone: string }
  | { code: 'series_booking'; unitName: string; phone: string }
  | { code: 'unit_not_bookable'; unitName: string; phone: string }
  /** An emergency unit: no bookings; 112 in an emergency, 1177 for advice */
  | { code: 'emergency_unit'; unitName: string; phone: string }
  /** A drop-in unit: come without booking, in its opening hours (encoded, see `encodeOpeningHours`) */
  | { code: 'drop_in_unit'; unitName: string; phone: string; hours: string }
  /** A maternity unit: bookings with the midwife by phone */
  | { code: 'maternity_unit'; unitName: string; phone: string }
  | { code: 'system_not_connected'; unitName: string; phone: string }
  | { code: 'special_handling'; unitName: string; phone: string }
  // konfiguration
  | { code: 'cancel_not_online'; unitName: string; phone: string }
  | { code: 'rebook_not_online'; unitName: string; phone: string }
  | { code: 'booking_not_online'; unitName: string; phone: string }
  | { code: 'too_many_bookings'; max: number; unitName: string; phone: string }
  | { code: 'invitation_required'; unitName: string; phone: string }
  | { code: 'too_late_to_cancel'; deadline: string; hours: number; unitName: string; phone: string }
  | { code: 'too_late_to_rebook'; deadline: string; hours: number; unitName: string; phone: string }
  | { code: 'too_soon'; hours: number }
  | { code: 'beyond_horizon'; days: number; lastDate: string }
  | { code: 'terms_not_accepted' }
  | { code: 'reason_required' }
  | { code: 'reason_too_long'; max: number; length: number }
  // state of the world
  | { code: 'slot_taken' }
  | { code: 'slot_not_found' }
  | { code: 'in_the_past' }
  | { code: 'booking_not_found' }
  | { code: 'already_cancelled' }
  | { code: 'wrong_care_service' }
  | { code: 'invitation_not_found' }
  | { code: 'invitation_used' }
  | { code: 'invitation_not_started'; earliestDate: string }
  | { code: 'invitation_expired'; latestDate: string; unitName: string; phone: string }
  | { code: 'outside_invitation_window'; earliestDate: string; latestDate: string };

export type RejectionCode = Rejection['code'];

export type BookingResult<T> = GenericResult<T, Rejection>;

export const ok = <T>(value: T): BookingResult<T> => ({ ok: true, value });
export const refuse = <T = never>(rejection: Rejection): BookingResult<T> => ({ ok: false, rejection });

/** Every code, for tests and the content checker (a text must exist for each). */
export const REJECTION_CODES = [
  'multiple_resources',
  'series_booking',
  'unit_not_bookable',
  'emergency_unit',
  'drop_in_unit',
  'maternity_unit',
  'system_not_connected',
  'special_handling',
  'cancel_not_online',
  'rebook_not_online',
  'booking_not_online',
  'too_many_bookings',
  'invitation_required',
  'too_late_to_cancel',
  'too_late_to_rebook',
  'too_soon',
  'beyond_horizon',
  'terms_not_accepted',
  'reason_required',
  'reason_too_long',
  'slot_taken',
  'slot_not_found',
  'in_the_past',
  'booking_not_found',
  'already_cancelled',
  'wrong_care_service',
  'invitation_not_found',
  'invitation_used',
  'invitation_not_started',
  'invitation_expired',
  'outside_invitation_window',
] as const satisfies readonly RejectionCode[];

// Compile-time check that the list above names every code.
type Missing = Exclude<RejectionCode, (typeof REJECTION_CODES)[number]>;
export const EVERY_CODE_LISTED: Missing extends never ? true : Missing = true;

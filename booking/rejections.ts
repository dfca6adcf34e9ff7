import type { Result as GenericResult } from './types.js';

// Every reason an action can be refused. Text keys derive from the code
// (`booking.rejected.<code>`); the fields are the text's template parameters, so
// they are strings or numbers that content can show directly.
export type Rejection =
  // undantag (framework section 6)
  | { code: 'multiple_resources' }
  | { code: 'series_booking' }
  | { code: 'unit_not_bookable'; unitName: string; phone: string }
  | { code: 'system_not_connected'; unitName: string; phone: string }
  | { code: 'special_handling'; unitName: string; phone: string }
  // konfiguration
  | { code: 'cancel_not_online'; unitName: string; phone: string }
  | { code: 'rebook_not_online'; unitName: string; phone: string }
  | { code: 'booking_not_online'; unitName: string; phone: string }
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

/** The text key for a rejection, derived from its code. */
export const rejectionTextKey = (rejection: Rejection): string => `booking.rejected.${rejection.code}`;

/** What the resident can do instead, per code: the exhaustive switch makes a new code a compile error. */
export type Remedy = 'call-unit' | 'choose-other-time' | 'contact-unit-later' | 'accept-terms' | 'give-reason' | 'none';

export function remedyFor(rejection: Rejection): Remedy {
  switch (rejection.code) {
    case 'multiple_resources':
    case 'series_booking':
    case 'unit_not_bookable':
    case 'system_not_connected':
    case 'special_handling':
    case 'cancel_not_online':
    case 'rebook_not_online':
    case 'booking_not_online':
    case 'invitation_required':
    case 'too_late_to_cancel':
    case 'too_late_to_rebook':
    case 'invitation_expired':
      return 'call-unit';
    case 'too_soon':
    case 'beyond_horizon':
    case 'slot_taken':
    case 'slot_not_found':
    case 'in_the_past':
    case 'wrong_care_service':
    case 'outside_invitation_window':
      return 'choose-other-time';
    case 'invitation_not_started':
      return 'contact-unit-later';
    case 'terms_not_accepted':
      return 'accept-terms';
    case 'reason_required':
    case 'reason_too_long':
      return 'give-reason';
    case 'booking_not_found':
    case 'already_cancelled':
    case 'invitation_not_found':
    case 'invitation_used':
      return 'none';
    default:
      return assertNever(rejection);
  }
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}

/** Every code, for tests and the content checker (a text must exist for each). */
export const REJECTION_CODES = [
  'multiple_resources', 'series_booking', 'unit_not_bookable', 'system_not_connected', 'special_handling',
  'cancel_not_online', 'rebook_not_online', 'booking_not_online', 'invitation_required',
  'too_late_to_cancel', 'too_late_to_rebook', 'too_soon', 'beyond_horizon', 'terms_not_accepted',
  'reason_required', 'reason_too_long', 'slot_taken', 'slot_not_found', 'in_the_past', 'booking_not_found',
  'already_cancelled', 'wrong_care_service', 'invitation_not_found', 'invitation_used',
  'invitation_not_started', 'invitation_expired', 'outside_invitation_window',
] as const satisfies readonly RejectionCode[];

// Compile-time check that the list above names every code.
type Missing = Exclude<RejectionCode, (typeof REJECTION_CODES)[number]>;
const everyCodeListed: Missing extends never ? true : Missing = true;
void everyCodeListed;

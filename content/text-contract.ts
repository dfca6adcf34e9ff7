import type { Rejection, RejectionCode } from '../booking/rejections.js';

// Which text keys the code renders and which parameters it gives each. The content
// checker holds the texts to this: a key the code uses must exist, and a text may only
// use parameters the code provides.

type FieldsOf<C extends RejectionCode> = Exclude<keyof Extract<Rejection, { code: C }>, 'code'>;

const REJECTION_PARAMS = {
  multiple_resources: [],
  series_booking: [],
  unit_not_bookable: ['unitName', 'phone'],
  system_not_connected: ['unitName', 'phone'],
  special_handling: ['unitName', 'phone'],
  cancel_not_online: ['unitName', 'phone'],
  rebook_not_online: ['unitName', 'phone'],
  booking_not_online: ['unitName', 'phone'],
  invitation_required: ['unitName', 'phone'],
  too_late_to_cancel: ['deadline', 'hours', 'unitName', 'phone'],
  too_late_to_rebook: ['deadline', 'hours', 'unitName', 'phone'],
  too_soon: ['hours'],
  beyond_horizon: ['days', 'lastDate'],
  terms_not_accepted: [],
  reason_required: [],
  reason_too_long: ['max', 'length'],
  slot_taken: [],
  slot_not_found: [],
  in_the_past: [],
  booking_not_found: [],
  already_cancelled: [],
  wrong_care_service: [],
  invitation_not_found: [],
  invitation_used: [],
  invitation_not_started: ['earliestDate'],
  invitation_expired: ['latestDate', 'unitName', 'phone'],
  outside_invitation_window: ['earliestDate', 'latestDate'],
} as const satisfies { [C in RejectionCode]: readonly FieldsOf<C>[] };

/** Parameters provided for text keys used by the code, keyed by text key. */
export const TEXT_CONTRACT: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ...Object.entries(REJECTION_PARAMS).map(([code, params]) => [`booking.rejected.${code}`, params] as const),
]);

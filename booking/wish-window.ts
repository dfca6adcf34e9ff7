import type { DateTime } from 'luxon';
import { bookingWindow, type BookingMode } from './policy.js';
import type { Rejection } from './rejections.js';
import type { TimeWish } from './slot-filter.js';
import { toIso } from './time.js';
import type { ServiceRules } from './types.js';

/**
 * Why a wished period can have no times at all: it ends before the first bookable day, or
 * starts after the last (the horizon, or the invitation's period).
 */
export function outsideWindow(
  wish: TimeWish,
  rules: ServiceRules,
  mode: BookingMode,
  now: DateTime,
): Rejection | undefined {
  const window = bookingWindow(rules, mode, now);
  const firstDay = toIso(window.from).slice(0, 10);
  const lastDay = toIso(window.to).slice(0, 10);
  const invitation = mode.kind === 'invitation' ? mode.invitation : undefined;
  const outsideInvitation = invitation && {
    code: 'outside_invitation_window' as const,
    earliestDate: invitation.earliestDate,
    latestDate: invitation.latestDate,
  };
  if (wish.dateFrom && wish.dateFrom > lastDay)
    return outsideInvitation || { code: 'beyond_horizon', days: rules.horizonDays, lastDate: lastDay };
  if (wish.dateTo && wish.dateTo < firstDay) {
    return outsideInvitation && wish.dateTo < invitation.earliestDate
      ? outsideInvitation
      : { code: 'too_soon', hours: rules.minNoticeHours };
  }
  return undefined;
}

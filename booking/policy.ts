import { DateTime } from 'luxon';
import { encodeOpeningHours } from './opening-hours.js';
import { refuse, ok, type BookingResult, type Rejection } from './rejections.js';
import type { ChildView } from './service-types.js';
import {
  CONNECTED_SYSTEMS,
  type BookingAction,
  type Booking,
  type CareService,
  type Invitation,
  type ServiceRules,
  type Slot,
  type Unit,
} from './types.js';
import {
  changeDeadline,
  earliestBookable,
  endOfLocalDate,
  epochMillis,
  horizonEnd,
  instant,
  isBefore,
  startOfLocalDate,
  toIso,
} from './time.js';

// The konfiguration and undantag as pure functions: for one booking or slot and `now`,
// may the action happen, and if not, which rejection. The checks run most-fundamental
// first, so the resident hears the reason that no other choice could get around.

export interface BookingContext {
  booking: Booking;
  unit: Unit;
  service: CareService;
  rules: ServiceRules;
}

export interface SlotContext {
  slot: Slot;
  unit: Unit;
  service: CareService;
  rules: ServiceRules;
}

export type BookingMode = { kind: 'open'; viaGuide: boolean } | { kind: 'invitation'; invitation: Invitation };

/** On 1177 a guardian may act (as ombud) for a child until the child turns this age. */
export const OMBUD_UNTIL_AGE = 13;

/** Age in whole years on `now`'s local date, from the birth date in a personnummer (YYYYMMDD…). */
export function ageOf(personnummer: string, now: DateTime): number {
  const year = Number(personnummer.slice(0, 4));
  const month = Number(personnummer.slice(4, 6));
  const day = Number(personnummer.slice(6, 8));
  const birthdayToCome = now.month < month || (now.month === month && now.day < day);
  return now.year - year - (birthdayToCome ? 1 : 0);
}

/** Whether a child is a daughter or a son: the second-last digit of a personnummer is odd for men, even for women. */
export const childKindOf = (personnummer: string): 'daughter' | 'son' =>
  Number(personnummer.at(-2)) % 2 === 1 ? 'son' : 'daughter';

/** Whether a guardian may book, see and change a child's times. */
export const mayActFor = (child: { id: string }, now: DateTime): boolean => ageOf(child.id, now) < OMBUD_UNTIL_AGE;

/** A child of the resident's as the conversation sees it: age, kind, and whether the resident may act for them. */
export const childView = (c: { id: string; name: string }, now: DateTime): ChildView => ({
  id: c.id,
  name: c.name,
  age: ageOf(c.id, now),
  mayAct: mayActFor(c, now),
  kind: childKindOf(c.id),
});

/** 6.3: a confidential unit never leaves the booking module. */
export const isVisibleUnit = (unit: Unit): boolean => !unit.confidential;

const unitRef = (unit: Unit) => ({ unitName: unit.name, phone: unit.phone });

/** Undantag 6.4–6.6 that exclude a unit or care service from the service altogether. */
export function exclusionOf(unit: Unit, service?: CareService): Rejection | null {
  if (unit.kind === 'emergency') return { code: 'emergency_unit', ...unitRef(unit) };
  if (unit.kind === 'drop-in')
    return { code: 'drop_in_unit', ...unitRef(unit), hours: encodeOpeningHours(unit.openingHours ?? []) };
  if (unit.kind === 'maternity') return { code: 'maternity_unit', ...unitRef(unit) };
  if (!unit.hasBookingBook) return { code: 'unit_not_bookable', ...unitRef(unit) };
  const connected = CONNECTED_SYSTEMS.some((s) => s.toLowerCase() === unit.bookingSystem.toLowerCase());
  if (!connected) return { code: 'system_not_connected', ...unitRef(unit) };
  if (unit.specialHandling || service?.specialHandling) return { code: 'special_handling', ...unitRef(unit) };
  return null;
}

function checkChange(ctx: BookingContext, action: 'cancel' | 'rebook', now: DateTime): BookingResult<void> {
  const { booking, unit, rules } = ctx;
  if (!isVisibleUnit(unit)) return refuse({ code: 'booking_not_found' });
  if (booking.status === 'cancelled') return refuse({ code: 'already_cancelled' });
  if (now.toMillis() >= epochMillis(booking.start)) return refuse({ code: 'in_the_past' });
  if (booking.seriesId) return refuse({ code: 'series_booking', ...unitRef(unit) });
  if (booking.resourceCount > 1) return refuse({ code: 'multiple_resources', ...unitRef(unit) });
  const excluded = exclusionOf(unit, ctx.service);
  if (excluded) return refuse(excluded);
  const allowed = action === 'cancel' ? rules.mayCancel : rules.mayRebook;
  if (!allowed)
    return refuse({ code: action === 'cancel' ? 'cancel_not_online' : 'rebook_not_online', ...unitRef(unit) });
  const deadline = changeDeadline(booking.start, rules.changeDeadlineHours);
  if (!isBefore(now, deadline)) {
    return refuse({
      code: action === 'cancel' ? 'too_late_to_cancel' : 'too_late_to_rebook',
      deadline: toIso(deadline),
      hours: rules.changeDeadlineHours,
      ...unitRef(unit),
    });
  }
  return ok(undefined);
}

export const canCancel = (ctx: BookingContext, now: DateTime) => checkChange(ctx, 'cancel', now);
export const canRebook = (ctx: BookingContext, now: DateTime) => checkChange(ctx, 'rebook', now);

/** Whether a care service may be offered for booking at all (before any slot is chosen). */
export function canOffer(
  unit: Unit,
  service: CareService,
  rules: ServiceRules,
  mode: BookingMode,
): BookingResult<void> {
  if (!isVisibleUnit(unit)) return refuse({ code: 'slot_not_found' });
  const excluded = exclusionOf(unit, service);
  if (excluded) return refuse(excluded);
  if (service.resourceCount > 1) return refuse({ code: 'multiple_resources', ...unitRef(unit) });
  if (mode.kind === 'invitation') return checkInvitationTarget(mode.invitation, service);
  if (rules.onlineBooking === 'none') return refuse({ code: 'booking_not_online', ...unitRef(unit) });
  if (rules.onlineBooking === 'invitation-only') return refuse({ code: 'invitation_required', ...unitRef(unit) });
  if (service.hiddenFromFreeChoice && !mode.viaGuide) return refuse({ code: 'booking_not_online', ...unitRef(unit) });
  return ok(undefined);
}

function checkInvitationTarget(invitation: Invitation, service: CareService): BookingResult<void> {
  if (invitation.usedByBookingId) return refuse({ code: 'invitation_used' });
  if (
    invitation.careServiceId !== service.id ||
    invitation.unitHsaId.toLowerCase() !== service.unitHsaId.toLowerCase()
  ) {
    return refuse({ code: 'wrong_care_service' });
  }
  return ok(undefined);
}

/** The invitation's own window, as seen at `now`. */
export function invitationWindowState(invitation: Invitation, unit: Unit, now: DateTime): BookingResult<void> {
  if (isBefore(endOfLocalDate(invitation.latestDate), now)) {
    return refuse({ code: 'invitation_expired', latestDate: invitation.latestDate, ...unitRef(unit) });
  }
  if (isBefore(now, startOfLocalDate(invitation.earliestDate))) {
    return refuse({ code: 'invitation_not_started', earliestDate: invitation.earliestDate });
  }
  return ok(undefined);
}

/** The earliest and latest start a new time may have (minimum notice, horizon, invitation window). */
export function bookingWindow(rules: ServiceRules, mode: BookingMode, now: DateTime): { from: DateTime; to: DateTime } {
  const from = earliestBookable(now, rules.minNoticeHours);
  if (mode.kind === 'invitation') {
    const windowStart = startOfLocalDate(mode.invitation.earliestDate);
    return { from: isBefore(from, windowStart) ? windowStart : from, to: endOfLocalDate(mode.invitation.latestDate) };
  }
  return { from, to: horizonEnd(now, rules.horizonDays) };
}

/** May this slot be booked now, in this mode. */
export function canBookSlot(ctx: SlotContext, mode: BookingMode, now: DateTime): BookingResult<void> {
  const offered = canOffer(ctx.unit, ctx.service, ctx.rules, mode);
  if (!offered.ok) return offered;
  if (ctx.slot.careServiceId !== ctx.service.id) return refuse({ code: 'wrong_care_service' });
  if (mode.kind === 'invitation') {
    const state = invitationWindowState(mode.invitation, ctx.unit, now);
    if (!state.ok) return state;
  }
  return checkSlotTime(ctx.slot, ctx.rules, mode, now);
}

/** Whether a resident holding `active` coming bookings of a care service may book one more online. */
export function canHoldAnother(active: number, unit: Unit, rules: ServiceRules): BookingResult<void> {
  return active < rules.maxActiveBookings
    ? ok(undefined)
    : refuse({ code: 'too_many_bookings', max: rules.maxActiveBookings, ...unitRef(unit) });
}

/** A new time for a rebooking: same unit and care service, within notice and horizon. */
export function canRebookTo(ctx: BookingContext, slot: Slot, now: DateTime): BookingResult<void> {
  const allowed = canRebook(ctx, now);
  if (!allowed.ok) return allowed;
  if (
    slot.careServiceId !== ctx.booking.careServiceId ||
    slot.unitHsaId.toLowerCase() !== ctx.booking.unitHsaId.toLowerCase()
  ) {
    return refuse({ code: 'wrong_care_service' });
  }
  return checkSlotTime(slot, ctx.rules, { kind: 'open', viaGuide: true }, now);
}

function checkSlotTime(slot: Slot, rules: ServiceRules, mode: BookingMode, now: DateTime): BookingResult<void> {
  const start = instant(slot.start);
  if (!isBefore(now, start)) return refuse({ code: 'in_the_past' });
  const window = bookingWindow(rules, mode, now);
  if (mode.kind === 'invitation' && (isBefore(start, window.from) || isBefore(window.to, start))) {
    if (isBefore(start, earliestBookable(now, rules.minNoticeHours)))
      return refuse({ code: 'too_soon', hours: rules.minNoticeHours });
    return refuse({
      code: 'outside_invitation_window',
      earliestDate: mode.invitation.earliestDate,
      latestDate: mode.invitation.latestDate,
    });
  }
  if (isBefore(start, window.from)) return refuse({ code: 'too_soon', hours: rules.minNoticeHours });
  if (isBefore(window.to, start)) {
    return refuse({ code: 'beyond_horizon', days: rules.horizonDays, lastDate: window.to.toISODate() ?? '' });
  }
  return ok(undefined);
}

/** Villkorstext and reason, checked at the moment of writing. */
export function checkTermsAndReason(
  rules: ServiceRules,
  action: BookingAction,
  input: { termsAccepted: boolean; reason?: string },
): BookingResult<void> {
  if (rules.terms[action] && !input.termsAccepted) return refuse({ code: 'terms_not_accepted' });
  const requirement = rules.askReason[action] ?? 'none';
  const reason = input.reason?.trim() ?? '';
  if (requirement === 'required' && reason.length === 0) return refuse({ code: 'reason_required' });
  if (reason.length > rules.reasonMaxLength) {
    return refuse({ code: 'reason_too_long', max: rules.reasonMaxLength, length: reason.length });
  }
  return ok(undefined);
}

import type { DateTime } from 'luxon';
import type { Catalog } from './catalog.js';
import { instant, isBefore } from './time.js';
import {
  canHoldAnother,
  canOffer,
  canRebook,
  invitationWindowState,
  isVisibleUnit,
  type BookingContext,
  type BookingMode,
} from './policy.js';
import { ok, refuse, type BookingResult } from './rejections.js';
import type { SchedulingSystem } from './scheduling-system.js';
import type { SlotPurpose } from './service-types.js';
import type { Booking, ServiceRules } from './types.js';

// Whose booking, and which care service a search for free times is about: the lookups the
// booking service makes before reading or writing, each checked against the rules.

/** A booking with its unit, care service and rules, or undefined when either is unknown. */
export function contextOf(catalog: Catalog, booking: Booking): BookingContext | undefined {
  const resolved = catalog.resolve(booking.unitHsaId, booking.careServiceId);
  return resolved && { booking, ...resolved };
}

/** One of the resident's own bookings: never another resident's. */
export async function ownBooking(
  system: SchedulingSystem,
  catalog: Catalog,
  patientId: string,
  bookingId: string,
): Promise<BookingContext | undefined> {
  const booking = (await system.bookingsOf(patientId)).find((b) => b.id === bookingId);
  return booking && contextOf(catalog, booking);
}

/** How many coming bookings of a care service the patient holds. */
export async function activeOf(
  system: SchedulingSystem,
  patientId: string,
  careServiceId: string,
  now: DateTime,
): Promise<number> {
  const bookings = await system.bookingsOf(patientId);
  return bookings.filter((b) => b.careServiceId === careServiceId && isBefore(now, instant(b.start))).length;
}

/** The care service, rules and mode a search for free times is for, if the rules allow it now. */
export async function slotTarget(
  system: SchedulingSystem,
  catalog: Catalog,
  patientId: string,
  purpose: SlotPurpose,
  now: DateTime,
): Promise<BookingResult<{ careServiceId: string; rules: ServiceRules; mode: BookingMode }>> {
  if (purpose.kind === 'rebook') {
    const ctx = await ownBooking(system, catalog, patientId, purpose.bookingId);
    if (!ctx) return refuse({ code: 'booking_not_found' });
    const allowed = canRebook(ctx, now);
    if (!allowed.ok) return allowed;
    return ok({ careServiceId: ctx.service.id, rules: ctx.rules, mode: { kind: 'open', viaGuide: true } });
  }
  if (purpose.kind === 'invitation') {
    const invitation = (await system.invitationsOf(patientId)).find((i) => i.id === purpose.invitationId);
    const resolved = invitation && catalog.resolve(invitation.unitHsaId, invitation.careServiceId);
    if (!invitation || !resolved || !isVisibleUnit(resolved.unit)) return refuse({ code: 'invitation_not_found' });
    const mode: BookingMode = { kind: 'invitation', invitation };
    const offered = canOffer(resolved.unit, resolved.service, resolved.rules, mode);
    if (!offered.ok) return offered;
    const state = invitationWindowState(invitation, resolved.unit, now);
    if (!state.ok) return state;
    return ok({ careServiceId: resolved.service.id, rules: resolved.rules, mode });
  }
  const service = catalog.service(purpose.careServiceId);
  const resolved = service && catalog.resolve(service.unitHsaId, service.id);
  if (!resolved) return refuse({ code: 'slot_not_found' });
  const mode: BookingMode = { kind: 'open', viaGuide: purpose.viaGuide ?? false };
  const offered = canOffer(resolved.unit, resolved.service, resolved.rules, mode);
  if (!offered.ok) return offered;
  const held = canHoldAnother(
    await activeOf(system, patientId, resolved.service.id, now),
    resolved.unit,
    resolved.rules,
  );
  if (!held.ok) return held;
  return ok({ careServiceId: resolved.service.id, rules: resolved.rules, mode });
}

import type { DateTime } from 'luxon';
import { Catalog, type RulesProvider } from './catalog.js';
import {
  childView,
  canBookSlot,
  canHoldAnother,
  canCancel,
  canOffer,
  canRebook,
  canRebookTo,
  checkTermsAndReason,
  invitationWindowState,
  isVisibleUnit,
  type BookingMode,
} from './policy.js';
import { ok, refuse, type BookingResult } from './rejections.js';
import type { SchedulingSystem } from './scheduling-system.js';
import { byStart, type TimeWish } from './slot-filter.js';
import { changeDeadline, epochMillis, toIso } from './time.js';
import type { Booking, Slot } from './types.js';
import type {
  ChildView,
  BookingView,
  InvitationView,
  ServiceOffer,
  ServiceRefusal,
  SlotPurpose,
  WriteInput,
} from './service-types.js';
import { activeOf, contextOf, ownBooking } from './slot-target.js';
import { searchFree, type FreeSearch } from './free-search.js';

export type {
  BookingView,
  ChildView,
  InvitationView,
  ServiceOffer,
  ServiceRefusal,
  SlotPurpose,
  WriteInput,
} from './service-types.js';

// The facade the conversation calls. Every write re-checks the policy at the moment of
// writing, with the data as it is then, whatever the conversation saw before.
export class BookingService {
  constructor(
    private readonly system: SchedulingSystem,
    private readonly rulesFor: RulesProvider,
  ) {}

  private catalog(): Promise<Catalog> {
    return Catalog.load(this.system, this.rulesFor);
  }

  async myBookings(patientId: string, now: DateTime): Promise<BookingView[]> {
    const [catalog, bookings] = await Promise.all([this.catalog(), this.system.bookingsOf(patientId)]);
    const views = bookings.map((b) => this.viewOf(catalog, b, now)).filter((v): v is BookingView => v !== undefined);
    return views.sort((a, b) => byStart(a.booking, b.booking));
  }

  /** The children a resident is guardian of, each with whether the resident may act for them now. */
  async childrenOf(residentId: string, now: DateTime): Promise<ChildView[]> {
    return (await this.system.childrenOf(residentId)).map((c) => childView(c, now));
  }

  /** One of the resident's own future bookings, as the list would show it. */
  async myBooking(patientId: string, bookingId: string, now: DateTime): Promise<BookingView | undefined> {
    const [catalog, bookings] = await Promise.all([this.catalog(), this.system.bookingsOf(patientId)]);
    const booking = bookings.find((b) => b.id === bookingId);
    return booking && this.viewOf(catalog, booking, now);
  }

  private viewOf(catalog: Catalog, booking: Booking, now: DateTime): BookingView | undefined {
    const ctx = contextOf(catalog, booking);
    if (!ctx || !isVisibleUnit(ctx.unit) || now.toMillis() >= epochMillis(booking.start)) return undefined;
    return {
      booking,
      unit: ctx.unit,
      service: ctx.service,
      rules: ctx.rules,
      shownWith: booking.performerName ?? booking.resourceName ?? ctx.service.careTypeName,
      cancel: canCancel(ctx, now),
      rebook: canRebook(ctx, now),
      changeDeadline: toIso(changeDeadline(booking.start, ctx.rules.changeDeadlineHours)),
    };
  }

  async myInvitations(patientId: string, now: DateTime): Promise<InvitationView[]> {
    const [catalog, invitations] = await Promise.all([this.catalog(), this.system.invitationsOf(patientId)]);
    const views: InvitationView[] = [];
    for (const invitation of invitations) {
      const resolved = catalog.resolve(invitation.unitHsaId, invitation.careServiceId);
      if (!resolved || !isVisibleUnit(resolved.unit) || invitation.usedByBookingId) continue;
      const offered = canOffer(resolved.unit, resolved.service, resolved.rules, { kind: 'invitation', invitation });
      const state = offered.ok ? invitationWindowState(invitation, resolved.unit, now) : offered;
      views.push({ invitation, ...resolved, state });
    }
    // Bookable now first, then those not yet open, then those that have expired.
    const rank = (v: InvitationView) => (v.state.ok ? 0 : v.state.rejection.code === 'invitation_not_started' ? 1 : 2);
    return views.sort((a, b) => rank(a) - rank(b) || a.invitation.latestDate.localeCompare(b.invitation.latestDate));
  }

  /** Care services open for free online booking (or, with viaGuide, also the hidden ones). */
  async bookableServices(options: { unitHsaId?: string; viaGuide?: boolean } = {}): Promise<ServiceOffer[]> {
    return (await this.servicesWithReasons(options)).offers;
  }

  /** Bookable care services, and why each of the others is not (confidential units left out entirely). */
  async servicesWithReasons(
    options: { unitHsaId?: string; viaGuide?: boolean } = {},
  ): Promise<{ offers: ServiceOffer[]; refusals: ServiceRefusal[] }> {
    const catalog = await this.catalog();
    const offers: ServiceOffer[] = [];
    const refusals: ServiceRefusal[] = [];
    for (const service of catalog.services()) {
      const resolved = catalog.resolve(service.unitHsaId, service.id);
      if (!resolved || !isVisibleUnit(resolved.unit)) continue;
      if (options.unitHsaId && resolved.unit.hsaId.toLowerCase() !== options.unitHsaId.toLowerCase()) continue;
      const mode: BookingMode = { kind: 'open', viaGuide: options.viaGuide ?? false };
      const offered = canOffer(resolved.unit, service, resolved.rules, mode);
      if (offered.ok) offers.push(resolved);
      else refusals.push({ unitHsaId: resolved.unit.hsaId, careServiceId: service.id, rejection: offered.rejection });
    }
    offers.sort(
      (a, b) => a.unit.name.localeCompare(b.unit.name, 'sv') || a.service.name.localeCompare(b.service.name, 'sv'),
    );
    return { offers, refusals };
  }

  /** Free slots for a purpose, inside the rules' window and the resident's wish, in time order; the first `limit` of them when given. */
  async freeSlots(
    patientId: string,
    purpose: SlotPurpose,
    wish: TimeWish,
    now: DateTime,
    limit?: number,
  ): Promise<BookingResult<Slot[]>> {
    const found = await this.searchFree(patientId, purpose, wish, now, limit);
    return found.ok ? ok(found.value.slots) : found;
  }

  /** The free slots with what the conversation says about them: the change deadline, and a wish outside the window. */
  async searchFree(
    patientId: string,
    purpose: SlotPurpose,
    wish: TimeWish,
    now: DateTime,
    limit?: number,
  ): Promise<BookingResult<FreeSearch>> {
    return searchFree(this.system, await this.catalog(), { patientId, purpose, wish, now, limit });
  }

  /** The result of an earlier write with the same key: a repeated write reports it and does nothing more. */
  private async prior(patientId: string, input: WriteInput): Promise<BookingResult<Booking> | undefined> {
    const done = input.writeKey === undefined ? undefined : await this.system.priorWrite(patientId, input.writeKey);
    return done && ok(done);
  }

  /** How a booking of the resident's looks in a list, whatever its status now. */
  async describe(booking: Booking, now: DateTime): Promise<BookingView | undefined> {
    return this.viewOf(await this.catalog(), booking, now);
  }

  async book(
    patientId: string,
    slotId: string,
    input: WriteInput & { viaGuide?: boolean },
    now: DateTime,
  ): Promise<BookingResult<Booking>> {
    const done = await this.prior(patientId, input);
    if (done) return done;
    const catalog = await this.catalog();
    const slot = await this.system.slot(slotId);
    const resolved = slot && catalog.resolve(slot.unitHsaId, slot.careServiceId);
    if (!slot || !resolved) return refuse({ code: 'slot_not_found' });
    const allowed = canBookSlot({ slot, ...resolved }, { kind: 'open', viaGuide: input.viaGuide ?? false }, now);
    if (!allowed.ok) return allowed;
    const held = canHoldAnother(
      await activeOf(this.system, patientId, slot.careServiceId, now),
      resolved.unit,
      resolved.rules,
    );
    if (!held.ok) return held;
    const checked = checkTermsAndReason(resolved.rules, 'book', input);
    if (!checked.ok) return checked;
    if (!slot.free) return refuse({ code: 'slot_taken' });
    return this.system.makeBooking({
      patientId,
      slotId,
      reason: input.reason?.trim() || undefined,
      writeKey: input.writeKey,
    });
  }

  async bookInvitation(
    patientId: string,
    invitationId: string,
    slotId: string,
    input: WriteInput,
    now: DateTime,
  ): Promise<BookingResult<Booking>> {
    const done = await this.prior(patientId, input);
    if (done) return done;
    const catalog = await this.catalog();
    const invitation = (await this.system.invitationsOf(patientId)).find((i) => i.id === invitationId);
    const slot = await this.system.slot(slotId);
    const resolved = slot && catalog.resolve(slot.unitHsaId, slot.careServiceId);
    const unit = invitation && catalog.unit(invitation.unitHsaId);
    if (!invitation || !unit || !isVisibleUnit(unit)) {
      return refuse({ code: 'invitation_not_found' });
    }
    if (!slot || !resolved) return refuse({ code: 'slot_not_found' });
    const allowed = canBookSlot({ slot, ...resolved }, { kind: 'invitation', invitation }, now);
    if (!allowed.ok) return allowed;
    const checked = checkTermsAndReason(resolved.rules, 'book', input);
    if (!checked.ok) return checked;
    if (!slot.free) return refuse({ code: 'slot_taken' });
    return this.system.makeBooking({
      patientId,
      slotId,
      invitationId,
      reason: input.reason?.trim() || undefined,
      writeKey: input.writeKey,
    });
  }

  async rebook(
    patientId: string,
    bookingId: string,
    newSlotId: string,
    input: WriteInput,
    now: DateTime,
  ): Promise<BookingResult<Booking>> {
    const done = await this.prior(patientId, input);
    if (done) return done;
    const catalog = await this.catalog();
    const ctx = await ownBooking(this.system, catalog, patientId, bookingId);
    if (!ctx) return refuse({ code: 'booking_not_found' });
    const slot = await this.system.slot(newSlotId);
    if (!slot) return refuse({ code: 'slot_not_found' });
    const allowed = canRebookTo(ctx, slot, now);
    if (!allowed.ok) return allowed;
    const checked = checkTermsAndReason(ctx.rules, 'rebook', input);
    if (!checked.ok) return checked;
    if (!slot.free) return refuse({ code: 'slot_taken' });
    return this.system.rebook({ patientId, bookingId, newSlotId, writeKey: input.writeKey });
  }

  async cancel(
    patientId: string,
    bookingId: string,
    input: WriteInput,
    now: DateTime,
  ): Promise<BookingResult<Booking>> {
    const done = await this.prior(patientId, input);
    if (done) return done;
    const catalog = await this.catalog();
    const ctx = await ownBooking(this.system, catalog, patientId, bookingId);
    if (!ctx) return refuse({ code: 'booking_not_found' });
    const allowed = canCancel(ctx, now);
    if (!allowed.ok) return allowed;
    const checked = checkTermsAndReason(ctx.rules, 'cancel', input);
    if (!checked.ok) return checked;
    return this.system.cancelBooking({
      patientId,
      bookingId,
      reason: input.reason?.trim() || undefined,
      writeKey: input.writeKey,
    });
  }
}

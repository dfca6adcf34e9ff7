import { must } from '../booking/invariant.js';
import type { TimeTarget } from '../booking/effects.js';
import type { ChooseInvitationOutput } from './choose-invitation.machine.js';
import type { ChooseServiceOutput } from './choose-service.machine.js';
import type { QuestionnaireOutput } from './questionnaire.machine.js';
import type { OfferSummary } from '../booking/views.js';
import type { CancelBookingInput } from './cancel-booking.machine.js';
import type { CheckExistingOutput } from './check-existing.machine.js';
import type { ActingFor } from './choose-child.machine.js';
import type { ChooseTimeInput } from './choose-time.machine.js';
import type { Understanding, UserEvent } from './events.js';
import type { MenuIntent, MenuInput } from './menu.machine.js';
import type { PickBookingOutput } from './pick-booking.machine.js';
import type { FlowEvent } from './replies.js';
import type { Reply } from './reply.js';
import type { Rejection } from '../booking/rejections.js';

// What the conversation chart knows and hears: the resident's errand (request), what one
// flow hands to the next (a booking picked, what a time is for), and the events and
// emitted replies of the chart. Pure functions map one flow's output to the next's input.

/** What the resident asked for, and where routing takes them. */
export interface Request {
  intent: MenuIntent;
  understanding?: Understanding;
  /** Reached through a questionnaire: services hidden from the free choice may be booked */
  viaGuide?: boolean;
  /** The booking already in question, carried from one errand to the next («avboka den istället») */
  bookingId?: string;
  /** Why booking the named service freely was refused, when its invitations are looked at instead */
  refusal?: Rejection;
}

export interface ConversationInput {
  patientId?: string;
}

export interface Context extends ConversationInput {
  /** Which words lead the menu next time */
  lead: MenuInput['lead'];
  request?: Request;
  /** The booking picked, on its way to being cancelled */
  cancel?: CancelBookingInput;
  /** What the time to choose is for */
  time?: ChooseTimeInput;
  /** The current errand has something the resident would lose by leaving it */
  progress: boolean;
  /** The errand to switch to, once the resident has said yes */
  switchTo?: Request;
  /** The second wish of a message that asked for two («… och boka en ny»), next in line */
  queued?: Request;
  /** The unit of the booking or offer under discussion (HSA-id), for «var ligger den?» */
  about?: string;
  /** The child of the resident's the errand is for (ombud) */
  actingFor?: ActingFor;
}

export type ConversationEvent =
  | UserEvent
  | FlowEvent
  /** Another errand, asked for in the middle of one; `ask`: make sure before leaving the one under way */
  | { type: 'intent.switch'; request: Request; ask?: boolean }
  | { type: 'command.abort' | 'command.restart' | 'command.menu' | 'command.help' | 'command.logout' }
  /** `english`: the same advice in English, said after it to a resident who wrote English */
  | { type: 'safety.emergency'; advice: string; english?: string }
  /** Another verified resident (or none) at the menu, which shows nothing personal and so carries over */
  | { type: 'session.resident'; patientId?: string };

/** What the chart emits to the turn runner. */
export type ConversationEmitted =
  /** Replies for the resident */
  | { type: 'replies'; replies: Reply[] }
  /** Ask the current flow's question again (after help, or after the chart's own question) */
  | { type: 'repeat' };

/** The verified resident (who is logged in). */
export const resident = (c: Context): string =>
  // Routing sends a resident who is not logged in to the login text, never into a personal flow.
  must(c.patientId, 'a verified resident in a personal flow');

/** Whose times a personal flow is about: the child acted for, or the resident. */
export const patient = (c: Context): string => c.actingFor?.id ?? resident(c);

const timeFor = (
  patientId: string,
  target: TimeTarget,
  offer: OfferSummary,
  termsAccepted: boolean,
  extra: Partial<ChooseTimeInput> = {},
): ChooseTimeInput => ({
  patientId,
  target,
  careServiceId: offer.careServiceId,
  termsAccepted,
  service: offer.serviceName,
  unit: offer.unitName,
  phone: offer.unitPhone,
  ...(offer.unitAddress ? { address: offer.unitAddress } : {}),
  reason: offer.reason,
  reasonMaxLength: offer.reasonMaxLength,
  ...extra,
});

/** After a booking is picked: cancel it, or choose the new time (the wish for it carried along). */
export function afterPick(patientId: string, picked: PickBookingOutput): Partial<Context> {
  if (picked.outcome !== 'picked') return {};
  const { booking, termsAccepted } = picked;
  const about = booking.unitHsaId;
  if (picked.action === 'cancel')
    return { cancel: { patientId, booking, termsAccepted }, progress: termsAccepted, about };
  return {
    about,
    time: {
      patientId,
      target: { kind: 'rebook', bookingId: booking.id },
      careServiceId: booking.careServiceId,
      others: picked.others,
      termsAccepted,
      wish: picked.wish,
      replacing: booking,
      ...(booking.names.performer ? { performer: booking.names.performer } : {}),
      service: booking.serviceName,
      unit: booking.unitName,
      phone: booking.unitPhone,
      ...(booking.unitAddress ? { address: booking.unitAddress } : {}),
      reason: 'none',
      reasonMaxLength: booking.reasonMaxLength,
    },
    progress: termsAccepted,
  };
}

/** After a care service is chosen: its free times, with any wished time said along the way. */
export function afterService(patientId: string, chosen: ChooseServiceOutput): Partial<Context> {
  if (chosen.outcome !== 'chosen') return {};
  const { offer, termsAccepted, understanding } = chosen;
  const target: TimeTarget = { kind: 'open', careServiceId: offer.careServiceId, viaGuide: chosen.viaGuide === true };
  return {
    time: timeFor(patientId, target, offer, termsAccepted, { wish: understanding?.wish }),
    progress: termsAccepted,
    about: offer.unitHsaId,
  };
}

/** After an invitation is chosen: the free times inside its window. */
export function afterInvitation(patientId: string, chosen: ChooseInvitationOutput): Partial<Context> {
  if (chosen.outcome !== 'chosen') return {};
  const { invitation, termsAccepted, wish } = chosen;
  const target: TimeTarget = { kind: 'invitation', invitationId: invitation.id };
  return {
    time: timeFor(patientId, target, invitation, termsAccepted, { wish }),
    progress: termsAccepted,
    about: invitation.unitHsaId,
  };
}

/** After a questionnaire has found a care service: book it, also if it is hidden from the free choice. */
export function afterGuide(found: QuestionnaireOutput): Partial<Context> {
  const careServiceIds = found.outcome === 'book' ? [found.careServiceId] : [];
  const forChild = found.outcome === 'book' && found.forChild;
  const understanding: Understanding = {
    intent: 'book',
    wish: {},
    unitHsaIds: [],
    careServiceIds,
    ...(forChild ? { forChild } : {}),
  };
  return { request: { intent: 'book', viaGuide: true, understanding } };
}

/** The booking the current errand is about, if any: carried over when cancel and rebook trade places. */
const bookingInQuestion = (c: Context): string | undefined =>
  c.cancel?.booking.id ?? (c.time?.target.kind === 'rebook' ? c.time.target.bookingId : undefined);

/** A switch between cancelling and rebooking keeps the booking in question, unless the resident names another. */
export function withBooking(c: Context, request: Request): Request {
  const current = bookingInQuestion(c);
  // For a rebooking a day is the wish for the new time; for a cancellation it names a booking.
  const namesDay = request.intent === 'cancel' && Object.keys(request.understanding?.wish ?? {}).length > 0;
  const namesAnother = (request.understanding?.careServiceIds.length ?? 0) > 0 || namesDay;
  const trades = (request.intent === 'cancel' || request.intent === 'rebook') && current !== undefined && !namesAnother;
  return trades ? { ...request, bookingId: current } : request;
}

/** The second wish of a message, as an errand of its own, if it is one. */
export function queuedFrom(request: Request | undefined, offered: readonly MenuIntent[]): Request | undefined {
  const next = request?.understanding?.next;
  return next && offered.includes(next.intent as MenuIntent)
    ? { intent: next.intent as MenuIntent, understanding: next }
    : undefined;
}

/**
 * The queued errand, taken up: «avboka tiden och boka en ny» books the same kind of care
 * at the same unit as the booking just cancelled, unless the second wish names its own.
 */
export function takeQueued(c: Context): Partial<Context> {
  const queued = must(c.queued, 'the errand next in line');
  const u = queued.understanding;
  const cancelled = c.cancel?.booking;
  const namesNothing = (u?.careServiceIds.length ?? 0) + (u?.unitHsaIds.length ?? 0) === 0;
  if (queued.intent !== 'book' || !cancelled || !u || !namesNothing) return { request: queued, queued: undefined };
  const same = { ...u, careServiceIds: [cancelled.careServiceId], unitHsaIds: [cancelled.unitHsaId] };
  return { request: { ...queued, understanding: same }, queued: undefined };
}

/** After the check for an existing booking: the time is chosen knowing the resident's other bookings. */
export function afterCheck(c: Context, checked: CheckExistingOutput): Partial<Context> {
  const time = must(c.time, 'what the time is for');
  return checked.outcome === 'go' ? { time: { ...time, others: checked.others } } : {};
}

/** What was named is booked with an invitation: the invitations are looked at, with the reason to give if none fits. */
export function toInvitations(chosen: ChooseServiceOutput): Partial<Context> {
  if (chosen.outcome !== 'invitation') return {};
  const { understanding, refusal } = chosen;
  return { request: { intent: 'book-invitation', understanding, refusal } };
}

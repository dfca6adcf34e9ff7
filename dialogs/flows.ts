import { fromPromise, type AnyStateMachine } from 'xstate';
import { cancelBookingMachine, type CancelBookingInput } from '../machines/cancel-booking.machine.js';
import type { Questionnaire } from '../content/questionnaire-schema.js';
import { chooseOneMachine, type ChooseOneInput, type ChooseOneOutput } from '../machines/choose-one.machine.js';
import { chooseInvitationMachine, type ChooseInvitationInput, type ChooseInvitationOutput } from '../machines/choose-invitation.machine.js';
import { chooseServiceMachine, type ChooseServiceInput, type ChooseServiceOutput } from '../machines/choose-service.machine.js';
import { chooseTimeMachine, type ChooseTimeInput } from '../machines/choose-time.machine.js';
import { menuMachine, type MenuInput, type MenuIntent, type MenuOutput } from '../machines/menu.machine.js';
import { pickBookingMachine, type PickBookingInput, type PickBookingOutput } from '../machines/pick-booking.machine.js';
import type {
  BookingSummary, CancelInput, CommitTimeInput, FindSlotsInput, FoundSlots, InvitationSummary, ListBookingsInput, OfferSummary, Offers, Outcome,
} from '../machines/ports.js';
import { t, type Reply } from '../machines/reply.js';
import { questionnaireMachine, textRef, type QuestionnaireInput, type QuestionnaireOutput, type UnitLookup } from '../machines/questionnaire.machine.js';
import { viewMachine, type ViewInput } from '../machines/view.machine.js';

// The flows a conversation moves through, and how the end of one leads to the next.
// Each flow is a small machine; this table is the router between them.

export interface BookingActors {
  listBookings(input: ListBookingsInput): Promise<BookingSummary[]>;
  cancelBooking(input: CancelInput): Promise<Outcome<BookingSummary>>;
  findSlots(input: FindSlotsInput): Promise<Outcome<FoundSlots>>;
  commitTime(input: CommitTimeInput): Promise<Outcome<BookingSummary>>;
  listInvitations(input: ListBookingsInput): Promise<InvitationSummary[]>;
  listOffers(input: { patientId: string; viaGuide: boolean }): Promise<Offers>;
}

export type GuideFlow = `guided:${string}`;

export type FlowName = 'menu' | 'view' | 'pickBooking' | 'cancelBooking' | 'chooseTime' | 'chooseInvitation' | 'chooseService' | 'chooseGuide' | GuideFlow;

export interface Flows {
  machines: Record<string, AnyStateMachine>;
  /** The questionnaires, for choosing one */
  guides: readonly Questionnaire[];
}

export const isGuideFlow = (name: string): name is GuideFlow => name.startsWith('guided:');

export type Step =
  | { flow: 'menu'; input: MenuInput }
  | { flow: 'view'; input: ViewInput }
  | { flow: 'pickBooking'; input: PickBookingInput }
  | { flow: 'cancelBooking'; input: CancelBookingInput }
  | { flow: 'chooseTime'; input: ChooseTimeInput }
  | { flow: 'chooseInvitation'; input: ChooseInvitationInput }
  | { flow: 'chooseService'; input: ChooseServiceInput }
  | { flow: 'chooseGuide'; input: ChooseOneInput }
  | { flow: GuideFlow; input: QuestionnaireInput };

export interface Transition {
  say: Reply[];
  step: Step;
}

/** The intents the menu offers; flows that need a logged-in resident are marked. */
export const OFFERED: readonly MenuIntent[] = ['view', 'cancel', 'rebook', 'book', 'book-invitation', 'guided'];
const PERSONAL: readonly MenuIntent[] = ['view', 'cancel', 'rebook', 'book', 'book-invitation'];

export const menuStep = (lead: MenuInput['lead']): Step => ({ flow: 'menu', input: { lead, offered: OFFERED } });

export function createFlows(actors: BookingActors, guides: readonly Questionnaire[], unitOf: UnitLookup): Flows {
  const effect = <I, O>(run: (input: I) => Promise<O>) => fromPromise<O, I>(({ input }) => run(input));
  const listBookings = effect(actors.listBookings);
  const machines: Record<string, AnyStateMachine> = {
    menu: menuMachine,
    chooseGuide: chooseOneMachine,
    view: viewMachine.provide({ actors: { listBookings } }),
    pickBooking: pickBookingMachine.provide({ actors: { listBookings } }),
    cancelBooking: cancelBookingMachine.provide({ actors: { cancelBooking: effect(actors.cancelBooking) } }),
    chooseTime: chooseTimeMachine.provide({ actors: { findSlots: effect(actors.findSlots), commitTime: effect(actors.commitTime) } }),
    chooseInvitation: chooseInvitationMachine.provide({ actors: { listInvitations: effect(actors.listInvitations) } }),
    chooseService: chooseServiceMachine.provide({ actors: { listOffers: effect(actors.listOffers) } }),
  };
  for (const q of guides) machines[`guided:${q.id}`] = questionnaireMachine(q, unitOf);
  return { machines, guides };
}

/** The questionnaire for what the resident named, the only one, or a choice between them. */
function guideStep(output: MenuOutput, patientId: string | undefined, guides: readonly Questionnaire[]): Transition {
  const named = guides.filter((g) => output.understanding?.unitHsaIds.some((u) => u.toLowerCase() === g.unit.toLowerCase()));
  const only = named.length === 1 ? named[0] : guides.length === 1 ? guides[0] : undefined;
  if (only) return { say: [], step: { flow: `guided:${only.id}`, input: { patientId } } };
  const options = guides.map((g) => ({ value: g.id, label: textRef(g.title) }));
  return { say: [], step: { flow: 'chooseGuide', input: { promptKey: 'guided.choose', options } } };
}

/** Where a menu choice leads. */
export function stepForIntent(output: MenuOutput, patientId: string | undefined, guides: readonly Questionnaire[]): Transition {
  if (output.intent === 'guided') return guideStep(output, patientId, guides);
  if (PERSONAL.includes(output.intent) && !patientId) return { say: [{ parts: [t('auth.required')] }], step: menuStep('plain') };
  const pid = patientId!;
  switch (output.intent) {
    case 'view':
      return { say: [], step: { flow: 'view', input: { patientId: pid } } };
    case 'cancel':
    case 'rebook':
      return { say: [], step: { flow: 'pickBooking', input: { patientId: pid, action: output.intent, hint: output.understanding } } };
    case 'book':
      return { say: [], step: { flow: 'chooseService', input: { patientId: pid, understanding: output.understanding } } };
    case 'book-invitation':
      return { say: [], step: { flow: 'chooseInvitation', input: { patientId: pid } } };
    default:
      return { say: [{ parts: [t('menu.notYet')] }], step: menuStep('plain') };
  }
}

/** What follows when a flow has finished with its output. */
export function nextAfter(flow: FlowName, output: unknown, patientId: string | undefined, guides: readonly Questionnaire[]): Transition {
  const again: Transition = { say: [], step: menuStep('again') };
  if (isGuideFlow(flow)) return afterGuide(output as QuestionnaireOutput, patientId);
  switch (flow) {
    case 'menu':
      return stepForIntent(output as MenuOutput, patientId, guides);
    case 'chooseGuide': {
      const { value } = output as ChooseOneOutput;
      return guides.some((g) => g.id === value) ? { say: [], step: { flow: `guided:${value}`, input: { patientId } } } : { say: [], step: menuStep('plain') };
    }
    case 'pickBooking': {
      const picked = output as PickBookingOutput;
      if (picked.outcome !== 'picked') return { say: [], step: menuStep(picked.outcome === 'menu' ? 'plain' : 'again') };
      return { say: [], step: afterPick(picked, patientId!) };
    }
    case 'chooseInvitation': {
      const chosen = output as ChooseInvitationOutput;
      if (chosen.outcome !== 'chosen') return { say: [], step: menuStep(chosen.outcome === 'menu' ? 'plain' : 'again') };
      const i = chosen.invitation;
      return { say: [], step: timeStep(patientId!, { kind: 'invitation', invitationId: i.id }, i, chosen.termsAccepted, {}) };
    }
    case 'chooseService': {
      const chosen = output as ChooseServiceOutput;
      if (chosen.outcome !== 'chosen') return { say: [], step: menuStep(chosen.outcome === 'menu' ? 'plain' : 'again') };
      const o = chosen.offer;
      const viaGuide = chosen.viaGuide === true;
      return { say: [], step: timeStep(patientId!, { kind: 'open', careServiceId: o.careServiceId, viaGuide }, o, chosen.termsAccepted, { wish: chosen.understanding?.wish }) };
    }
    case 'view':
    case 'cancelBooking':
    case 'chooseTime':
      return again;
  }
}

/** A questionnaire's outcome: advice was given already; a care service goes on to booking. */
function afterGuide(output: QuestionnaireOutput, patientId: string | undefined): Transition {
  if (output.outcome === 'advice') return { say: [], step: menuStep(output.emergency ? 'plain' : 'again') };
  if (!patientId) return { say: [{ parts: [t('auth.requiredToBook')] }], step: menuStep('plain') };
  const understanding = { intent: 'book' as const, wish: {}, unitHsaIds: [], careServiceIds: [output.careServiceId] };
  return { say: [], step: { flow: 'chooseService', input: { patientId, understanding, viaGuide: true } } };
}

function timeStep(patientId: string, target: ChooseTimeInput['target'], offer: OfferSummary, termsAccepted: boolean, extra: Partial<ChooseTimeInput>): Step {
  return {
    flow: 'chooseTime',
    input: {
      patientId, target, termsAccepted, service: offer.serviceName, unit: offer.unitName, phone: offer.unitPhone,
      reason: offer.reason, reasonMaxLength: offer.reasonMaxLength, ...extra,
    },
  };
}

function afterPick(picked: Extract<PickBookingOutput, { outcome: 'picked' }>, patientId: string): Step {
  const { booking, termsAccepted } = picked;
  if (picked.action === 'cancel') return { flow: 'cancelBooking', input: { patientId, booking, termsAccepted } };
  return {
    flow: 'chooseTime',
    input: {
      patientId, target: { kind: 'rebook', bookingId: booking.id }, termsAccepted, wish: picked.wish, replacing: booking,
      service: booking.serviceName, unit: booking.unitName, phone: booking.unitPhone, reason: 'none', reasonMaxLength: booking.reasonMaxLength,
    },
  };
}

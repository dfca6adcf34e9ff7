import { fromPromise, type AnyStateMachine } from 'xstate';
import { cancelBookingMachine, type CancelBookingInput } from '../machines/cancel-booking.machine.js';
import { menuMachine, type MenuInput, type MenuIntent, type MenuOutput } from '../machines/menu.machine.js';
import { pickBookingMachine, type PickBookingInput, type PickBookingOutput } from '../machines/pick-booking.machine.js';
import type { BookingSummary, CancelInput, FindRebookSlotsInput, ListBookingsInput, Outcome, RebookInput, SlotSummary } from '../machines/ports.js';
import { rebookTimeMachine, type RebookTimeInput } from '../machines/rebook-time.machine.js';
import { t, type Reply } from '../machines/reply.js';
import { viewMachine, type ViewInput } from '../machines/view.machine.js';

// The flows a conversation moves through, and how the end of one leads to the next.
// Each flow is a small machine; this table is the router between them.

export interface BookingActors {
  listBookings(input: ListBookingsInput): Promise<BookingSummary[]>;
  cancelBooking(input: CancelInput): Promise<Outcome<BookingSummary>>;
  findRebookSlots(input: FindRebookSlotsInput): Promise<Outcome<SlotSummary[]>>;
  rebookBooking(input: RebookInput): Promise<Outcome<BookingSummary>>;
}

export type FlowName = 'menu' | 'view' | 'pickBooking' | 'cancelBooking' | 'rebookTime';

export type Flows = Record<FlowName, AnyStateMachine>;

export type Step =
  | { flow: 'menu'; input: MenuInput }
  | { flow: 'view'; input: ViewInput }
  | { flow: 'pickBooking'; input: PickBookingInput }
  | { flow: 'cancelBooking'; input: CancelBookingInput }
  | { flow: 'rebookTime'; input: RebookTimeInput };

export interface Transition {
  say: Reply[];
  step: Step;
}

/** The intents the menu offers; flows that need a logged-in resident are marked. */
export const OFFERED: readonly MenuIntent[] = ['view', 'cancel', 'rebook'];
const PERSONAL: readonly MenuIntent[] = ['view', 'cancel', 'rebook', 'book', 'book-invitation'];

export const menuStep = (lead: MenuInput['lead']): Step => ({ flow: 'menu', input: { lead, offered: OFFERED } });

export function createFlows(actors: BookingActors): Flows {
  const listBookings = fromPromise<BookingSummary[], ListBookingsInput>(({ input }) => actors.listBookings(input));
  return {
    menu: menuMachine,
    view: viewMachine.provide({ actors: { listBookings } }),
    pickBooking: pickBookingMachine.provide({ actors: { listBookings } }),
    cancelBooking: cancelBookingMachine.provide({
      actors: { cancelBooking: fromPromise<Outcome<BookingSummary>, CancelInput>(({ input }) => actors.cancelBooking(input)) },
    }),
    rebookTime: rebookTimeMachine.provide({
      actors: {
        findSlots: fromPromise<Outcome<SlotSummary[]>, FindRebookSlotsInput>(({ input }) => actors.findRebookSlots(input)),
        rebookBooking: fromPromise<Outcome<BookingSummary>, RebookInput>(({ input }) => actors.rebookBooking(input)),
      },
    }),
  };
}

/** Where a menu choice leads. */
export function stepForIntent(output: MenuOutput, patientId: string | undefined): Transition {
  if (PERSONAL.includes(output.intent) && !patientId) return { say: [{ parts: [t('auth.required')] }], step: menuStep('plain') };
  const pid = patientId!;
  switch (output.intent) {
    case 'view':
      return { say: [], step: { flow: 'view', input: { patientId: pid } } };
    case 'cancel':
    case 'rebook':
      return { say: [], step: { flow: 'pickBooking', input: { patientId: pid, action: output.intent, hint: output.understanding } } };
    default:
      return { say: [{ parts: [t('menu.notYet')] }], step: menuStep('plain') };
  }
}

/** What follows when a flow has finished with its output. */
export function nextAfter(flow: FlowName, output: unknown, patientId: string | undefined): Transition {
  switch (flow) {
    case 'menu':
      return stepForIntent(output as MenuOutput, patientId);
    case 'pickBooking': {
      const picked = output as PickBookingOutput;
      if (picked.outcome !== 'picked') return { say: [], step: menuStep(picked.outcome === 'menu' ? 'plain' : 'again') };
      return { say: [], step: pickedAction(picked, patientId!) };
    }
    case 'view':
    case 'cancelBooking':
    case 'rebookTime':
      return { say: [], step: menuStep('again') };
  }
}

function pickedAction(picked: Extract<PickBookingOutput, { outcome: 'picked' }>, patientId: string): Step {
  const { booking, termsAccepted } = picked;
  return picked.action === 'cancel'
    ? { flow: 'cancelBooking', input: { patientId, booking, termsAccepted } }
    : { flow: 'rebookTime', input: { patientId, booking, termsAccepted, wish: picked.wish } };
}

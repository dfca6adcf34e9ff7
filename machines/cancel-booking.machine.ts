import { assign, fromPromise, setup } from 'xstate';
import type { TurnEvent } from './events.js';
import { askingReasonState } from './shared-states.js';
import { append, bookingLines, bookingParams, reasonReply, rejectionText, sayText, SKIP } from './outbox.js';
import { notProvided, type BookingSummary, type CancelInput, type Outcome } from './ports.js';
import { choice, NO, t, YES, type Reply } from './reply.js';

// Avboka (steg 2) once a booking is chosen and its terms accepted: a reason where the
// konfiguration asks for one, an explicit yes, then the cancellation. If the booking
// system fails, the resident is asked again; nothing is half done.

export interface CancelBookingInput {
  patientId: string;
  booking: BookingSummary;
  termsAccepted: boolean;
}

export type CancelBookingOutput = { outcome: 'cancelled' | 'kept' | 'refused' };

interface Context extends CancelBookingInput {
  reason?: string;
  result?: CancelBookingOutput;
  outbox: Reply[];
}

const textOf = (event: TurnEvent) => (event.type === 'user.text' || event.type === 'user.said' ? event.text.trim() : '');

export const cancelBookingMachine = setup({
  types: {} as { context: Context; events: TurnEvent; input: CancelBookingInput; output: CancelBookingOutput },
  actors: { cancelBooking: fromPromise<Outcome<BookingSummary>, CancelInput>(notProvided('cancelBooking')) },
  guards: {
    asksReason: ({ context }) => context.booking.reason.cancel !== 'none',
    isReasonOptional: ({ context }) => context.booking.reason.cancel === 'optional',
    isSkip: ({ event }) => event.type === 'user.chose' && event.value === SKIP,
    isTooLong: ({ context, event }) => textOf(event).length > context.booking.reasonMaxLength,
    isBlank: ({ event }) => textOf(event).length === 0,
  },
  actions: {
    clearOutbox: assign({ outbox: [] }),
    settle: assign({ result: (_, params: CancelBookingOutput) => params }),
    promptReason: assign({ outbox: ({ context }) => append(context, reasonReply('cancel', context.booking.reason.cancel, context.booking.reasonMaxLength)) }),
    sayTooLong: assign({
      outbox: ({ context, event }) => append(context, {
        parts: [rejectionText({ code: 'reason_too_long', max: context.booking.reasonMaxLength, length: textOf(event).length })],
      }),
    }),
    keepReason: assign({ reason: ({ event }) => textOf(event) }),
    promptConfirm: assign({
      outbox: ({ context }) => append(context, {
        parts: [t('cancel.confirm'), ...bookingLines(context.booking)],
        choices: [choice(YES, 'choice.yesCancel'), choice(NO, 'choice.noKeep')],
        expects: 'yesno',
        card: 'booking',
      }),
    }),
    sayDone: assign({ outbox: ({ context }) => append(context, { parts: [t('cancel.done', bookingParams(context.booking))], card: 'confirmation' }) }),
    sayKept: assign({ outbox: sayText('cancel.kept') }),
    sayFailure: assign({ outbox: sayText('error.bookingSystem') }),
  },
}).createMachine({
  id: 'cancelBooking',
  context: ({ input }) => ({ ...input, outbox: [] }),
  on: { 'turn.begin': { actions: 'clearOutbox' } },
  initial: 'start',
  states: {
    start: { always: [{ guard: 'asksReason', target: 'askingReason' }, { target: 'confirming' }] },
    askingReason: askingReasonState('askingReason', 'confirming'),
    confirming: {
      tags: 'awaitingUser',
      entry: 'promptConfirm',
      on: {
        'user.confirmed': 'cancelling',
        'user.declined': 'kept',
      },
    },
    cancelling: {
      tags: 'busy',
      invoke: {
        src: 'cancelBooking',
        input: ({ context }) => ({
          patientId: context.patientId, bookingId: context.booking.id, termsAccepted: context.termsAccepted, reason: context.reason,
        }),
        onDone: [
          { guard: ({ event }) => event.output.ok, target: 'cancelled', actions: 'sayDone' },
          {
            target: 'refused',
            actions: assign({ outbox: ({ context, event }) => (event.output.ok ? context.outbox : append(context, { parts: [rejectionText(event.output.rejection)] })) }),
          },
        ],
        onError: { target: 'confirming', actions: 'sayFailure' },
      },
    },
    cancelled: { type: 'final', entry: { type: 'settle', params: { outcome: 'cancelled' } } },
    kept: { type: 'final', entry: ['sayKept', { type: 'settle', params: { outcome: 'kept' } }] },
    refused: { type: 'final', entry: { type: 'settle', params: { outcome: 'refused' } } },
  },
  output: ({ context }) => context.result ?? { outcome: 'kept' },
});

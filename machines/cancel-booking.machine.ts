import { assign, fromPromise, setup } from 'xstate';
import type { CancelInput } from '../booking/effects.js';
import type { BookingSummary, Outcome } from '../booking/views.js';
import type { UserEvent } from './events.js';
import { notProvided } from './not-provided.js';
import {
  bookingLines,
  bookingParams,
  placeLine,
  reasonReply,
  rejectionText,
  SKIP,
  speaker,
  textOf,
} from './replies.js';
import { choice, NO, t, YES } from './reply.js';
import { askingReasonState } from './shared-states.js';

// Avboka (steg 2) once a booking is chosen and its terms accepted: a reason where the
// konfiguration asks for one, an explicit yes, then the cancellation. If the booking
// system fails, the resident is asked again; nothing is half done.

export interface CancelBookingInput {
  patientId: string;
  booking: BookingSummary;
  termsAccepted: boolean;
  /** The child the booking is for, named before the yes and in the confirmation (ombud) */
  forName?: string;
}

export type CancelBookingOutput = { outcome: 'cancelled' | 'kept' | 'refused' };

interface Context extends CancelBookingInput {
  reason?: string;
  result?: CancelBookingOutput;
}

const speak = speaker<Context, UserEvent>();

export const cancelBookingMachine = setup({
  types: {} as { context: Context; events: UserEvent; input: CancelBookingInput; output: CancelBookingOutput },
  actors: { cancelBooking: fromPromise<Outcome<BookingSummary>, CancelInput>(notProvided('cancelBooking')) },
  guards: {
    asksReason: ({ context }) => context.booking.reason.cancel !== 'none',
    isReasonOptional: ({ context }) => context.booking.reason.cancel === 'optional',
    isSkip: ({ event }) => event.type === 'user.chose' && event.value === SKIP,
    isTooLong: ({ context, event }) => textOf(event).length > context.booking.reasonMaxLength,
    isBlank: ({ event }) => textOf(event).length === 0,
  },
  actions: {
    settle: assign({ result: (_, params: CancelBookingOutput) => params }),
    promptReason: speak.say(({ context }) => [
      reasonReply('cancel', context.booking.reason.cancel, context.booking.reasonMaxLength),
    ]),
    sayTooLong: speak.say(({ context, event }) => [
      {
        parts: [
          rejectionText({
            code: 'reason_too_long',
            max: context.booking.reasonMaxLength,
            length: textOf(event).length,
          }),
        ],
      },
    ]),
    keepReason: assign({ reason: ({ event }) => textOf(event) }),
    reportProgress: speak.progress(),
    promptConfirm: speak.say(({ context }) => [
      {
        parts: [
          t('cancel.confirm'),
          ...bookingLines(context.booking),
          ...(context.forName ? [t('child.for', { name: context.forName })] : []),
        ],
        choices: [choice(YES, 'choice.yesCancel'), choice(NO, 'choice.noKeep')],
        expects: 'yesno',
        card: 'booking',
      },
    ]),
    sayDone: speak.say(({ context }) => [
      {
        parts: [
          t('cancel.done', bookingParams(context.booking)),
          ...(context.forName ? [t('child.for', { name: context.forName })] : []),
          placeLine(context.booking.unitAddress, context.booking.unitPhone),
        ],
        card: 'confirmation',
      },
    ]),
    sayKept: speak.text('cancel.kept'),
    sayFailure: speak.text('error.bookingSystem'),
    sayRefused: speak.say(({ event }) => {
      const output = (event as unknown as { output: Outcome<BookingSummary> }).output;
      return output.ok ? [] : [{ parts: [rejectionText(output.rejection)] }];
    }),
  },
}).createMachine({
  id: 'cancelBooking',
  context: ({ input }) => ({ ...input }),
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
      invoke: {
        src: 'cancelBooking',
        input: ({ context }) => ({
          patientId: context.patientId,
          bookingId: context.booking.id,
          termsAccepted: context.termsAccepted,
          reason: context.reason,
        }),
        onDone: [
          { description: 'cancelled', guard: ({ event }) => event.output.ok, target: 'cancelled', actions: 'sayDone' },
          { target: 'refused', actions: 'sayRefused' },
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

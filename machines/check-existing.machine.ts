import { assign, fromPromise, setup } from 'xstate';
import type { PatientInput } from '../booking/effects.js';
import type { BookingSummary } from '../booking/views.js';
import type { UserEvent } from './events.js';
import { notProvided } from './not-provided.js';
import { bookingLines, speaker } from './replies.js';
import { choice, NO, t, YES } from './reply.js';

// Before a new booking: does the resident already have this kind of care booked ahead?
// Then the bot says so and asks, so nobody books twice by mistake. The resident's other
// bookings go along, so that a time that overlaps one of them is pointed out before the yes.

export interface CheckExistingInput {
  patientId: string;
  careServiceId: string;
  /** The same kind of care at another unit counts too (a flu vaccination is one) */
  serviceName: string;
  /** The child the booking is for (ombud) */
  forName?: string;
}

/** Another booking's time, to see whether a new time overlaps it. */
export interface OtherBooking {
  start: string;
  end: string;
  serviceName: string;
}

export type CheckExistingOutput = { outcome: 'go'; others: OtherBooking[] } | { outcome: 'stop' };

interface Context extends CheckExistingInput {
  bookings: BookingSummary[];
  go: boolean;
}

const speak = speaker<Context, UserEvent>();
const same = (c: Context) =>
  c.bookings.filter((b) => b.careServiceId === c.careServiceId || b.serviceName === c.serviceName);

export const checkExistingMachine = setup({
  types: {} as { context: Context; events: UserEvent; input: CheckExistingInput; output: CheckExistingOutput },
  actors: { listBookings: fromPromise<BookingSummary[], PatientInput>(notProvided('listBookings')) },
  guards: { hasSame: ({ context }) => same(context).length > 0 },
  actions: {
    ask: speak.say(({ context }) => [
      ...same(context).map((b) => ({
        parts: [
          context.forName ? t('double.childAlready', { name: context.forName }) : t('double.already'),
          ...bookingLines(b),
        ],
        card: 'booking' as const,
      })),
      {
        parts: [t('double.ask')],
        choices: [choice(YES, 'choice.bookAnother'), choice(NO, 'choice.noAnother')],
        expects: 'yesno' as const,
        help: 'help.bookAnother',
      },
    ]),
    sayStopped: speak.text('book.stopped'),
  },
}).createMachine({
  id: 'checkExisting',
  context: ({ input }) => ({ ...input, bookings: [], go: true }),
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        src: 'listBookings',
        input: ({ context }) => ({ patientId: context.patientId }),
        onDone: { target: 'checking', actions: assign({ bookings: ({ event }) => event.output }) },
        // Without the list the booking goes on: the check is a courtesy, not a rule.
        onError: { target: 'done' },
      },
    },
    checking: { always: [{ guard: 'hasSame', target: 'asking' }, { target: 'done' }] },
    asking: {
      tags: 'awaitingUser',
      entry: 'ask',
      on: {
        'user.confirmed': 'done',
        'user.declined': { target: 'done', actions: ['sayStopped', assign({ go: false })] },
      },
    },
    done: { type: 'final' },
  },
  output: ({ context }) =>
    context.go
      ? {
          outcome: 'go',
          others: context.bookings.map((b) => ({ start: b.start, end: b.end, serviceName: b.serviceName })),
        }
      : { outcome: 'stop' },
});

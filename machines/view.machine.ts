import { assign, fromPromise, setup } from 'xstate';
import type { PatientInput } from '../booking/effects.js';
import type { BookingSummary } from '../booking/views.js';
import type { UserEvent } from './events.js';
import { notProvided } from './not-provided.js';
import { bookingLines, rejectionText, speaker } from './replies.js';
import { t, type Reply, type TextRef } from './reply.js';

// Visa bokad tid (steg 1): every future booking, in time order, each with whether it can
// be changed here and, if not, why and what to do instead.

export type ViewInput = PatientInput;

/** What the resident may do with a booking, as one line. */
export function statusLine(b: BookingSummary): TextRef {
  if (b.cancel.ok && b.rebook.ok) return t('view.changeable', { deadline: b.changeDeadline });
  if (b.cancel.ok) return t('view.cancelOnly', { deadline: b.changeDeadline });
  if (b.rebook.ok) return t('view.rebookOnly', { deadline: b.changeDeadline });
  if (b.cancel.rejection.code === 'cancel_not_online' && b.rebook.rejection.code === 'rebook_not_online') {
    return t('view.notChangeableOnline', { unitName: b.unitName, phone: b.unitPhone });
  }
  return rejectionText(b.cancel.rejection);
}

/** The list of bookings as replies: a header, then one card per booking. */
export function bookingList(bookings: readonly BookingSummary[]): Reply[] {
  if (bookings.length === 0) return [{ parts: [t('view.none')] }];
  const header: Reply = {
    parts: [t(bookings.length === 1 ? 'view.headerOne' : 'view.header', { count: bookings.length })],
  };
  return [header, ...bookings.map((b): Reply => ({ parts: [...bookingLines(b), statusLine(b)], card: 'booking' }))];
}

interface Context extends ViewInput {
  /** The bookings when listed, for the list's reply */
  bookings?: BookingSummary[];
}

const speak = speaker<Context, UserEvent>();

export const viewMachine = setup({
  types: {} as { context: Context; events: UserEvent; input: ViewInput },
  actors: { listBookings: fromPromise<BookingSummary[], PatientInput>(notProvided('listBookings')) },
  actions: {
    sayFailure: speak.text('error.bookingSystem'),
    sayList: speak.say(({ context }) => bookingList(context.bookings ?? [])),
  },
}).createMachine({
  id: 'view',
  context: ({ input }) => input,
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        src: 'listBookings',
        input: ({ context }) => ({ patientId: context.patientId }),
        onDone: { target: 'shown', actions: [assign({ bookings: ({ event }) => event.output }), 'sayList'] },
        onError: { target: 'shown', actions: 'sayFailure' },
      },
    },
    shown: { type: 'final' },
  },
});

import { assign, fromPromise, setup } from 'xstate';
import type { PatientInput } from '../booking/effects.js';
import type { BookingSummary } from '../booking/views.js';
import { bookingsNamed } from './booking-naming.js';
import type { Understanding, UserEvent } from './events.js';
import { notProvided } from './not-provided.js';
import { bookingLines, rejectionText, speaker } from './replies.js';
import { t, type Reply, type TextRef } from './reply.js';

// Visa bokad tid (steg 1): every future booking, in time order, each with whether it can
// be changed here and, if not, why and what to do instead. A question that names bookings
// («har jag nån tid hos doktorn snart?», «vad har jag nästa vecka?») gets those alone.

export interface ViewInput extends PatientInput {
  /** What the resident asked, which may name some of the bookings */
  hint?: Understanding;
  /** The child whose bookings these are (ombud): the list says so by name */
  forName?: string;
}

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

const cards = (bookings: readonly BookingSummary[]): Reply[] =>
  bookings.map((b): Reply => ({ parts: [...bookingLines(b), statusLine(b)], card: 'booking' }));

/** The list of bookings as replies: a header, then one card per booking. */
export function bookingList(bookings: readonly BookingSummary[], forName?: string): Reply[] {
  const key = (own: 'none' | 'header' | 'headerOne') =>
    forName ? `view.child${own.charAt(0).toUpperCase()}${own.slice(1)}` : `view.${own}`;
  const named: Record<string, string> = forName ? { name: forName } : {};
  if (bookings.length === 0) return [{ parts: [t(key('none'), named)] }];
  const header: Reply = {
    parts: [t(key(bookings.length === 1 ? 'headerOne' : 'header'), { count: bookings.length, ...named })],
  };
  return [header, ...cards(bookings)];
}

/** The bookings a question names, or all of them with a word that none fits. */
function answerTo(bookings: readonly BookingSummary[], hint: Understanding | undefined, forName?: string): Reply[] {
  const naming = hint && bookings.length > 0 ? bookingsNamed(bookings, hint, 'cancel') : undefined;
  if (!naming?.named) return bookingList(bookings, forName);
  if (naming.fits.length === 0) return [{ parts: [t('view.noneNamed')] }, ...bookingList(bookings, forName)];
  const key = naming.fits.length === 1 ? 'view.headerNamedOne' : 'view.headerNamed';
  return [{ parts: [t(key, { count: naming.fits.length })] }, ...cards(naming.fits)];
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
    sayList: speak.say(({ context }) => answerTo(context.bookings ?? [], context.hint, context.forName)),
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

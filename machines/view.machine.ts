import { assign, fromPromise, setup } from 'xstate';
import type { TurnEvent } from './events.js';
import { append, bookingLines, rejectionText, sayText } from './outbox.js';
import { notProvided, type BookingSummary, type ListBookingsInput } from './ports.js';
import { t, type Reply, type TextRef } from './reply.js';

// Visa bokad tid (steg 1): every future booking, in time order, each with whether it can
// be changed here and, if not, why and what to do instead.

export interface ViewInput {
  patientId: string;
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

export const viewMachine = setup({
  types: {} as { context: ViewInput & { outbox: Reply[] }; events: TurnEvent; input: ViewInput },
  actors: { listBookings: fromPromise<BookingSummary[], ListBookingsInput>(notProvided('listBookings')) },
  actions: { clearOutbox: assign({ outbox: [] }) },
}).createMachine({
  id: 'view',
  context: ({ input }) => ({ ...input, outbox: [] }),
  on: { 'turn.begin': { actions: 'clearOutbox' } },
  initial: 'loading',
  states: {
    loading: {
      tags: 'busy',
      invoke: {
        src: 'listBookings',
        input: ({ context }) => ({ patientId: context.patientId }),
        onDone: {
          target: 'shown',
          actions: assign({
            outbox: ({ context, event }) => {
              const bookings = event.output;
              if (bookings.length === 0) return append(context, { parts: [t('view.none')] });
              const header: Reply = { parts: [t(bookings.length === 1 ? 'view.headerOne' : 'view.header', { count: bookings.length })] };
              return append(context, header, ...bookings.map((b): Reply => ({ parts: [...bookingLines(b), statusLine(b)], card: 'booking' })));
            },
          }),
        },
        onError: { target: 'shown', actions: assign({ outbox: sayText('error.bookingSystem') }) },
      },
    },
    shown: { type: 'final' },
  },
});

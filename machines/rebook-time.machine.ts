import { assign, fromPromise, setup } from 'xstate';
import { isEmptyWish, type TimeWish } from '../booking/slot-filter.js';
import { hasWish, type TurnEvent } from './events.js';
import { append, bookingParams, MORE, page, PAGE_SIZE, rejectionText, slotChoice } from './outbox.js';
import { notProvided, type BookingSummary, type FindRebookSlotsInput, type Outcome, type RebookInput, type SlotSummary } from './ports.js';
import { choice, NO, t, YES, type Reply } from './reply.js';

// Omboka (steg 3) once a booking is chosen: free times of the same care service at the
// same unit, a few at a time, narrowed by what the resident says; then an explicit yes
// and the atomic rebooking. A time taken meanwhile leads to fresh times, not a restart.

export interface RebookTimeInput {
  patientId: string;
  booking: BookingSummary;
  termsAccepted: boolean;
  wish?: TimeWish;
}

export type RebookTimeOutput = { outcome: 'rebooked' | 'kept' | 'refused' };

interface Context extends RebookTimeInput {
  wish: TimeWish;
  slots: SlotSummary[];
  offset: number;
  chosen?: SlotSummary;
  result?: RebookTimeOutput;
  outbox: Reply[];
}

const OTHER_DAY = 'other-day';
const ANY_TIME = 'any-time';
const KEEP = 'keep';

export const rebookTimeMachine = setup({
  types: {} as { context: Context; events: TurnEvent; input: RebookTimeInput; output: RebookTimeOutput },
  actors: {
    findSlots: fromPromise<Outcome<SlotSummary[]>, FindRebookSlotsInput>(notProvided('findSlots')),
    rebookBooking: fromPromise<Outcome<BookingSummary>, RebookInput>(notProvided('rebookBooking')),
  },
  guards: {
    hasSlots: ({ context }) => context.slots.length > 0,
    isChosenSlot: ({ context, event }) => event.type === 'user.chose' && context.slots.some((s) => s.id === event.value),
    isMore: ({ event }) => event.type === 'user.chose' && event.value === MORE,
    isOtherDay: ({ event }) => event.type === 'user.chose' && event.value === OTHER_DAY,
    isAnyTime: ({ event }) => event.type === 'user.chose' && event.value === ANY_TIME,
    isKeep: ({ event }) => event.type === 'user.chose' && event.value === KEEP,
    saysWish: ({ event }) => event.type === 'user.said' && hasWish(event.understanding),
    isYes: ({ event }) => event.type === 'user.chose' && event.value === YES,
    isNo: ({ event }) => event.type === 'user.chose' && event.value === NO,
  },
  actions: {
    clearOutbox: assign({ outbox: [] }),
    settle: assign({ result: (_, params: RebookTimeOutput) => params }),
    takeWish: assign({ wish: ({ event }) => (event.type === 'user.said' ? event.understanding.wish : {}), offset: 0 }),
    clearWish: assign({ wish: {}, offset: 0 }),
    nextPage: assign({ offset: ({ context }) => context.offset + PAGE_SIZE }),
    choose: assign({ chosen: ({ context, event }) => context.slots.find((s) => event.type === 'user.chose' && s.id === event.value) }),
    promptOffer: assign({
      outbox: ({ context }) => {
        const { shown, more } = page(context.slots, context.offset);
        return append(context, {
          parts: [t(context.offset === 0 ? 'rebook.offer' : 'rebook.offerMore', { service: context.booking.serviceName, unit: context.booking.unitName })],
          choices: [...shown.map(slotChoice), ...(more ? [choice(MORE, 'choice.laterTimes')] : []), choice(OTHER_DAY, 'choice.otherDay'), choice(KEEP, 'choice.keepTime')],
          expects: 'choice',
        });
      },
    }),
    promptWish: assign({
      outbox: ({ context }) => append(context, {
        parts: [t('rebook.askWish')],
        choices: [choice(ANY_TIME, 'choice.anyTime'), choice(KEEP, 'choice.keepTime')],
        expects: 'free',
      }),
    }),
    sayNoSlots: assign({
      outbox: ({ context }) => append(context, { parts: [t(isEmptyWish(context.wish) ? 'rebook.noSlots' : 'rebook.noSlotsForWish', bookingParams(context.booking))] }),
    }),
    promptConfirm: assign({
      outbox: ({ context }) => append(context, {
        parts: [t('rebook.confirm', { ...bookingParams(context.booking), newStart: context.chosen!.start })],
        choices: [choice(YES, 'choice.yesRebook'), choice(NO, 'choice.noOtherTime')],
        expects: 'yesno',
        card: 'booking',
      }),
    }),
    sayDone: assign({ outbox: ({ context }) => append(context, { parts: [t('rebook.done', { ...bookingParams(context.booking), start: context.chosen!.start })], card: 'confirmation' }) }),
    sayTaken: assign({ outbox: ({ context }) => append(context, { parts: [t('rebook.slotTaken')] }) }),
    sayKept: assign({ outbox: ({ context }) => append(context, { parts: [t('rebook.kept', bookingParams(context.booking))] }) }),
    sayFailure: assign({ outbox: ({ context }) => append(context, { parts: [t('error.bookingSystem')] }) }),
  },
}).createMachine({
  id: 'rebookTime',
  context: ({ input }) => ({ ...input, wish: input.wish ?? {}, slots: [], offset: 0, outbox: [] }),
  on: { 'turn.begin': { actions: 'clearOutbox' } },
  initial: 'searching',
  states: {
    searching: {
      tags: 'busy',
      invoke: {
        src: 'findSlots',
        input: ({ context }) => ({ patientId: context.patientId, bookingId: context.booking.id, wish: context.wish }),
        onDone: [
          { guard: ({ event }) => !event.output.ok, target: 'refused', actions: assign({ outbox: ({ context, event }) => (event.output.ok ? context.outbox : append(context, { parts: [rejectionText(event.output.rejection)] })) }) },
          { target: 'sorting', actions: assign({ slots: ({ event }) => (event.output.ok ? event.output.value : []), offset: 0 }) },
        ],
        onError: { target: 'askingWish', actions: 'sayFailure' },
      },
    },
    sorting: { always: [{ guard: 'hasSlots', target: 'offering' }, { target: 'askingWish', actions: 'sayNoSlots' }] },
    offering: {
      tags: 'awaitingUser',
      entry: 'promptOffer',
      on: {
        'user.chose': [
          { guard: 'isChosenSlot', target: 'confirming', actions: 'choose' },
          { guard: 'isMore', target: 'offering', reenter: true, actions: 'nextPage' },
          { guard: 'isOtherDay', target: 'askingWish' },
          { guard: 'isKeep', target: 'kept' },
        ],
        'user.said': { guard: 'saysWish', target: 'searching', actions: 'takeWish' },
      },
    },
    askingWish: {
      tags: 'awaitingUser',
      entry: 'promptWish',
      on: {
        'user.chose': [{ guard: 'isAnyTime', target: 'searching', actions: 'clearWish' }, { guard: 'isKeep', target: 'kept' }],
        'user.said': { guard: 'saysWish', target: 'searching', actions: 'takeWish' },
      },
    },
    confirming: {
      tags: 'awaitingUser',
      entry: 'promptConfirm',
      on: {
        'user.confirmed': 'rebooking',
        'user.declined': 'offering',
        'user.chose': [{ guard: 'isYes', target: 'rebooking' }, { guard: 'isNo', target: 'offering' }],
      },
    },
    rebooking: {
      tags: 'busy',
      invoke: {
        src: 'rebookBooking',
        input: ({ context }) => ({ patientId: context.patientId, bookingId: context.booking.id, slotId: context.chosen!.id, termsAccepted: context.termsAccepted }),
        onDone: [
          { guard: ({ event }) => event.output.ok, target: 'rebooked', actions: 'sayDone' },
          { guard: ({ event }) => !event.output.ok && event.output.rejection.code === 'slot_taken', target: 'searching', actions: 'sayTaken' },
          { target: 'refused', actions: assign({ outbox: ({ context, event }) => (event.output.ok ? context.outbox : append(context, { parts: [rejectionText(event.output.rejection)] })) }) },
        ],
        onError: { target: 'confirming', actions: 'sayFailure' },
      },
    },
    rebooked: { type: 'final', entry: { type: 'settle', params: { outcome: 'rebooked' } } },
    kept: { type: 'final', entry: ['sayKept', { type: 'settle', params: { outcome: 'kept' } }] },
    refused: { type: 'final', entry: { type: 'settle', params: { outcome: 'refused' } } },
  },
  output: ({ context }) => context.result ?? { outcome: 'kept' },
});

import { assign, fromPromise, setup } from 'xstate';
import { must } from '../booking/invariant.js';
import { dayPart, filterSlots, isEmptyWish, timePart, type TimeWish } from '../booking/slot-filter.js';
import type { PatientInput } from '../booking/effects.js';
import type { BookingSummary } from '../booking/views.js';
import type { Understanding, UserEvent } from './events.js';
import { notProvided } from './not-provided.js';
import { bookingChoice, bookingLines, MENU, MORE, page, rejectionText, speaker, termsReply } from './replies.js';
import { choice, t, type Reply } from './reply.js';
import { termsState } from './shared-states.js';

// Steg 2 and 3 begin alike: choose one of my bookings, check that the rules let me
// cancel or rebook it, and accept the terms where the konfiguration asks for them.

export type ChangeAction = 'cancel' | 'rebook';

export interface PickBookingInput {
  patientId: string;
  action: ChangeAction;
  /** What the resident already said, e.g. «tiden på tisdag» */
  hint?: Understanding;
  /** The booking already in question, e.g. when «avboka den istället» follows a rebooking */
  bookingId?: string;
}

export type PickBookingOutput =
  | { outcome: 'picked'; action: ChangeAction; booking: BookingSummary; termsAccepted: boolean; wish?: TimeWish }
  | { outcome: 'none' | 'declined' | 'menu' | 'failed' };

interface Context extends PickBookingInput {
  bookings: BookingSummary[];
  offset: number;
  selected?: BookingSummary;
  pickedByHint: boolean;
  termsAccepted: boolean;
  result?: PickBookingOutput;
}

const speak = speaker<Context, UserEvent>();
const chosen = (c: Context) => must(c.selected, 'the booking chosen');

const permissionOf = (c: Context) => (c.selected ? c.selected[c.action] : { ok: true as const });
const termsOf = (c: Context) => c.selected?.terms[c.action];

function choosePrompt(c: Context, key: string): Reply {
  const { shown, more } = page(c.bookings, c.offset);
  return {
    parts: [t(key)],
    choices: [...shown.map(bookingChoice), ...(more ? [choice(MORE, 'choice.more')] : []), choice(MENU, 'choice.menu')],
    expects: 'choice',
  };
}

/** The bookings a hint points at, e.g. all on the Tuesday the resident named. */
function hinted(c: Context, u: Understanding | undefined): BookingSummary[] {
  const days = u ? dayPart(u.wish) : {};
  return isEmptyWish(days) ? [] : filterSlots(c.bookings, days);
}

/** A wish for the new time: the day named picked the booking, so only the time of day carries over. */
const wishForNewTime = (c: Context): TimeWish | undefined =>
  c.hint ? (c.pickedByHint ? timePart(c.hint.wish) : c.hint.wish) : undefined;

export const pickBookingMachine = setup({
  types: {} as { context: Context; events: UserEvent; input: PickBookingInput; output: PickBookingOutput },
  actors: { listBookings: fromPromise<BookingSummary[], PatientInput>(notProvided('listBookings')) },
  guards: {
    hasNoBookings: ({ context }) => context.bookings.length === 0,
    hasPreselected: ({ context }) => context.bookings.some((b) => b.id === context.bookingId),
    hasOneHinted: ({ context }) => hinted(context, context.hint).length === 1,
    hasHintForNone: ({ context }) =>
      context.hint !== undefined &&
      !isEmptyWish(dayPart(context.hint.wish)) &&
      hinted(context, context.hint).length === 0,
    isMore: ({ event }) => event.type === 'user.chose' && event.value === MORE,
    isMenu: ({ event }) => event.type === 'user.chose' && event.value === MENU,
    isBookingChoice: ({ context, event }) =>
      event.type === 'user.chose' && context.bookings.some((b) => b.id === event.value),
    isHintForOne: ({ context, event }) =>
      event.type === 'user.said' && hinted(context, event.understanding).length === 1,
    isAllowed: ({ context }) => permissionOf(context).ok,
    saysNo: ({ event }) => event.type === 'user.said' && event.understanding.intent === 'no',
    hasTerms: ({ context }) => termsOf(context) !== undefined,
  },
  actions: {
    settle: assign({ result: (_, params: { outcome: 'none' | 'declined' | 'menu' | 'failed' }) => params }),
    selectPreselected: assign({
      selected: ({ context }) => context.bookings.find((b) => b.id === context.bookingId),
      pickedByHint: false,
    }),
    selectHinted: assign({ selected: ({ context }) => hinted(context, context.hint)[0], pickedByHint: true }),
    selectChosen: assign({
      selected: ({ context, event }) =>
        context.bookings.find((b) => event.type === 'user.chose' && b.id === event.value),
      pickedByHint: false,
    }),
    selectSaid: assign({
      selected: ({ context, event }) =>
        event.type === 'user.said' ? hinted(context, event.understanding)[0] : undefined,
      pickedByHint: true,
    }),
    nextPage: assign({ offset: ({ context }) => context.offset + 4 }),
    promptChoose: speak.say(({ context }) => [choosePrompt(context, `${context.action}.choose`)]),
    promptChooseAnother: speak.say(({ context }) => [choosePrompt(context, 'pick.chooseAnother')]),
    sayNoneThatDay: speak.text('pick.noneThatDay'),
    sayNone: speak.say(({ context }) => [{ parts: [t(`${context.action}.none`)] }]),
    sayRefused: speak.say(({ context }) => {
      const p = permissionOf(context);
      return p.ok ? [] : [{ parts: [...bookingLines(chosen(context)), rejectionText(p.rejection)] }];
    }),
    promptTerms: speak.say(({ context }) => [termsReply(must(termsOf(context), 'terms of the booking'))]),
    acceptTerms: assign({ termsAccepted: true }),
    sayDeclined: speak.text('terms.declined'),
    sayFailure: speak.text('error.bookingSystem'),
  },
}).createMachine({
  id: 'pickBooking',
  context: ({ input }) => ({ ...input, bookings: [], offset: 0, pickedByHint: false, termsAccepted: false }),
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        src: 'listBookings',
        input: ({ context }) => ({ patientId: context.patientId }),
        onDone: { target: 'routing', actions: assign({ bookings: ({ event }) => event.output }) },
        onError: { target: 'failed', actions: 'sayFailure' },
      },
    },
    routing: {
      always: [
        { guard: 'hasNoBookings', target: 'none' },
        { guard: 'hasPreselected', target: 'checking', actions: 'selectPreselected' },
        { guard: 'hasOneHinted', target: 'checking', actions: 'selectHinted' },
        { guard: 'hasHintForNone', target: 'choosing', actions: 'sayNoneThatDay' },
        { target: 'choosing' },
      ],
    },
    choosing: {
      tags: 'awaitingUser',
      entry: 'promptChoose',
      on: {
        'user.chose': [
          { guard: 'isMore', target: 'choosing', reenter: true, actions: 'nextPage' },
          { guard: 'isMenu', target: 'toMenu' },
          { guard: 'isBookingChoice', target: 'checking', actions: 'selectChosen' },
        ],
        'user.said': [
          { guard: 'isHintForOne', target: 'checking', actions: 'selectSaid' },
          { guard: 'saysNo', target: 'toMenu' },
        ],
      },
    },
    checking: {
      always: [
        { guard: 'isAllowed', target: 'askingTerms' },
        { target: 'refused', actions: 'sayRefused' },
      ],
    },
    refused: {
      tags: 'awaitingUser',
      entry: 'promptChooseAnother',
      on: {
        'user.chose': [
          { guard: 'isMenu', target: 'toMenu' },
          { guard: 'isMore', target: 'refused', reenter: true, actions: 'nextPage' },
          { guard: 'isBookingChoice', target: 'checking', actions: 'selectChosen' },
        ],
        'user.said': [
          { guard: 'isHintForOne', target: 'checking', actions: 'selectSaid' },
          { guard: 'saysNo', target: 'toMenu' },
        ],
      },
    },
    askingTerms: {
      always: [{ guard: 'hasTerms', target: 'terms' }, { target: 'picked' }],
    },
    terms: termsState('picked', 'declined'),
    picked: {
      type: 'final',
      entry: assign({
        result: ({ context }) => ({
          outcome: 'picked' as const,
          action: context.action,
          booking: chosen(context),
          termsAccepted: context.termsAccepted,
          wish: wishForNewTime(context),
        }),
      }),
    },
    none: { type: 'final', entry: ['sayNone', { type: 'settle', params: { outcome: 'none' } }] },
    declined: { type: 'final', entry: { type: 'settle', params: { outcome: 'declined' } } },
    toMenu: { type: 'final', entry: { type: 'settle', params: { outcome: 'menu' } } },
    failed: { type: 'final', entry: { type: 'settle', params: { outcome: 'failed' } } },
  },
  output: ({ context }) => context.result ?? { outcome: 'menu' },
});

import { assign, fromPromise, setup } from 'xstate';
import { must } from '../booking/invariant.js';
import { byStart, type TimeWish } from '../booking/slot-filter.js';
import type { PatientInput } from '../booking/effects.js';
import type { BookingSummary } from '../booking/views.js';
import { bookingsNamed, type Naming } from './booking-naming.js';
import type { OtherBooking } from './check-existing.machine.js';
import type { Intent, Understanding, UserEvent } from './events.js';
import { notProvided } from './not-provided.js';
import { bookingChoice, bookingLines, MENU, MORE, page, rejectionText, speaker, termsReply } from './replies.js';
import { choice, t, type Reply } from './reply.js';
import { termsState } from './shared-states.js';

// Steg 2 and 3 begin alike: choose one of my bookings, check that the rules let me
// cancel or rebook it, and accept the terms where the konfiguration asks for them. A
// booking the resident names («läkarbesöket», «tiden hos Anna Berg kl 11») is taken at
// once; several that fit are listed alone; one that cannot be changed is answered with
// its reason, never swapped for another.

export type ChangeAction = 'cancel' | 'rebook';

export interface PickBookingInput {
  patientId: string;
  action: ChangeAction;
  /** What the resident already said, e.g. «läkartiden på tisdag» */
  hint?: Understanding;
  /** The booking already in question, e.g. when «avboka den istället» follows a rebooking */
  bookingId?: string;
}

export type PickBookingOutput =
  | {
      outcome: 'picked';
      action: ChangeAction;
      booking: BookingSummary;
      termsAccepted: boolean;
      wish?: TimeWish;
      /** The resident's other bookings, for a new time that would overlap one */
      others: OtherBooking[];
    }
  | { outcome: 'none' | 'declined' | 'menu' | 'failed' };

interface Context extends PickBookingInput {
  bookings: BookingSummary[];
  /** The bookings offered as buttons (their ids): all, or those that fit what the resident named */
  listed: string[];
  offset: number;
  selected?: BookingSummary;
  /** The wish for the new time, from what the resident said */
  wish?: TimeWish;
  termsAccepted: boolean;
  result?: PickBookingOutput;
}

const speak = speaker<Context, UserEvent>();
const ids = (bookings: readonly BookingSummary[]) => bookings.map((b) => b.id);
/** The listed bookings themselves, in their listed order (the context keeps their ids only). */
const listedOf = (c: Context): BookingSummary[] => c.listed.flatMap((id) => c.bookings.filter((b) => b.id === id));
const chosen = (c: Context) => must(c.selected, 'the booking chosen');

const permissionOf = (c: Context) => (c.selected ? c.selected[c.action] : { ok: true as const });
const termsOf = (c: Context) => c.selected?.terms[c.action];

/** Bookings that can be changed first, each group in time order. */
const changeableFirst = (bookings: readonly BookingSummary[], action: ChangeAction) =>
  [...bookings].sort((a, b) => Number(b[action].ok) - Number(a[action].ok) || byStart(a, b));

function choosePrompt(c: Context, key: string): Reply {
  const listed = listedOf(c);
  const { shown, more } = page(listed, c.offset);
  return {
    parts: [t(key, { count: listed.length })],
    choices: [...shown.map(bookingChoice), ...(more ? [choice(MORE, 'choice.more')] : []), choice(MENU, 'choice.menu')],
    expects: 'choice',
  };
}

/** The booking and why it cannot be changed, or nothing if it can. */
function refusal(b: BookingSummary, action: ChangeAction): Reply[] {
  const p = b[action];
  return p.ok ? [] : [{ parts: [...bookingLines(b), rejectionText(p.rejection)], card: 'booking' }];
}

const naming = (c: Context, u: Understanding | undefined): Naming | undefined =>
  u ? bookingsNamed(c.bookings, u, c.action) : undefined;
/**
 * A question («har jag nån tid hos doktorn snart?») is not an answer, though it names a
 * booking. (A bare name is: «återbesöket» alone may read as anything.) Another errand
 * («boka vaccin») is an answer only when it names one of the bookings listed.
 */
const NOT_AN_ANSWER: readonly Intent[] = ['view', 'ask-unit', 'ask-cost'];
const ELSEWHERE: readonly Intent[] = ['book', 'book-invitation', 'guided'];
function saidNaming(c: Context, e: UserEvent): Naming | undefined {
  if (e.type !== 'user.said' || NOT_AN_ANSWER.includes(e.understanding.intent)) return undefined;
  const n = naming(c, e.understanding);
  return ELSEWHERE.includes(e.understanding.intent) && !(n?.named && n.fits.length > 0) ? undefined : n;
}
const fitsOne = (n: Naming | undefined) => n?.named === true && n.fits.length === 1;
const fitsSeveral = (n: Naming | undefined) => n?.named === true && n.fits.length > 1;
const fitsNone = (n: Naming | undefined) => n?.named === true && n.fits.length === 0;

const selectFrom = (n: Naming | undefined, action: ChangeAction) => ({
  selected: n?.fits[0],
  wish: action === 'rebook' ? n?.wish : undefined,
});
const listFrom = (c: Context, n: Naming | undefined) => ({
  listed: ids(changeableFirst(n?.fits ?? [], c.action)),
  offset: 0,
  wish: c.action === 'rebook' ? n?.wish : undefined,
});

export const pickBookingMachine = setup({
  types: {} as { context: Context; events: UserEvent; input: PickBookingInput; output: PickBookingOutput },
  actors: { listBookings: fromPromise<BookingSummary[], PatientInput>(notProvided('listBookings')) },
  guards: {
    hasNoBookings: ({ context }) => context.bookings.length === 0,
    hasPreselected: ({ context }) => context.bookings.some((b) => b.id === context.bookingId),
    hasOnlyOne: ({ context }) => context.bookings.length === 1 && !naming(context, context.hint)?.named,
    hintFitsOne: ({ context }) => fitsOne(naming(context, context.hint)),
    hintFitsSeveral: ({ context }) => fitsSeveral(naming(context, context.hint)),
    hintFitsNoDay: ({ context }) => fitsNone(naming(context, context.hint)) && !!naming(context, context.hint)?.onlyDay,
    hintFitsNone: ({ context }) => fitsNone(naming(context, context.hint)),
    isMore: ({ event }) => event.type === 'user.chose' && event.value === MORE,
    isMenu: ({ event }) => event.type === 'user.chose' && event.value === MENU,
    isBookingChoice: ({ context, event }) =>
      event.type === 'user.chose' && context.bookings.some((b) => b.id === event.value),
    saidFitsOne: ({ context, event }) => fitsOne(saidNaming(context, event)),
    saidFitsSeveral: ({ context, event }) => fitsSeveral(saidNaming(context, event)),
    saidFitsNone: ({ context, event }) => fitsNone(saidNaming(context, event)),
    isAllowed: ({ context }) => permissionOf(context).ok,
    noneListedAllowed: ({ context }) => listedOf(context).every((b) => !b[context.action].ok),
    noneChangeable: ({ context }) => context.bookings.every((b) => !b[context.action].ok),
    allUnchangeable: ({ context }) =>
      listedOf(context).every((b) => !b[context.action].ok) && context.bookings.every((b) => !b[context.action].ok),
    saysNo: ({ event }) => event.type === 'user.said' && event.understanding.intent === 'no',
    hasTerms: ({ context }) => termsOf(context) !== undefined,
  },
  actions: {
    settle: assign({ result: (_, params: { outcome: 'none' | 'declined' | 'menu' | 'failed' }) => params }),
    listAll: assign(({ context }) => ({ listed: ids(changeableFirst(context.bookings, context.action)), offset: 0 })),
    // After a refusal only the bookings that can be changed are offered: the rest would be refused too.
    listChangeable: assign(({ context }) => ({
      listed: ids(
        changeableFirst(
          context.bookings.filter((b) => b[context.action].ok),
          context.action,
        ),
      ),
      offset: 0,
    })),
    selectPreselected: assign({ selected: ({ context }) => context.bookings.find((b) => b.id === context.bookingId) }),
    selectOnly: assign({ selected: ({ context }) => context.bookings[0] }),
    selectHinted: assign(({ context }) => selectFrom(naming(context, context.hint), context.action)),
    listHinted: assign(({ context }) => listFrom(context, naming(context, context.hint))),
    keepHintedWish: assign(({ context }) => ({
      wish: context.action === 'rebook' ? naming(context, context.hint)?.wish : undefined,
    })),
    selectChosen: assign({
      selected: ({ context, event }) =>
        context.bookings.find((b) => event.type === 'user.chose' && b.id === event.value),
    }),
    selectSaid: assign(({ context, event }) => selectFrom(saidNaming(context, event), context.action)),
    listSaid: assign(({ context, event }) => listFrom(context, saidNaming(context, event))),
    nextPage: assign({ offset: ({ context }) => context.offset + 4 }),
    promptChoose: speak.say(({ context }) => [choosePrompt(context, `${context.action}.choose`)]),
    promptSeveral: speak.say(({ context }) => [choosePrompt(context, 'pick.several')]),
    promptChooseAnother: speak.say(({ context }) => [choosePrompt(context, 'pick.chooseAnother')]),
    sayNoneThatDay: speak.text('pick.noneThatDay'),
    sayNoneNamed: speak.text('pick.noneNamed'),
    sayNone: speak.say(({ context }) => [{ parts: [t(`${context.action}.none`)] }]),
    sayRefused: speak.say(({ context }) => refusal(chosen(context), context.action)),
    sayListedRefused: speak.say(({ context }) => listedOf(context).flatMap((b) => refusal(b, context.action))),
    promptTerms: speak.say(({ context }) => [
      { parts: bookingLines(chosen(context)), card: 'booking' as const },
      termsReply(must(termsOf(context), 'terms of the booking')),
    ]),
    acceptTerms: assign({ termsAccepted: true }),
    sayDeclined: speak.text('terms.declined'),
    sayFailure: speak.text('error.bookingSystem'),
  },
}).createMachine({
  id: 'pickBooking',
  context: ({ input }) => ({ ...input, bookings: [], listed: [], offset: 0, termsAccepted: false }),
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        src: 'listBookings',
        input: ({ context }) => ({ patientId: context.patientId }),
        onDone: { target: 'routing', actions: [assign({ bookings: ({ event }) => event.output }), 'listAll'] },
        onError: { target: 'failed', actions: 'sayFailure' },
      },
    },
    routing: {
      always: [
        { guard: 'hasNoBookings', target: 'none' },
        { guard: 'hasPreselected', target: 'checking', actions: ['selectPreselected', 'keepHintedWish'] },
        // A single booking is the one meant; the confirmation that follows shows it before anything is done.
        { guard: 'hasOnlyOne', target: 'checking', actions: ['selectOnly', 'keepHintedWish'] },
        { guard: 'hintFitsOne', target: 'checking', actions: 'selectHinted' },
        { guard: 'hintFitsSeveral', target: 'sorting', actions: 'listHinted' },
        { guard: 'hintFitsNoDay', target: 'choosing', actions: 'sayNoneThatDay' },
        { guard: 'hintFitsNone', target: 'choosing', actions: 'sayNoneNamed' },
        { target: 'choosing', actions: 'keepHintedWish' },
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
          { guard: 'saidFitsOne', target: 'checking', actions: 'selectSaid' },
          { guard: 'saidFitsSeveral', target: 'sorting', actions: 'listSaid' },
          { guard: 'saidFitsNone', target: 'choosing', reenter: true, actions: ['sayNoneNamed', 'listAll'] },
          { guard: 'saysNo', target: 'toMenu' },
        ],
      },
    },
    // Several bookings fit what the resident named: none can be changed (a series), or some can.
    sorting: {
      always: [
        { guard: 'allUnchangeable', target: 'declined', actions: 'sayListedRefused' },
        { guard: 'noneListedAllowed', target: 'refused', actions: ['sayListedRefused', 'listChangeable'] },
        { target: 'narrowed' },
      ],
    },
    // Only the bookings that fit what the resident named, to choose among.
    narrowed: {
      tags: 'awaitingUser',
      entry: 'promptSeveral',
      on: {
        'user.chose': [
          { guard: 'isMore', target: 'narrowed', reenter: true, actions: 'nextPage' },
          { guard: 'isMenu', target: 'toMenu' },
          { guard: 'isBookingChoice', target: 'checking', actions: 'selectChosen' },
        ],
        'user.said': [
          { guard: 'saidFitsOne', target: 'checking', actions: 'selectSaid' },
          { guard: 'saidFitsSeveral', target: 'sorting', actions: 'listSaid' },
          { guard: 'saidFitsNone', target: 'choosing', actions: ['sayNoneNamed', 'listAll'] },
          { guard: 'saysNo', target: 'toMenu' },
        ],
      },
    },
    checking: {
      always: [
        { guard: 'isAllowed', target: 'askingTerms' },
        { guard: 'noneChangeable', target: 'declined', actions: 'sayRefused' },
        { target: 'refused', actions: ['sayRefused', 'listChangeable'] },
      ],
    },
    // Refused, with its reason said: another booking that can be changed may be chosen, if there is one.
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
          { guard: 'saidFitsOne', target: 'checking', actions: 'selectSaid' },
          { guard: 'saidFitsSeveral', target: 'sorting', actions: 'listSaid' },
          { guard: 'saidFitsNone', target: 'choosing', actions: ['sayNoneNamed', 'listAll'] },
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
          wish: context.wish,
          others: context.bookings
            .filter((b) => b.id !== chosen(context).id)
            .map((b) => ({ start: b.start, end: b.end, serviceName: b.serviceName })),
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

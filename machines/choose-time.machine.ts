import { assign, fromPromise, setup } from 'xstate';
import { must } from '../booking/invariant.js';
import type { CommitTimeInput, FindSlotsInput } from '../booking/effects.js';
import { isEmptyWish, relaxed } from '../booking/slot-filter.js';
import type { BookingSummary, FoundSlots, Outcome } from '../booking/views.js';
import { hasWish, type UserEvent } from './events.js';
import { notProvided } from './not-provided.js';
import {
  ALT,
  ANY_TIME,
  confirmReply,
  doneReplies,
  EVERYONE,
  KEEP,
  noSlotsReply,
  nothingForWishReply,
  offerReply,
  overviewReply,
  OTHER_DAY,
  params,
  stoppedReply,
  wishReply,
} from './choose-time.replies.js';
import { MORE, PAGE_SIZE, reasonReply, rejectionText, SKIP, speaker, textOf } from './replies.js';
import { t } from './reply.js';
import { askingReasonState } from './shared-states.js';
import { DAY, DAYS, DAYS_PER_PAGE, FIRST, isBroad, laterDays, MORE_DAYS, needsLaterDays } from './choose-time.days.js';
import {
  found,
  isChoice,
  nextWish,
  preferredOnly,
  refusalOf,
  toAlternative,
  whoSaid,
  withWho,
  type ChooseTimeInput,
  type ChooseTimeOutput,
  type Context,
} from './choose-time.context.js';

export type { ChooseTimeInput, ChooseTimeOutput } from './choose-time.context.js';

// Choosing a time and writing it, shared by omboka (steg 3), boka med bokningsunderlag
// (steg 4) and boka öppen tid (steg 5): free times a few at a time, narrowed by what the
// resident says; a reason where the konfiguration asks; an explicit yes; the write. A time
// taken meanwhile leads to fresh times, not a restart.

const speak = speaker<Context, UserEvent>();
const slotOf = (c: Context) => must(c.chosen, 'the time chosen');

/** A wish for another time, or for someone else («helst hos Anna Berg»): a new search. */
const SAYS_WHEN_OR_WHO = [
  { guard: 'saysWho', target: 'searching', actions: 'takeWho' },
  { guard: 'saysWish', target: 'searching', actions: 'takeWish' },
] as const;

export const chooseTimeMachine = setup({
  types: {} as { context: Context; events: UserEvent; input: ChooseTimeInput; output: ChooseTimeOutput },
  actors: {
    findSlots: fromPromise<Outcome<FoundSlots>, FindSlotsInput>(notProvided('findSlots')),
    commitTime: fromPromise<Outcome<BookingSummary>, CommitTimeInput>(notProvided('commitTime')),
  },
  guards: {
    hasSlots: ({ context }) => context.slots.length > 0,
    hadWish: ({ context }) => !isEmptyWish(context.wish),
    isChosenSlot: ({ context, event }) =>
      event.type === 'user.chose' && context.slots.some((s) => s.id === event.value),
    // A time on screen that the search, made again for this turn, no longer finds: taken meanwhile.
    isGoneSlot: ({ event }) =>
      event.type === 'user.chose' && ![MORE, DAYS, EVERYONE, OTHER_DAY, KEEP].includes(event.value),
    isAlternative: ({ context, event }) =>
      event.type === 'user.chose' && context.alternatives.some((a) => ALT + a.careServiceId === event.value),
    isMore: ({ event }) => isChoice(event, MORE),
    isBroad: ({ context }) => isBroad(context),
    isDay: ({ event }) => event.type === 'user.chose' && event.value.startsWith(DAY),
    isFirst: ({ event }) => isChoice(event, FIRST),
    isMoreDays: ({ event }) => isChoice(event, MORE_DAYS),
    wantsLaterDays: ({ context, event }) => isChoice(event, MORE_DAYS) && needsLaterDays(context),
    isDays: ({ event }) => isChoice(event, DAYS),
    isOtherDay: ({ event }) => isChoice(event, OTHER_DAY),
    isAnyTime: ({ event }) => isChoice(event, ANY_TIME),
    isKeep: ({ event }) => isChoice(event, KEEP),
    isSkip: ({ event }) => isChoice(event, SKIP),
    saysWish: ({ event }) => event.type === 'user.said' && hasWish(event.understanding),
    saysWho: ({ context, event }) => event.type === 'user.said' && whoSaid(context, event.understanding) !== undefined,
    isEveryone: ({ event }) => isChoice(event, EVERYONE),
    hasPreferred: ({ context }) =>
      context.performer !== undefined &&
      !context.everyone &&
      context.slots.some((s) => s.performer === context.performer),
    othersOnly: ({ context }) => context.performer !== undefined && !context.everyone && context.slots.length > 0,
    asksReason: ({ context }) =>
      context.target.kind !== 'rebook' && context.reason !== 'none' && context.reasonText === undefined,
    isTooLong: ({ context, event }) => textOf(event).length > context.reasonMaxLength,
    isBlank: ({ event }) => textOf(event).length === 0,
  },
  actions: {
    settle: assign({ result: (_, p: ChooseTimeOutput) => p }),
    say: speak.sayWith(({ context }, p: { key: string }) => [{ parts: [t(p.key, params(context))] }]),
    reportProgress: speak.progress(),
    takeWish: assign({
      wish: ({ context, event }) => (event.type === 'user.said' ? nextWish(context, event.understanding.wish) : {}),
      offset: 0,
    }),
    takeWho: assign(({ context, event }) => (event.type === 'user.said' ? withWho(context, event.understanding) : {})),
    showEveryone: assign({ everyone: true, offset: 0 }),
    keepPreferred: assign(({ context }) => preferredOnly(context)),
    sayNoneWithPerformer: speak.say(({ context }) => [
      { parts: [t('time.performerNone', { performer: context.performer ?? '' })] },
    ]),
    sayNothingForWish: speak.say(({ context }) => [nothingForWishReply(context)]),
    dropWish: assign({ wish: {}, offset: 0 }),
    // A time of day that is not free on the day wished: the day's other times first.
    relaxWish: assign({ wish: ({ context }) => relaxed(context.wish), offset: 0 }),
    nextPage: assign({ offset: ({ context }) => context.offset + PAGE_SIZE }),
    takeDay: assign({
      day: ({ event }) => (event.type === 'user.chose' ? event.value.slice(DAY.length) : undefined),
      offset: 0,
    }),
    takeFirst: assign({ chosen: ({ context }) => context.slots[0] }),
    nextDays: assign({ dayOffset: ({ context }) => context.dayOffset + DAYS_PER_PAGE }),
    laterDays: assign(({ context }) => laterDays(context)),
    clearDay: assign({ day: undefined, offset: 0 }),
    promptOverview: speak.say(({ context }) => [overviewReply(context)]),
    choose: assign({
      chosen: ({ context, event }) => context.slots.find((s) => event.type === 'user.chose' && s.id === event.value),
    }),
    switchToAlternative: assign(({ context, event }) => toAlternative(context, event)),
    keepReason: assign({ reasonText: ({ event }) => textOf(event) }),
    promptOffer: speak.say(({ context }) => [offerReply(context)]),
    promptWish: speak.say(({ context }) => [wishReply(context)]),
    sayNoSlots: speak.say(({ context }) => [noSlotsReply(context)]),
    promptReason: speak.say(({ context }) => [reasonReply('book', context.reason, context.reasonMaxLength)]),
    sayTooLong: speak.say(({ context, event }) => [
      {
        parts: [rejectionText({ code: 'reason_too_long', max: context.reasonMaxLength, length: textOf(event).length })],
      },
    ]),
    promptConfirm: speak.say(({ context }) => [confirmReply(context)]),
    sayStopped: speak.say(({ context }) => [stoppedReply(context)]),
    sayDone: speak.say(({ context }) => (context.result?.booking ? doneReplies(context, context.result.booking) : [])),
    sayRefused: speak.say(({ context }) => (context.refusal ? [{ parts: [rejectionText(context.refusal)] }] : [])),
  },
}).createMachine({
  id: 'chooseTime',
  context: ({ input }) => ({
    ...input,
    wish: input.wish ?? {},
    everyone: false,
    dayOffset: 0,
    performers: [],
    slots: [],
    alternatives: [],
    offset: 0,
  }),
  initial: 'searching',
  states: {
    searching: {
      invoke: {
        src: 'findSlots',
        input: ({ context }) => ({ patientId: context.patientId, target: context.target, wish: context.wish }),
        onDone: [
          {
            description: 'refused',
            guard: ({ event }) => !event.output.ok,
            target: 'refused',
            actions: [assign({ refusal: ({ event }) => refusalOf(event.output) }), 'sayRefused'],
          },
          {
            target: 'sorting',
            actions: assign(({ context, event }) => (event.output.ok ? found(context, event.output.value) : {})),
          },
        ],
        onError: { target: 'askingWish', actions: { type: 'say', params: { key: 'error.bookingSystem' } } },
      },
    },
    sorting: {
      always: [
        { guard: 'hasPreferred', target: 'presenting', actions: 'keepPreferred' },
        { guard: 'othersOnly', target: 'presenting', actions: ['sayNoneWithPerformer', 'showEveryone'] },
        { guard: 'hasSlots', target: 'presenting' },
        // Nothing fits the wish: say so and show the nearest free times instead.
        { guard: 'hadWish', target: 'searching', actions: ['sayNothingForWish', 'relaxWish'] },
        { target: 'noSlots' },
      ],
    },
    presenting: { always: [{ guard: 'isBroad', target: 'overview' }, { target: 'offering' }] },
    overview: {
      tags: 'awaitingUser',
      entry: 'promptOverview',
      on: {
        'user.chose': [
          { guard: 'isDay', target: 'offering', actions: 'takeDay' },
          { guard: 'isFirst', target: 'chosen', actions: 'takeFirst' },
          { guard: 'wantsLaterDays', target: 'searching', actions: 'laterDays' },
          { guard: 'isMoreDays', target: 'overview', reenter: true, actions: 'nextDays' },
          { guard: 'isEveryone', target: 'searching', actions: 'showEveryone' },
          { guard: 'isOtherDay', target: 'askingWish' },
          { guard: 'isKeep', target: 'kept' },
        ],
        'user.said': SAYS_WHEN_OR_WHO,
      },
    },
    offering: {
      tags: 'awaitingUser',
      entry: 'promptOffer',
      on: {
        'user.chose': [
          { guard: 'isChosenSlot', target: 'chosen', actions: 'choose' },
          { guard: 'isDays', target: 'overview', actions: 'clearDay' },
          { guard: 'isMore', target: 'offering', reenter: true, actions: 'nextPage' },
          { guard: 'isEveryone', target: 'searching', actions: 'showEveryone' },
          { guard: 'isOtherDay', target: 'askingWish' },
          { guard: 'isKeep', target: 'kept' },
          { guard: 'isGoneSlot', target: 'searching', actions: { type: 'say', params: { key: 'time.slotTaken' } } },
        ],
        'user.said': SAYS_WHEN_OR_WHO,
      },
    },
    noSlots: {
      tags: 'awaitingUser',
      entry: 'sayNoSlots',
      on: {
        'user.chose': [
          { guard: 'isAlternative', target: 'searching', actions: 'switchToAlternative' },
          { guard: 'isKeep', target: 'kept' },
        ],
      },
    },
    askingWish: {
      tags: 'awaitingUser',
      entry: 'promptWish',
      on: {
        'user.chose': [
          { guard: 'isAnyTime', target: 'searching', actions: 'dropWish' },
          { guard: 'isKeep', target: 'kept' },
        ],
        'user.said': SAYS_WHEN_OR_WHO,
      },
    },
    // A time chosen is something the resident would lose by switching to another errand.
    chosen: {
      entry: 'reportProgress',
      always: [{ guard: 'asksReason', target: 'askingReason' }, { target: 'confirming' }],
    },
    askingReason: askingReasonState('askingReason', 'confirming', SAYS_WHEN_OR_WHO),
    confirming: {
      tags: 'awaitingUser',
      entry: 'promptConfirm',
      on: {
        'user.confirmed': 'committing',
        'user.declined': 'offering',
        'user.said': SAYS_WHEN_OR_WHO,
      },
    },
    committing: {
      invoke: {
        src: 'commitTime',
        input: ({ context }) => ({
          patientId: context.patientId,
          target: context.target,
          slotId: slotOf(context).id,
          termsAccepted: context.termsAccepted,
          reason: context.reasonText,
        }),
        onDone: [
          {
            description: 'booked',
            guard: ({ event }) => event.output.ok,
            target: 'booked',
            actions: [
              assign({
                result: ({ event }) => ({
                  outcome: 'booked' as const,
                  booking: event.output.ok ? event.output.value : undefined,
                }),
              }),
              'sayDone',
            ],
          },
          {
            description: 'taken meanwhile',
            guard: ({ event }) => !event.output.ok && event.output.rejection.code === 'slot_taken',
            target: 'searching',
            actions: { type: 'say', params: { key: 'time.slotTaken' } },
          },
          { target: 'refused', actions: [assign({ refusal: ({ event }) => refusalOf(event.output) }), 'sayRefused'] },
        ],
        onError: { target: 'confirming', actions: { type: 'say', params: { key: 'error.bookingSystem' } } },
      },
    },
    booked: { type: 'final' },
    kept: { type: 'final', entry: ['sayStopped', { type: 'settle', params: { outcome: 'kept' } }] },
    refused: { type: 'final', entry: { type: 'settle', params: { outcome: 'refused' } } },
  },
  output: ({ context }) => context.result ?? { outcome: 'kept' },
});

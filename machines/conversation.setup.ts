import { assign, emit, forwardTo, setup } from 'xstate';
import { cancelBookingMachine } from './cancel-booking.machine.js';
import { chooseInvitationMachine } from './choose-invitation.machine.js';
import { chooseServiceMachine } from './choose-service.machine.js';
import { checkExistingMachine } from './check-existing.machine.js';
import { chooseChildMachine } from './choose-child.machine.js';
import { chooseTimeMachine } from './choose-time.machine.js';
import {
  queuedFrom,
  takeQueued,
  withBooking,
  type Context,
  type ConversationEmitted,
  type ConversationEvent,
  type ConversationInput,
  type Request,
} from './errand.js';
import { menuMachine, type MenuIntent } from './menu.machine.js';
import { pickBookingMachine } from './pick-booking.machine.js';
import { questionnaireMachine } from './questionnaire.machine.js';
import { choice, NO, t, YES, type Reply } from './reply.js';
import { viewMachine } from './view.machine.js';

// What the conversation chart is made of: the flows it invokes, and its own guards and
// actions (what it says itself, commands, a change of errand, the errand next in line).
// The chart's states are in conversation.machine.ts.

export const OFFERED: readonly MenuIntent[] = ['view', 'cancel', 'rebook', 'book', 'book-invitation', 'guided'];
const PERSONAL: readonly MenuIntent[] = ['view', 'cancel', 'rebook', 'book', 'book-invitation'];

type Emit<P extends Record<string, unknown> | undefined = undefined> = Parameters<
  typeof emit<Context, ConversationEvent, P, ConversationEvent, ConversationEmitted>
>[0];
/** The chart's own words, emitted to the turn runner. */
const tell = <P extends Record<string, unknown> | undefined = undefined>(e: Emit<P>) =>
  emit<Context, ConversationEvent, P, ConversationEvent, ConversationEmitted>(e);
const say = (...replies: Reply[]) => tell({ type: 'replies', replies });
const sayText = (key: string) => say({ parts: [t(key)] });
const wants = (c: Context, ...intents: MenuIntent[]) => c.request !== undefined && intents.includes(c.request.intent);

/** The flows the chart invokes, by the names it invokes them with (effects are provided by chart.ts). */
export const CHART_FLOWS = {
  menu: menuMachine,
  view: viewMachine,
  pickBooking: pickBookingMachine,
  cancelBooking: cancelBookingMachine,
  chooseService: chooseServiceMachine,
  chooseInvitation: chooseInvitationMachine,
  checkExisting: checkExistingMachine,
  chooseChild: chooseChildMachine,
  chooseTime: chooseTimeMachine,
  guided: questionnaireMachine({ all: () => [], unitOf: () => undefined }),
};

/** «för mig själv», «det är för min dotter» in the middle of an errand: whoever it was for before no longer counts. */
const whoFor = (c: Context, r: Request | undefined) =>
  c.actingFor && (r?.understanding?.forSelf || r?.understanding?.forChild) ? { actingFor: undefined } : {};

export const conversationSetup = setup({
  types: {} as { context: Context; events: ConversationEvent; input: ConversationInput; emitted: ConversationEmitted },
  actors: CHART_FLOWS,
  guards: {
    asksFirst: ({ context, event }) => context.progress || (event.type === 'intent.switch' && event.ask === true),
    hasQueued: ({ context }) => context.queued !== undefined,
    needsLogin: ({ context }) =>
      context.request !== undefined && PERSONAL.includes(context.request.intent) && !context.patientId,
    forAnotherAdult: ({ context }) =>
      context.request?.understanding?.forOtherAdult === true && PERSONAL.includes(context.request.intent),
    needsChild: ({ context }) =>
      context.request?.understanding?.forChild === true &&
      PERSONAL.includes(context.request.intent) &&
      context.actingFor === undefined,
    wantsView: ({ context }) => wants(context, 'view'),
    wantsToChange: ({ context }) => wants(context, 'cancel', 'rebook'),
    wantsToBook: ({ context }) => wants(context, 'book'),
    wantsInvitation: ({ context }) => wants(context, 'book-invitation'),
    wantsGuidance: ({ context }) => wants(context, 'guided'),
  },
  actions: {
    forward: forwardTo<Context, ConversationEvent, undefined, ConversationEvent>('flow'),
    relay: tell(({ event }) => ({ type: 'replies', replies: event.type === 'flow.said' ? event.replies : [] })),
    noteProgress: assign({ progress: true }),
    repeat: tell({ type: 'repeat' }),
    sayHelp: tell<{ key: string }>((_, params) => ({ type: 'replies', replies: [{ parts: [t(params.key)] }] })),
    sayAdvice: tell(({ event }) => ({
      type: 'replies',
      replies:
        event.type === 'safety.emergency'
          ? [{ parts: [t(event.advice), ...(event.english ? [t(event.english)] : [])] }]
          : [],
    })),
    sayAborted: sayText('global.abort'),
    sayGoodbye: sayText('menu.goodbye'),
    sayRestarted: sayText('global.restart'),
    sayMenu: sayText('global.menu'),
    sayLoggedOut: sayText('global.logout'),
    sayLoginNeeded: sayText('auth.required'),
    sayAdultsBookThemselves: sayText('child.adult'),
    sayLoginToBook: sayText('auth.requiredToBook'),
    askSwitch: tell(({ context }) => ({
      type: 'replies',
      replies: [
        {
          parts: [
            t('switch.ask', {
              current: `errand.${context.request?.intent ?? 'book'}`,
              next: `intent.${context.switchTo?.intent ?? 'book'}`,
            }),
          ],
          choices: [choice(YES, 'choice.switchYes'), choice(NO, 'choice.switchNo')],
          expects: 'yesno',
          interlude: true,
        },
      ],
    })),
    askResume: say({
      parts: [t('advice.resume')],
      choices: [choice(YES, 'choice.resume'), choice(NO, 'choice.stopFlow')],
      expects: 'yesno',
      interlude: true,
    }),
    keepSwitch: assign({
      switchTo: ({ context, event }) =>
        event.type === 'intent.switch' ? withBooking(context, event.request) : undefined,
    }),
    forgetSwitch: assign({ switchTo: undefined }),
    takeSwitch: assign(({ context }) => ({
      request: context.switchTo,
      switchTo: undefined,
      queued: queuedFrom(context.switchTo, OFFERED),
      ...whoFor(context, context.switchTo),
    })),
    takeRequest: assign(({ context, event }) => {
      const request = event.type === 'intent.switch' ? withBooking(context, event.request) : context.request;
      return { request, queued: queuedFrom(request, OFFERED), ...whoFor(context, request) };
    }),
    takeQueued: assign(({ context }) => takeQueued(context)),
    sayNext: tell(({ context }) => ({
      type: 'replies',
      replies: [{ parts: [t(`queue.next.${context.request?.intent ?? 'book'}`)] }],
    })),
    sayQueueDropped: tell(({ context }) => ({
      type: 'replies',
      replies: [{ parts: [t('queue.dropped', { next: `intent.${context.queued?.intent ?? 'book'}` })] }],
    })),
    leadWelcome: assign({ lead: 'welcome' as const }),
    leadPlain: assign({ lead: 'plain' as const }),
    leadAgain: assign({ lead: 'again' as const }),
    startErrand: assign({ progress: false, cancel: undefined, time: undefined, about: undefined }),
    sayForSelf: tell(({ context, event }) => {
      const request = event.type === 'intent.switch' ? event.request : context.switchTo;
      const self = context.actingFor && request?.understanding?.forSelf;
      return { type: 'replies', replies: self ? [{ parts: [t('child.self')] }] : [] };
    }),
    sayActingFor: tell(({ context }) => ({
      type: 'replies',
      replies: context.actingFor ? [{ parts: [t('child.acting', { name: context.actingFor.name })] }] : [],
    })),
    forget: assign({
      actingFor: undefined,
      request: undefined,
      cancel: undefined,
      time: undefined,
      progress: false,
      switchTo: undefined,
      queued: undefined,
    }),
    forgetAll: assign({ about: undefined }),
  },
});

import { assign, emit, forwardTo, setup } from 'xstate';
import { must } from '../booking/invariant.js';
import { cancelBookingMachine } from './cancel-booking.machine.js';
import { chooseInvitationMachine } from './choose-invitation.machine.js';
import { chooseServiceMachine } from './choose-service.machine.js';
import { chooseTimeMachine } from './choose-time.machine.js';
import {
  afterGuide,
  afterInvitation,
  afterPick,
  afterService,
  patient,
  withBooking,
  type Context,
  type ConversationEmitted,
  type ConversationEvent,
  type ConversationInput,
} from './errand.js';
import { flowEvents, flowSubstates } from './flow-states.js';
import { menuMachine, type MenuIntent } from './menu.machine.js';
import { pickBookingMachine } from './pick-booking.machine.js';
import { questionnaireMachine } from './questionnaire.machine.js';
import { choice, NO, t, YES, type Reply } from './reply.js';
import { viewMachine } from './view.machine.js';

export type { ConversationEmitted, ConversationEvent, ConversationInput, Request } from './errand.js';

// The whole conversation as one chart. The root decides which errand (flow) is under way
// and invokes it as a child machine: the menu, viewing, picking a booking, cancelling,
// choosing a service, an invitation or a time, and the guided questionnaire. Commands
// that work anywhere (avbryt, börja om, meny, hjälp, logga ut), a change of errand in the
// middle of another, and the safety net are transitions of the root. What the flows say
// reaches the root as events and is emitted to the turn runner, with what the root says
// itself. Effects (the booking system) are provided at the composition root.

/** Bumped whenever the chart changes shape: an older persisted snapshot then starts over. */
export const CHART_VERSION = 3;

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

export const conversationMachine = setup({
  types: {} as { context: Context; events: ConversationEvent; input: ConversationInput; emitted: ConversationEmitted },
  actors: {
    menu: menuMachine,
    view: viewMachine,
    pickBooking: pickBookingMachine,
    cancelBooking: cancelBookingMachine,
    chooseService: chooseServiceMachine,
    chooseInvitation: chooseInvitationMachine,
    chooseTime: chooseTimeMachine,
    guided: questionnaireMachine({ all: () => [], unitOf: () => undefined }),
  },
  guards: {
    hasProgress: ({ context }) => context.progress,
    needsLogin: ({ context }) =>
      context.request !== undefined && PERSONAL.includes(context.request.intent) && !context.patientId,
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
      replies: event.type === 'safety.emergency' ? [{ parts: [t(event.advice)] }] : [],
    })),
    sayAborted: sayText('global.abort'),
    sayRestarted: sayText('global.restart'),
    sayMenu: sayText('global.menu'),
    sayLoggedOut: sayText('global.logout'),
    sayLoginNeeded: sayText('auth.required'),
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
    takeSwitch: assign(({ context }) => ({ request: context.switchTo, switchTo: undefined })),
    takeRequest: assign(({ context, event }) => ({
      request: event.type === 'intent.switch' ? withBooking(context, event.request) : context.request,
    })),
    leadWelcome: assign({ lead: 'welcome' as const }),
    leadPlain: assign({ lead: 'plain' as const }),
    leadAgain: assign({ lead: 'again' as const }),
    forget: assign({ request: undefined, cancel: undefined, time: undefined, progress: false, switchTo: undefined }),
  },
}).createMachine({
  id: 'conversation',
  context: ({ input }) => ({ ...input, lead: 'welcome', progress: false }),
  initial: 'menu',
  on: {
    'flow.said': { actions: 'relay' },
    'flow.progress': { actions: 'noteProgress' },
    'command.abort': { target: '.menu', reenter: true, actions: ['sayAborted', 'leadPlain'] },
    'command.restart': { target: '.menu', reenter: true, actions: ['sayRestarted', 'leadWelcome'] },
    'command.menu': { target: '.menu', reenter: true, actions: ['sayMenu', 'leadPlain'] },
    'command.logout': { target: '.menu', reenter: true, actions: ['sayLoggedOut', 'leadPlain'] },
  },
  states: {
    menu: {
      entry: 'forget',
      invoke: {
        id: 'flow',
        src: 'menu',
        input: ({ context }) => ({ lead: context.lead, offered: OFFERED }),
        onDone: { target: 'routing', actions: assign({ request: ({ event }) => event.output }) },
      },
      on: {
        'user.*': { actions: 'forward' },
        'command.help': { actions: [{ type: 'sayHelp', params: { key: 'help.menu' } }, 'repeat'] },
        'safety.emergency': { actions: 'sayAdvice' },
        'session.resident': {
          actions: assign({
            patientId: ({ event }) => event.patientId,
          }),
        },
      },
    },
    routing: {
      entry: assign({ progress: false, cancel: undefined, time: undefined }),
      always: [
        { guard: 'needsLogin', target: 'menu', actions: ['sayLoginNeeded', 'leadPlain'] },
        { guard: 'wantsView', target: 'view' },
        { guard: 'wantsToChange', target: 'pickBooking' },
        { guard: 'wantsToBook', target: 'chooseService' },
        { guard: 'wantsInvitation', target: 'chooseInvitation' },
        { guard: 'wantsGuidance', target: 'guided' },
        { target: 'menu', actions: 'leadPlain' },
      ],
    },
    view: {
      invoke: {
        id: 'flow',
        src: 'view',
        input: ({ context }) => ({ patientId: patient(context) }),
        onDone: { target: 'menu', actions: 'leadAgain' },
      },
      on: flowEvents('help.view'),
      ...flowSubstates,
    },
    pickBooking: {
      invoke: {
        id: 'flow',
        src: 'pickBooking',
        input: ({ context }) => ({
          patientId: patient(context),
          action: context.request?.intent === 'rebook' ? ('rebook' as const) : ('cancel' as const),
          hint: context.request?.understanding,
          bookingId: context.request?.bookingId,
        }),
        onDone: [
          {
            description: 'picked, to cancel',
            guard: ({ event }) => event.output.outcome === 'picked' && event.output.action === 'cancel',
            target: 'cancelBooking',
            actions: assign(({ context, event }) => afterPick(patient(context), event.output)),
          },
          {
            description: 'picked, to rebook',
            guard: ({ event }) => event.output.outcome === 'picked',
            target: 'chooseTime',
            actions: assign(({ context, event }) => afterPick(patient(context), event.output)),
          },
          {
            description: 'back to the menu',
            guard: ({ event }) => event.output.outcome === 'menu',
            target: 'menu',
            actions: 'leadPlain',
          },
          { target: 'menu', actions: 'leadAgain' },
        ],
      },
      on: flowEvents('help.pickBooking'),
      ...flowSubstates,
    },
    cancelBooking: {
      invoke: {
        id: 'flow',
        src: 'cancelBooking',
        input: ({ context }) => must(context.cancel, 'the booking picked to cancel'),
        onDone: { target: 'menu', actions: 'leadAgain' },
      },
      on: flowEvents('help.cancelBooking'),
      ...flowSubstates,
    },
    chooseService: {
      invoke: {
        id: 'flow',
        src: 'chooseService',
        input: ({ context }) => ({
          patientId: patient(context),
          understanding: context.request?.understanding,
          viaGuide: context.request?.viaGuide,
        }),
        onDone: [
          {
            description: 'chosen',
            guard: ({ event }) => event.output.outcome === 'chosen',
            target: 'chooseTime',
            actions: assign(({ context, event }) => afterService(patient(context), event.output)),
          },
          {
            description: 'back to the menu',
            guard: ({ event }) => event.output.outcome === 'menu',
            target: 'menu',
            actions: 'leadPlain',
          },
          { target: 'menu', actions: 'leadAgain' },
        ],
      },
      on: flowEvents('help.chooseService'),
      ...flowSubstates,
    },
    chooseInvitation: {
      invoke: {
        id: 'flow',
        src: 'chooseInvitation',
        input: ({ context }) => ({ patientId: patient(context) }),
        onDone: [
          {
            description: 'chosen',
            guard: ({ event }) => event.output.outcome === 'chosen',
            target: 'chooseTime',
            actions: assign(({ context, event }) => afterInvitation(patient(context), event.output)),
          },
          {
            description: 'back to the menu',
            guard: ({ event }) => event.output.outcome === 'menu',
            target: 'menu',
            actions: 'leadPlain',
          },
          { target: 'menu', actions: 'leadAgain' },
        ],
      },
      on: flowEvents('help.chooseInvitation'),
      ...flowSubstates,
    },
    chooseTime: {
      invoke: {
        id: 'flow',
        src: 'chooseTime',
        input: ({ context }) => must(context.time, 'what the time is for'),
        onDone: { target: 'menu', actions: 'leadAgain' },
      },
      on: flowEvents('help.chooseTime'),
      ...flowSubstates,
    },
    guided: {
      invoke: {
        id: 'flow',
        src: 'guided',
        input: ({ context }) => ({
          patientId: context.patientId,
          unitHsaIds: context.request?.understanding?.unitHsaIds,
        }),
        onDone: [
          {
            description: 'care service found, not logged in',
            guard: ({ context, event }) => event.output.outcome === 'book' && !context.patientId,
            target: 'menu',
            actions: ['sayLoginToBook', 'leadPlain'],
          },
          {
            description: 'care service found',
            guard: ({ event }) => event.output.outcome === 'book',
            target: 'chooseService',
            actions: assign(({ event }) => afterGuide(event.output)),
          },
          {
            description: 'advice given',
            guard: ({ event }) => event.output.outcome === 'advice' && !event.output.emergency,
            target: 'menu',
            actions: 'leadAgain',
          },
          { target: 'menu', actions: 'leadPlain' },
        ],
      },
      on: flowEvents('help.guided'),
      ...flowSubstates,
    },
  },
});

export type ConversationMachine = typeof conversationMachine;

/** The flows the chart invokes, by the names it invokes them with (for the chart's picture). */
export const CHART_FLOWS = {
  menu: menuMachine,
  view: viewMachine,
  pickBooking: pickBookingMachine,
  cancelBooking: cancelBookingMachine,
  chooseService: chooseServiceMachine,
  chooseInvitation: chooseInvitationMachine,
  chooseTime: chooseTimeMachine,
  guided: questionnaireMachine({ all: () => [], unitOf: () => undefined }),
};

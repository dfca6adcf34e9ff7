import { assign, emit, forwardTo, setup } from 'xstate';
import type { TimeTarget } from '../booking/effects.js';
import type { OfferSummary } from '../booking/views.js';
import { cancelBookingMachine, type CancelBookingInput } from './cancel-booking.machine.js';
import { chooseInvitationMachine } from './choose-invitation.machine.js';
import { chooseServiceMachine } from './choose-service.machine.js';
import { chooseTimeMachine, type ChooseTimeInput } from './choose-time.machine.js';
import type { Understanding, UserEvent } from './events.js';
import { menuMachine, type MenuIntent, type MenuInput } from './menu.machine.js';
import { pickBookingMachine, type PickBookingOutput } from './pick-booking.machine.js';
import { questionnaireMachine } from './questionnaire.machine.js';
import type { FlowEvent } from './replies.js';
import { choice, NO, t, YES, type Reply } from './reply.js';
import { viewMachine } from './view.machine.js';

// The whole conversation as one chart. The root decides which errand (flow) is under way
// and invokes it as a child machine: the menu, viewing, picking a booking, cancelling,
// choosing a service, an invitation or a time, and the guided questionnaire. Commands
// that work anywhere (avbryt, börja om, meny, hjälp, logga ut), a change of errand in the
// middle of another, and the safety net are transitions of the root. What the flows say
// reaches the root as events and is emitted to the turn runner, with what the root says
// itself. Effects (the booking system) are provided at the composition root.

/** Bumped whenever the chart changes shape: an older persisted snapshot then starts over. */
export const CHART_VERSION = 2;

export const OFFERED: readonly MenuIntent[] = ['view', 'cancel', 'rebook', 'book', 'book-invitation', 'guided'];
const PERSONAL: readonly MenuIntent[] = ['view', 'cancel', 'rebook', 'book', 'book-invitation'];

/** What the resident asked for, and where routing takes them. */
export interface Request {
  intent: MenuIntent;
  understanding?: Understanding;
  /** Reached through a questionnaire: services hidden from the free choice may be booked */
  viaGuide?: boolean;
  /** The booking already in question, carried from one errand to the next («avboka den istället») */
  bookingId?: string;
}

export interface ConversationInput {
  patientId?: string;
}

interface Context extends ConversationInput {
  /** Which words lead the menu next time */
  lead: MenuInput['lead'];
  request?: Request;
  /** The booking picked, on its way to being cancelled */
  cancel?: CancelBookingInput;
  /** What the time to choose is for */
  time?: ChooseTimeInput;
  /** The current errand has something the resident would lose by leaving it */
  progress: boolean;
  /** The errand to switch to, once the resident has said yes */
  switchTo?: Request;
}

export type ConversationEvent =
  | UserEvent
  | FlowEvent
  | { type: 'intent.switch'; request: Request }
  | { type: 'command.abort' | 'command.restart' | 'command.menu' | 'command.help' | 'command.logout' }
  | { type: 'safety.emergency'; advice: string }
  /** Another verified resident (or none) at the menu, which shows nothing personal and so carries over */
  | { type: 'session.resident'; patientId?: string };

/** What the chart emits to the turn runner. */
export type ConversationEmitted =
  /** Replies for the resident */
  | { type: 'replies'; replies: Reply[] }
  /** Ask the current flow's question again (after help, or after the chart's own question) */
  | { type: 'repeat' };

const patient = (c: Context): string => {
  // Routing sends a resident who is not logged in to the login text, never into a personal flow.
  if (!c.patientId) throw new Error('A personal flow was reached without a verified resident');
  return c.patientId;
};

const timeFor = (
  patientId: string,
  target: TimeTarget,
  offer: OfferSummary,
  termsAccepted: boolean,
  extra: Partial<ChooseTimeInput> = {},
): ChooseTimeInput => ({
  patientId,
  target,
  termsAccepted,
  service: offer.serviceName,
  unit: offer.unitName,
  phone: offer.unitPhone,
  reason: offer.reason,
  reasonMaxLength: offer.reasonMaxLength,
  ...extra,
});

function afterPick(patientId: string, picked: Extract<PickBookingOutput, { outcome: 'picked' }>): Partial<Context> {
  const { booking, termsAccepted } = picked;
  if (picked.action === 'cancel') return { cancel: { patientId, booking, termsAccepted }, progress: termsAccepted };
  return {
    time: {
      patientId,
      target: { kind: 'rebook', bookingId: booking.id },
      termsAccepted,
      wish: picked.wish,
      replacing: booking,
      service: booking.serviceName,
      unit: booking.unitName,
      phone: booking.unitPhone,
      reason: 'none',
      reasonMaxLength: booking.reasonMaxLength,
    },
    progress: termsAccepted,
  };
}

/** The booking the current errand is about, if any: carried over when cancel and rebook trade places. */
const bookingInQuestion = (c: Context): string | undefined =>
  c.cancel?.booking.id ?? (c.time?.target.kind === 'rebook' ? c.time.target.bookingId : undefined);

type Emit<P extends Record<string, unknown> | undefined = undefined> = Parameters<
  typeof emit<Context, ConversationEvent, P, ConversationEvent, ConversationEmitted>
>[0];
/** The chart's own words, emitted to the turn runner. */
const tell = <P extends Record<string, unknown> | undefined = undefined>(e: Emit<P>) =>
  emit<Context, ConversationEvent, P, ConversationEvent, ConversationEmitted>(e);
const say = (...replies: Reply[]) => tell({ type: 'replies', replies });
const sayText = (key: string) => say({ parts: [t(key)] });
const wants = (c: Context, ...intents: MenuIntent[]) => c.request !== undefined && intents.includes(c.request.intent);

/** A flow's own substates: running, asking whether to switch errand, halted by emergency advice. */
const flowSubstates = {
  initial: 'running',
  states: {
    running: { on: { 'user.*': { actions: 'forward' } } },
    askingSwitch: {
      tags: 'chartAsks',
      entry: 'askSwitch' as const,
      on: {
        'user.confirmed': { target: '#conversation.routing', actions: 'takeSwitch' },
        'user.declined': { target: 'running', actions: ['forgetSwitch', 'repeat'] },
      },
    },
    // After emergency advice the flow waits: whatever comes next, the resident is asked first.
    halted: { tags: 'chartAsks', on: { 'user.*': { target: 'askingResume' } } },
    askingResume: {
      tags: 'chartAsks',
      entry: 'askResume',
      on: {
        'user.confirmed': { target: 'running', actions: 'repeat' },
        'user.declined': { target: '#conversation.menu', actions: ['sayAborted', 'leadPlain'] },
        'user.*': { target: 'askingResume', reenter: true },
      },
    },
  },
} as const;

/** What every flow does with help, a change of errand and an emergency. */
const flowEvents = (help: string) => ({
  'command.help': { actions: [{ type: 'sayHelp' as const, params: { key: help } }, 'repeat' as const] },
  'intent.switch': [
    { guard: 'hasProgress' as const, target: '.askingSwitch', actions: 'keepSwitch' as const },
    { target: '#conversation.routing', actions: 'takeRequest' as const },
  ],
  'safety.emergency': { target: '.halted', actions: 'sayAdvice' as const },
});

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
            patientId: ({ event }) => (event.type === 'session.resident' ? event.patientId : undefined),
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
            guard: ({ event }) => event.output.outcome === 'picked' && event.output.action === 'cancel',
            target: 'cancelBooking',
            actions: assign(({ context, event }) =>
              event.output.outcome === 'picked' ? afterPick(patient(context), event.output) : {},
            ),
          },
          {
            guard: ({ event }) => event.output.outcome === 'picked',
            target: 'chooseTime',
            actions: assign(({ context, event }) =>
              event.output.outcome === 'picked' ? afterPick(patient(context), event.output) : {},
            ),
          },
          { guard: ({ event }) => event.output.outcome === 'menu', target: 'menu', actions: 'leadPlain' },
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
        input: ({ context }) => context.cancel!,
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
            guard: ({ event }) => event.output.outcome === 'chosen',
            target: 'chooseTime',
            actions: assign(({ context, event }) => {
              if (event.output.outcome !== 'chosen') return {};
              const { offer, termsAccepted, understanding } = event.output;
              const target: TimeTarget = {
                kind: 'open',
                careServiceId: offer.careServiceId,
                viaGuide: event.output.viaGuide === true,
              };
              return {
                time: timeFor(patient(context), target, offer, termsAccepted, { wish: understanding?.wish }),
                progress: termsAccepted,
              };
            }),
          },
          { guard: ({ event }) => event.output.outcome === 'menu', target: 'menu', actions: 'leadPlain' },
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
            guard: ({ event }) => event.output.outcome === 'chosen',
            target: 'chooseTime',
            actions: assign(({ context, event }) => {
              if (event.output.outcome !== 'chosen') return {};
              const { invitation, termsAccepted } = event.output;
              return {
                time: timeFor(
                  patient(context),
                  { kind: 'invitation', invitationId: invitation.id },
                  invitation,
                  termsAccepted,
                ),
                progress: termsAccepted,
              };
            }),
          },
          { guard: ({ event }) => event.output.outcome === 'menu', target: 'menu', actions: 'leadPlain' },
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
        input: ({ context }) => context.time!,
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
            guard: ({ context, event }) => event.output.outcome === 'book' && !context.patientId,
            target: 'menu',
            actions: ['sayLoginToBook', 'leadPlain'],
          },
          {
            guard: ({ event }) => event.output.outcome === 'book',
            target: 'chooseService',
            actions: assign(({ event }) => {
              const careServiceIds = event.output.outcome === 'book' ? [event.output.careServiceId] : [];
              return {
                request: {
                  intent: 'book' as const,
                  viaGuide: true,
                  understanding: { intent: 'book' as const, wish: {}, unitHsaIds: [], careServiceIds },
                },
              };
            }),
          },
          {
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

/** A switch between cancelling and rebooking keeps the booking in question, unless the resident names another. */
function withBooking(c: Context, request: Request): Request {
  const current = bookingInQuestion(c);
  // For a rebooking a day is the wish for the new time; for a cancellation it names a booking.
  const namesDay = request.intent === 'cancel' && Object.keys(request.understanding?.wish ?? {}).length > 0;
  const namesAnother = (request.understanding?.careServiceIds.length ?? 0) > 0 || namesDay;
  const trades = (request.intent === 'cancel' || request.intent === 'rebook') && current !== undefined && !namesAnother;
  return trades ? { ...request, bookingId: current } : request;
}

export type ConversationMachine = typeof conversationMachine;

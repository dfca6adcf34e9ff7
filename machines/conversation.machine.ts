import { assign } from 'xstate';
import { conversationSetup, OFFERED } from './conversation.setup.js';
import {
  afterCheck,
  afterGuide,
  afterInvitation,
  afterPick,
  afterService,
  patient,
  queuedFrom,
  toInvitations,
} from './errand.js';
import { flowEvents, flowSubstates } from './flow-states.js';
import * as inputs from './conversation.inputs.js';

export type { ConversationEmitted, ConversationEvent, ConversationInput, Request } from './errand.js';
export { CHART_FLOWS, OFFERED } from './conversation.setup.js';

// The whole conversation as one chart. The root decides which errand (flow) is under way
// and invokes it as a child machine: the menu, viewing, picking a booking, cancelling,
// choosing a service, an invitation or a time, and the guided questionnaire. Commands
// that work anywhere (avbryt, börja om, meny, hjälp, logga ut), a change of errand in the
// middle of another, a second wish in the same message, and the safety net are
// transitions of the root. What the flows say reaches the root as events and is emitted
// to the turn runner, with what the root says itself. Effects (the booking system) are
// provided at the composition root.

/** Bumped whenever the chart changes shape: an older persisted snapshot then starts over. */
export const CHART_VERSION = 6;

/** Back to the menu, the next question led by «anything else?». */
const toMenu = { target: 'menu', actions: 'leadAgain' } as const;
const toMenuPlain = { target: 'menu', actions: 'leadPlain' } as const;

export const conversationMachine = conversationSetup.createMachine({
  id: 'conversation',
  context: ({ input }) => ({ ...input, lead: 'welcome', progress: false }),
  initial: 'menu',
  on: {
    'flow.said': { actions: 'relay' },
    'flow.progress': { actions: 'noteProgress' },
    'command.abort': { target: '.menu', reenter: true, actions: ['sayAborted', 'leadPlain'] },
    'command.restart': { target: '.menu', reenter: true, actions: ['sayRestarted', 'leadWelcome', 'forgetAll'] },
    'command.menu': { target: '.menu', reenter: true, actions: ['sayMenu', 'leadPlain'] },
    'command.logout': { target: '.menu', reenter: true, actions: ['sayLoggedOut', 'leadPlain', 'forgetAll'] },
  },
  states: {
    menu: {
      entry: 'forget',
      invoke: {
        id: 'flow',
        src: 'menu',
        input: ({ context }) => ({ lead: context.lead, offered: OFFERED }),
        onDone: {
          target: 'routing',
          actions: assign({
            request: ({ event }) => event.output,
            queued: ({ event }) => queuedFrom(event.output, OFFERED),
          }),
        },
      },
      on: {
        'user.*': { actions: 'forward' },
        // Nothing to stop at the menu: «nej tack, det var allt» is a goodbye.
        'command.abort': { actions: 'sayGoodbye' },
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
      entry: 'startErrand',
      always: [
        { guard: 'needsLogin', target: 'menu', actions: ['sayLoginNeeded', 'leadPlain'] },
        { guard: 'forAnotherAdult', target: 'menu', actions: ['sayAdultsBookThemselves', 'leadPlain'] },
        { guard: 'needsChild', target: 'chooseChild' },
        { guard: 'wantsView', target: 'view' },
        { guard: 'wantsToChange', target: 'pickBooking' },
        { guard: 'wantsToBook', target: 'chooseService' },
        { guard: 'wantsInvitation', target: 'chooseInvitation' },
        { guard: 'wantsGuidance', target: 'guided' },
        toMenuPlain,
      ],
    },
    // The errand is for a child: which one, and may the resident act for them?
    chooseChild: {
      invoke: {
        id: 'flow',
        src: 'chooseChild',
        input: ({ context }) => inputs.chooseChild(context),
        onDone: [
          {
            description: 'child chosen',
            guard: ({ event }) => event.output.outcome === 'chosen',
            target: 'routing',
            actions: [
              assign({
                actingFor: ({ event }) => (event.output.outcome === 'chosen' ? event.output.child : undefined),
              }),
              'sayActingFor',
            ],
          },
          { target: 'stopped' },
        ],
      },
      on: flowEvents('help.menu'),
      ...flowSubstates,
    },
    // An errand done: the one next in line follows, said aloud.
    finished: {
      always: [
        { description: 'the next wish', guard: 'hasQueued', target: 'routing', actions: ['takeQueued', 'sayNext'] },
        toMenu,
      ],
    },
    // An errand given up or refused: the one next in line waits until the resident asks again.
    stopped: {
      always: [{ guard: 'hasQueued', target: 'menu', actions: ['sayQueueDropped', 'leadAgain'] }, toMenu],
    },
    view: {
      invoke: {
        id: 'flow',
        src: 'view',
        input: ({ context }) => inputs.view(context),
        onDone: { target: 'finished' },
      },
      on: flowEvents('help.view'),
      ...flowSubstates,
    },
    pickBooking: {
      invoke: {
        id: 'flow',
        src: 'pickBooking',
        input: ({ context }) => inputs.pickBooking(context),
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
            ...toMenuPlain,
          },
          { target: 'stopped' },
        ],
      },
      on: flowEvents('help.pickBooking'),
      ...flowSubstates,
    },
    cancelBooking: {
      invoke: {
        id: 'flow',
        src: 'cancelBooking',
        input: ({ context }) => inputs.cancelBooking(context),
        onDone: [
          { description: 'cancelled', guard: ({ event }) => event.output.outcome === 'cancelled', target: 'finished' },
          { target: 'stopped' },
        ],
      },
      on: flowEvents('help.cancelBooking'),
      ...flowSubstates,
    },
    chooseService: {
      invoke: {
        id: 'flow',
        src: 'chooseService',
        input: ({ context }) => inputs.chooseService(context),
        onDone: [
          {
            description: 'chosen',
            guard: ({ event }) => event.output.outcome === 'chosen',
            target: 'checkingExisting',
            actions: assign(({ context, event }) => afterService(patient(context), event.output)),
          },
          {
            description: 'booked with an invitation',
            guard: ({ event }) => event.output.outcome === 'invitation',
            target: 'chooseInvitation',
            actions: assign(({ event }) => toInvitations(event.output)),
          },
          {
            description: 'back to the menu',
            guard: ({ event }) => event.output.outcome === 'menu',
            ...toMenuPlain,
          },
          { target: 'stopped' },
        ],
      },
      on: flowEvents('help.chooseService'),
      ...flowSubstates,
    },
    chooseInvitation: {
      invoke: {
        id: 'flow',
        src: 'chooseInvitation',
        input: ({ context }) => inputs.chooseInvitation(context),
        onDone: [
          {
            description: 'chosen',
            guard: ({ event }) => event.output.outcome === 'chosen',
            target: 'checkingExisting',
            actions: assign(({ context, event }) => afterInvitation(patient(context), event.output)),
          },
          {
            description: 'back to the menu',
            guard: ({ event }) => event.output.outcome === 'menu',
            ...toMenuPlain,
          },
          { target: 'stopped' },
        ],
      },
      on: flowEvents('help.chooseInvitation'),
      ...flowSubstates,
    },
    // Before a new booking: the resident already has this kind of care booked ahead?
    checkingExisting: {
      invoke: {
        id: 'flow',
        src: 'checkExisting',
        input: ({ context }) => inputs.checkExisting(context),
        onDone: [
          {
            description: 'go on',
            guard: ({ event }) => event.output.outcome === 'go',
            target: 'chooseTime',
            actions: assign(({ context, event }) => afterCheck(context, event.output)),
          },
          { target: 'stopped' },
        ],
      },
      on: flowEvents('help.chooseTime'),
      ...flowSubstates,
    },
    chooseTime: {
      invoke: {
        id: 'flow',
        src: 'chooseTime',
        input: ({ context }) => inputs.chooseTime(context),
        onDone: [
          { description: 'booked', guard: ({ event }) => event.output.outcome === 'booked', target: 'finished' },
          { target: 'stopped' },
        ],
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
            target: 'routing',
            actions: assign(({ event }) => afterGuide(event.output)),
          },
          {
            description: 'advice given',
            guard: ({ event }) => event.output.outcome === 'advice' && !event.output.emergency,
            ...toMenu,
          },
          toMenuPlain,
        ],
      },
      on: flowEvents('help.guided'),
      ...flowSubstates,
    },
  },
});

export type ConversationMachine = typeof conversationMachine;

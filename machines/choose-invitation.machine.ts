import { assign, fromPromise, setup } from 'xstate';
import type { TurnEvent } from './events.js';
import { append, MENU, rejectionText, sayText, termsReply } from './outbox.js';
import { notProvided, type InvitationSummary, type ListBookingsInput } from './ports.js';
import { termsState } from './shared-states.js';
import { choice, t, type Reply, type TextRef } from './reply.js';

// Boka tid med bokningsunderlag (steg 4) begins here: the resident's invitations with the
// clinic's text and the period in which to book; one is chosen and its terms accepted.
// The care service is the invitation's own and cannot be changed.

export interface ChooseInvitationInput {
  patientId: string;
}

export type ChooseInvitationOutput =
  | { outcome: 'chosen'; invitation: InvitationSummary; termsAccepted: boolean }
  | { outcome: 'none' | 'menu' | 'declined' | 'failed' };

interface Context extends ChooseInvitationInput {
  invitations: InvitationSummary[];
  selected?: InvitationSummary;
  termsAccepted: boolean;
  result?: ChooseInvitationOutput;
  outbox: Reply[];
}

const stateLine = (i: InvitationSummary): TextRef =>
  i.state.ok ? t('invitation.open', { earliestDate: i.earliestDate, latestDate: i.latestDate }) : rejectionText(i.state.rejection);

const invitationReply = (i: InvitationSummary): Reply => ({
  parts: [t('invitation.summary', { service: i.serviceName, unit: i.unitName }), t('invitation.purpose', { purpose: i.purpose }), stateLine(i)],
  card: 'booking',
});

const choosePrompt = (c: Context, key: string): Reply => ({
  parts: [t(key)],
  choices: [...c.invitations.map((i) => choice(i.id, 'choice.invitation', { service: i.serviceName, unit: i.unitName })), choice(MENU, 'choice.menu')],
  expects: 'choice',
});

export const chooseInvitationMachine = setup({
  types: {} as { context: Context; events: TurnEvent; input: ChooseInvitationInput; output: ChooseInvitationOutput },
  actors: { listInvitations: fromPromise<InvitationSummary[], ListBookingsInput>(notProvided('listInvitations')) },
  guards: {
    hasNone: ({ context }) => context.invitations.length === 0,
    hasOneOpen: ({ context }) => context.invitations.length === 1 && context.invitations[0]!.state.ok,
    isMenu: ({ event }) => event.type === 'user.chose' && event.value === MENU,
    isInvitation: ({ context, event }) => event.type === 'user.chose' && context.invitations.some((i) => i.id === event.value),
    isOpen: ({ context }) => context.selected?.state.ok === true,
    hasTerms: ({ context }) => context.selected?.terms !== undefined,
  },
  actions: {
    clearOutbox: assign({ outbox: [] }),
    acceptTerms: assign({ termsAccepted: true }),
    settle: assign({ result: (_, p: { outcome: 'none' | 'menu' | 'declined' | 'failed' }) => p }),
    listAll: assign({ outbox: ({ context }) => append(context, { parts: [t('invitation.header', { count: context.invitations.length })] }, ...context.invitations.map(invitationReply)) }),
    promptChoose: assign({ outbox: ({ context }) => append(context, choosePrompt(context, 'invitation.choose')) }),
    selectOnly: assign({ selected: ({ context }) => context.invitations[0] }),
    select: assign({ selected: ({ context, event }) => context.invitations.find((i) => event.type === 'user.chose' && i.id === event.value) }),
    sayNotOpen: assign({ outbox: ({ context }) => append(context, { parts: [stateLine(context.selected!)] }, choosePrompt(context, 'invitation.chooseAnother')) }),
    promptTerms: assign({ outbox: ({ context }) => append(context, termsReply(context.selected!.terms!)) }),
    sayDeclined: assign({ outbox: sayText('terms.declinedBooking') }),
    sayNone: assign({ outbox: sayText('invitation.none') }),
    sayFailure: assign({ outbox: sayText('error.bookingSystem') }),
  },
}).createMachine({
  id: 'chooseInvitation',
  context: ({ input }) => ({ ...input, invitations: [], termsAccepted: false, outbox: [] }),
  on: { 'turn.begin': { actions: 'clearOutbox' } },
  initial: 'loading',
  states: {
    loading: {
      tags: 'busy',
      invoke: {
        src: 'listInvitations',
        input: ({ context }) => ({ patientId: context.patientId }),
        onDone: { target: 'routing', actions: assign({ invitations: ({ event }) => event.output }) },
        onError: { target: 'failed', actions: 'sayFailure' },
      },
    },
    routing: {
      always: [
        { guard: 'hasNone', target: 'none' },
        { guard: 'hasOneOpen', target: 'checking', actions: ['listAll', 'selectOnly'] },
        { target: 'choosing', actions: 'listAll' },
      ],
    },
    choosing: {
      tags: 'awaitingUser',
      entry: 'promptChoose',
      on: { 'user.chose': [{ guard: 'isMenu', target: 'toMenu' }, { guard: 'isInvitation', target: 'checking', actions: 'select' }] },
    },
    checking: { always: [{ guard: 'isOpen', target: 'askingTerms' }, { target: 'notOpen', actions: 'sayNotOpen' }] },
    notOpen: {
      tags: 'awaitingUser',
      on: { 'user.chose': [{ guard: 'isMenu', target: 'toMenu' }, { guard: 'isInvitation', target: 'checking', actions: 'select' }] },
    },
    askingTerms: { always: [{ guard: 'hasTerms', target: 'terms' }, { target: 'chosen' }] },
    terms: termsState('chosen', 'declined'),
    chosen: {
      type: 'final',
      entry: assign({ result: ({ context }) => ({ outcome: 'chosen' as const, invitation: context.selected!, termsAccepted: context.termsAccepted }) }),
    },
    none: { type: 'final', entry: ['sayNone', { type: 'settle', params: { outcome: 'none' } }] },
    declined: { type: 'final', entry: { type: 'settle', params: { outcome: 'declined' } } },
    toMenu: { type: 'final', entry: { type: 'settle', params: { outcome: 'menu' } } },
    failed: { type: 'final', entry: { type: 'settle', params: { outcome: 'failed' } } },
  },
  output: ({ context }) => context.result ?? { outcome: 'menu' },
});

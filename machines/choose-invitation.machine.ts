import { assign, fromPromise, setup } from 'xstate';
import { must } from '../booking/invariant.js';
import type { PatientInput } from '../booking/effects.js';
import type { InvitationSummary } from '../booking/views.js';
import type { UserEvent } from './events.js';
import { notProvided } from './not-provided.js';
import { MENU, rejectionText, speaker, termsReply } from './replies.js';
import { choice, t, type Reply, type TextRef } from './reply.js';
import { termsState } from './shared-states.js';

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
}

const speak = speaker<Context, UserEvent>();
const chosen = (c: Context) => must(c.selected, 'the invitation chosen');

const stateLine = (i: InvitationSummary): TextRef =>
  i.state.ok
    ? t('invitation.open', { earliestDate: i.earliestDate, latestDate: i.latestDate })
    : rejectionText(i.state.rejection);

const invitationReply = (i: InvitationSummary): Reply => ({
  parts: [
    t('invitation.summary', { service: i.serviceName, unit: i.unitName }),
    t('invitation.purpose', { purpose: i.purpose }),
    stateLine(i),
  ],
  card: 'booking',
});

const choosePrompt = (c: Context, key: string): Reply => ({
  parts: [t(key)],
  choices: [
    ...c.invitations.map((i) => choice(i.id, 'choice.invitation', { service: i.serviceName, unit: i.unitName })),
    choice(MENU, 'choice.menu'),
  ],
  expects: 'choice',
});

export const chooseInvitationMachine = setup({
  types: {} as { context: Context; events: UserEvent; input: ChooseInvitationInput; output: ChooseInvitationOutput },
  actors: { listInvitations: fromPromise<InvitationSummary[], PatientInput>(notProvided('listInvitations')) },
  guards: {
    hasNone: ({ context }) => context.invitations.length === 0,
    hasOneOpen: ({ context }) => context.invitations.length === 1 && context.invitations[0]?.state.ok === true,
    isMenu: ({ event }) => event.type === 'user.chose' && event.value === MENU,
    isInvitation: ({ context, event }) =>
      event.type === 'user.chose' && context.invitations.some((i) => i.id === event.value),
    isOpen: ({ context }) => context.selected?.state.ok === true,
    hasTerms: ({ context }) => context.selected?.terms !== undefined,
  },
  actions: {
    acceptTerms: assign({ termsAccepted: true }),
    settle: assign({ result: (_, p: { outcome: 'none' | 'menu' | 'declined' | 'failed' }) => p }),
    listAll: speak.say(({ context }) => [
      { parts: [t('invitation.header', { count: context.invitations.length })] },
      ...context.invitations.map(invitationReply),
    ]),
    promptChoose: speak.say(({ context }) => [choosePrompt(context, 'invitation.choose')]),
    selectOnly: assign({ selected: ({ context }) => context.invitations[0] }),
    select: assign({
      selected: ({ context, event }) =>
        context.invitations.find((i) => event.type === 'user.chose' && i.id === event.value),
    }),
    sayNotOpen: speak.say(({ context }) => [
      { parts: [stateLine(chosen(context))] },
      choosePrompt(context, 'invitation.chooseAnother'),
    ]),
    promptTerms: speak.say(({ context }) => [termsReply(must(chosen(context).terms, 'terms of the invitation'))]),
    sayDeclined: speak.text('terms.declinedBooking'),
    sayNone: speak.text('invitation.none'),
    sayFailure: speak.text('error.bookingSystem'),
  },
}).createMachine({
  id: 'chooseInvitation',
  context: ({ input }) => ({ ...input, invitations: [], termsAccepted: false }),
  initial: 'loading',
  states: {
    loading: {
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
      on: {
        'user.chose': [
          { guard: 'isMenu', target: 'toMenu' },
          { guard: 'isInvitation', target: 'checking', actions: 'select' },
        ],
      },
    },
    checking: {
      always: [
        { guard: 'isOpen', target: 'askingTerms' },
        { target: 'notOpen', actions: 'sayNotOpen' },
      ],
    },
    notOpen: {
      tags: 'awaitingUser',
      on: {
        'user.chose': [
          { guard: 'isMenu', target: 'toMenu' },
          { guard: 'isInvitation', target: 'checking', actions: 'select' },
        ],
      },
    },
    askingTerms: { always: [{ guard: 'hasTerms', target: 'terms' }, { target: 'chosen' }] },
    terms: termsState('chosen', 'declined'),
    chosen: {
      type: 'final',
      entry: assign({
        result: ({ context }) => ({
          outcome: 'chosen' as const,
          invitation: chosen(context),
          termsAccepted: context.termsAccepted,
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

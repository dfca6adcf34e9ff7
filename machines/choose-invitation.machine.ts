import { assign, fromPromise, setup } from 'xstate';
import { must } from '../booking/invariant.js';
import type { PatientInput } from '../booking/effects.js';
import type { InvitationSummary } from '../booking/views.js';
import type { Rejection } from '../booking/rejections.js';
import type { TimeWish } from '../booking/slot-filter.js';
import type { Understanding, UserEvent } from './events.js';
import { notProvided } from './not-provided.js';
import { MENU, rejectionText, speaker, termsReply } from './replies.js';
import { choice, t, type Reply, type TextRef } from './reply.js';
import { termsState } from './shared-states.js';

// Boka tid med bokningsunderlag (steg 4) begins here: the resident's invitations with the
// clinic's text and the period in which to book; one is chosen and its terms accepted.
// The care service is the invitation's own and cannot be changed. A resident who names
// what the invitation is for («boka min diabeteskontroll», «kallelsen till mammografi»)
// gets that invitation at once; the time wished for («i januari») goes along.

export interface ChooseInvitationInput {
  patientId: string;
  /** What the resident said: the care service or unit named, and any wished time */
  understanding?: Understanding;
  /** Why booking the named service freely was refused: said when no invitation fits either */
  refusal?: Rejection;
}

export type ChooseInvitationOutput =
  | { outcome: 'chosen'; invitation: InvitationSummary; termsAccepted: boolean; wish?: TimeWish }
  | { outcome: 'none' | 'menu' | 'declined' | 'failed' };

interface Context extends ChooseInvitationInput {
  invitations: InvitationSummary[];
  /** The invitations shown: all, or those for what the resident named */
  listed: InvitationSummary[];
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

/** The invitations for the care services or units a message names; all when it names none. */
function named(invitations: readonly InvitationSummary[], u: Understanding | undefined): InvitationSummary[] {
  const services = u?.careServiceIds ?? [];
  const units = u?.unitHsaIds ?? [];
  if (services.length + units.length === 0) return [...invitations];
  return invitations.filter((i) =>
    services.length > 0 ? services.includes(i.careServiceId) : units.includes(i.unitHsaId),
  );
}
const namesSomething = (u: Understanding | undefined) =>
  (u?.careServiceIds.length ?? 0) + (u?.unitHsaIds.length ?? 0) > 0;

const open = (list: readonly InvitationSummary[]) => list.filter((i) => i.state.ok);

/** The invitations that can be booked now, as buttons: the cards above say why the others cannot. */
const choosePrompt = (c: Context, key: string): Reply => ({
  parts: [t(key)],
  choices: [
    ...open(c.listed).map((i) => choice(i.id, 'choice.invitation', { service: i.serviceName, unit: i.unitName })),
    choice(MENU, 'choice.menu'),
  ],
  expects: 'choice',
});

export const chooseInvitationMachine = setup({
  types: {} as { context: Context; events: UserEvent; input: ChooseInvitationInput; output: ChooseInvitationOutput },
  actors: { listInvitations: fromPromise<InvitationSummary[], PatientInput>(notProvided('listInvitations')) },
  guards: {
    hasNone: ({ context }) => context.invitations.length === 0,
    isOnlyOneOpen: ({ context }) => context.listed.length === 1 && open(context.listed).length === 1,
    hasNoneOpen: ({ context }) => open(context.listed).length === 0,
    namesOne: ({ context }) => namesSomething(context.understanding) && context.listed.length === 1,
    namesNone: ({ context }) => namesSomething(context.understanding) && context.listed.length === 0,
    isMenu: ({ event }) => event.type === 'user.chose' && event.value === MENU,
    isInvitation: ({ context, event }) =>
      event.type === 'user.chose' && open(context.listed).some((i) => i.id === event.value),
    isOpen: ({ context }) => context.selected?.state.ok === true,
    hasOthersOpen: ({ context }) => open(context.invitations).some((i) => i.id !== context.selected?.id),
    hasTerms: ({ context }) => context.selected?.terms !== undefined,
  },
  actions: {
    acceptTerms: assign({ termsAccepted: true }),
    settle: assign({ result: (_, p: { outcome: 'none' | 'menu' | 'declined' | 'failed' }) => p }),
    narrow: assign({ listed: ({ context }) => named(context.invitations, context.understanding) }),
    listEvery: assign({ listed: ({ context }) => context.invitations }),
    listAll: speak.say(({ context }) => [
      { parts: [t('invitation.header', { count: context.listed.length })] },
      ...context.listed.map(invitationReply),
    ]),
    showOne: speak.say(({ context }) => context.listed.map(invitationReply)),
    sayNoneNamed: speak.say(({ context }) => [
      { parts: [context.refusal ? rejectionText(context.refusal) : t('invitation.noneNamed')] },
    ]),
    sayRefusal: speak.say(({ context }) => [
      { parts: [context.refusal ? rejectionText(context.refusal) : t('invitation.none')] },
    ]),
    promptChoose: speak.say(({ context }) => [choosePrompt(context, 'invitation.choose')]),
    selectOnly: assign({ selected: ({ context }) => context.listed[0] }),
    selectOnlyOpen: assign({ selected: ({ context }) => open(context.listed)[0] }),
    select: assign({
      selected: ({ context, event }) => context.listed.find((i) => event.type === 'user.chose' && i.id === event.value),
    }),
    listOthers: assign({
      listed: ({ context }) => open(context.invitations).filter((i) => i.id !== context.selected?.id),
    }),
    promptAnother: speak.say(({ context }) => [choosePrompt(context, 'invitation.chooseAnother')]),
    promptTerms: speak.say(({ context }) => [termsReply(must(chosen(context).terms, 'terms of the invitation'))]),
    sayDeclined: speak.text('terms.declinedBooking'),
    sayFailure: speak.text('error.bookingSystem'),
  },
}).createMachine({
  id: 'chooseInvitation',
  context: ({ input }) => ({ ...input, invitations: [], listed: [], termsAccepted: false }),
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        src: 'listInvitations',
        input: ({ context }) => ({ patientId: context.patientId }),
        onDone: { target: 'routing', actions: [assign({ invitations: ({ event }) => event.output }), 'narrow'] },
        onError: { target: 'failed', actions: 'sayFailure' },
      },
    },
    routing: {
      always: [
        { guard: 'hasNone', target: 'none' },
        { guard: 'namesOne', target: 'checking', actions: ['showOne', 'selectOnly'] },
        { guard: 'namesNone', target: 'offered', actions: ['sayNoneNamed', 'listEvery', 'listAll'] },
        { target: 'listed', actions: 'listAll' },
      ],
    },
    // The cards are shown: a single open one is taken at once; with none open, the cards said why.
    listed: {
      always: [
        { guard: 'isOnlyOneOpen', target: 'checking', actions: 'selectOnlyOpen' },
        { guard: 'hasNoneOpen', target: 'closed' },
        { target: 'choosing' },
      ],
    },
    // What was named is not among them: even a single open one is offered, not taken.
    offered: { always: [{ guard: 'hasNoneOpen', target: 'closed' }, { target: 'choosing' }] },
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
        { guard: 'hasOthersOpen', target: 'notOpen', actions: 'listOthers' },
        { target: 'closed' },
      ],
    },
    // The invitation named cannot be booked now (its card said why): another open one may be chosen.
    notOpen: {
      tags: 'awaitingUser',
      entry: 'promptAnother',
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
          wish: context.understanding?.wish,
        }),
      }),
    },
    none: { type: 'final', entry: ['sayRefusal', { type: 'settle', params: { outcome: 'none' } }] },
    closed: { type: 'final', entry: { type: 'settle', params: { outcome: 'none' } } },
    declined: { type: 'final', entry: { type: 'settle', params: { outcome: 'declined' } } },
    toMenu: { type: 'final', entry: { type: 'settle', params: { outcome: 'menu' } } },
    failed: { type: 'final', entry: { type: 'settle', params: { outcome: 'failed' } } },
  },
  output: ({ context }) => context.result ?? { outcome: 'menu' },
});

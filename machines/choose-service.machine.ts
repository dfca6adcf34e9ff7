import { assign, fromPromise, setup } from 'xstate';
import { must } from '../booking/invariant.js';
import type { PatientInput } from '../booking/effects.js';
import type { OfferSummary, Offers } from '../booking/views.js';
import type { Rejection } from '../booking/rejections.js';
import type { Understanding, UserEvent } from './events.js';
import { notProvided } from './not-provided.js';
import { MENU, rejectionText, speaker, termsReply } from './replies.js';
import { choice, t } from './reply.js';
import { termsState } from './shared-states.js';

// Boka öppen tid (steg 5) begins here: what to book and where. Only care services whose
// konfiguration allows open online booking, at units inside the service, are offered.
// The resident may name both at once («provtagning på Fyrisdal»), one, or neither.

export interface ChooseServiceInput {
  patientId: string;
  understanding?: Understanding;
  /** Reached through a guided questionnaire: services hidden from the free choice may be booked */
  viaGuide?: boolean;
}

export type ChooseServiceOutput =
  | {
      outcome: 'chosen';
      offer: OfferSummary;
      termsAccepted: boolean;
      understanding?: Understanding;
      viaGuide?: boolean;
    }
  /** What was named is booked with an invitation: the resident's invitations are looked at next */
  | { outcome: 'invitation'; understanding?: Understanding; refusal: Rejection }
  | { outcome: 'none' | 'menu' | 'declined' | 'failed' };

interface Context extends ChooseServiceInput {
  offers: OfferSummary[];
  refusals: Offers['refusals'];
  candidates: OfferSummary[];
  selected?: OfferSummary;
  termsAccepted: boolean;
  result?: ChooseServiceOutput;
}

const speak = speaker<Context, UserEvent>();
const chosen = (c: Context) => must(c.selected, 'the care service chosen');

const WHAT = 'what:';

/** The offers an understanding points at; all of them if it names nothing. */
function narrowed(offers: readonly OfferSummary[], u: Understanding | undefined): OfferSummary[] {
  const services = u?.careServiceIds ?? [];
  const units = u?.unitHsaIds ?? [];
  return offers.filter(
    (o) =>
      (services.length === 0 || services.includes(o.careServiceId)) &&
      (units.length === 0 || units.includes(o.unitHsaId)),
  );
}

/** Why what the resident named cannot be booked freely, from the rules, e.g. «bokas med bokningsunderlag». */
function refusalFor(c: Context): Rejection | undefined {
  const u = c.understanding;
  const refusal =
    c.refusals.find(
      (r) =>
        u?.careServiceIds.includes(r.careServiceId) &&
        (u.unitHsaIds.length === 0 || u.unitHsaIds.includes(r.unitHsaId)),
    ) ?? c.refusals.find((r) => u?.unitHsaIds.includes(r.unitHsaId));
  return refusal?.rejection;
}

const namesOf = (offers: readonly OfferSummary[]) => [...new Set(offers.map((o) => o.serviceName))];
const namesSomething = (u: Understanding | undefined) =>
  (u?.careServiceIds.length ?? 0) + (u?.unitHsaIds.length ?? 0) > 0;

export const chooseServiceMachine = setup({
  types: {} as { context: Context; events: UserEvent; input: ChooseServiceInput; output: ChooseServiceOutput },
  actors: { listOffers: fromPromise<Offers, PatientInput & { viaGuide: boolean }>(notProvided('listOffers')) },
  guards: {
    hasNoOffers: ({ context }) => context.offers.length === 0,
    hasOne: ({ context }) => context.candidates.length === 1,
    isOneKind: ({ context }) => context.candidates.length > 1 && namesOf(context.candidates).length === 1,
    namedNothingBookable: ({ context }) => namesSomething(context.understanding) && context.candidates.length === 0,
    namedNeedsInvitation: ({ context }) =>
      namesSomething(context.understanding) &&
      context.candidates.length === 0 &&
      refusalFor(context)?.code === 'invitation_required',
    isMenu: ({ event }) => event.type === 'user.chose' && event.value === MENU,
    isWhat: ({ context, event }) =>
      event.type === 'user.chose' &&
      event.value.startsWith(WHAT) &&
      context.candidates.some((o) => WHAT + o.serviceName === event.value),
    isWhere: ({ context, event }) =>
      event.type === 'user.chose' && context.candidates.some((o) => o.careServiceId === event.value),
    saysSomething: ({ event }) => event.type === 'user.said' && namesSomething(event.understanding),
    hasTerms: ({ context }) => context.selected?.terms !== undefined,
  },
  actions: {
    acceptTerms: assign({ termsAccepted: true }),
    settle: assign({ result: (_, p: { outcome: 'none' | 'menu' | 'declined' | 'failed' }) => p }),
    narrow: assign({ candidates: ({ context }) => narrowed(context.offers, context.understanding) }),
    takeSaid: assign({ understanding: ({ event }) => (event.type === 'user.said' ? event.understanding : undefined) }),
    // What is chosen among the candidates, so a unit named before («på Sävjaberg») still holds.
    takeWhat: assign({
      candidates: ({ context, event }) =>
        context.candidates.filter((o) => event.type === 'user.chose' && WHAT + o.serviceName === event.value),
    }),
    selectOnly: assign({ selected: ({ context }) => context.candidates[0] }),
    selectWhere: assign({
      selected: ({ context, event }) =>
        context.candidates.find((o) => event.type === 'user.chose' && o.careServiceId === event.value),
    }),
    resetCandidates: assign({ candidates: ({ context }) => context.offers }),
    sayNotBookable: speak.say(({ context }) => {
      // The reason from the rules for what was named, e.g. «Folktandvården Enköping går inte att boka via 1177 ännu».
      const refusal = refusalFor(context);
      return [{ parts: refusal ? [rejectionText(refusal), t('book.otherwise')] : [t('book.notOffered')] }];
    }),
    promptWhat: speak.say(({ context }) => [
      {
        parts: [t('book.chooseWhat')],
        choices: [
          ...namesOf(context.candidates).map((name) => choice(WHAT + name, 'choice.service', { service: name })),
          choice(MENU, 'choice.menu'),
        ],
        expects: 'choice',
      },
    ]),
    promptWhere: speak.say(({ context }) => [
      {
        parts: [
          t('book.chooseWhere', {
            service: must(context.candidates[0], 'a care service to choose a unit for').serviceName,
          }),
        ],
        choices: [
          ...context.candidates.map((o) => choice(o.careServiceId, 'choice.unit', { unit: o.unitName })),
          choice(MENU, 'choice.menu'),
        ],
        expects: 'choice',
      },
    ]),
    promptTerms: speak.say(({ context }) => [termsReply(must(chosen(context).terms, 'terms of the care service'))]),
    sayDeclined: speak.text('terms.declinedBooking'),
    sayNone: speak.text('book.noneOffered'),
    sayFailure: speak.text('error.bookingSystem'),
  },
}).createMachine({
  id: 'chooseService',
  context: ({ input }) => ({ ...input, offers: [], refusals: [], candidates: [], termsAccepted: false }),
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        src: 'listOffers',
        input: ({ context }) => ({ patientId: context.patientId, viaGuide: context.viaGuide ?? false }),
        onDone: {
          target: 'narrowing',
          actions: [
            assign({ offers: ({ event }) => event.output.offers, refusals: ({ event }) => event.output.refusals }),
            'narrow',
          ],
        },
        onError: { target: 'failed', actions: 'sayFailure' },
      },
    },
    narrowing: {
      always: [
        { guard: 'hasNoOffers', target: 'none' },
        { guard: 'hasOne', target: 'askingTerms', actions: 'selectOnly' },
        { guard: 'isOneKind', target: 'askingWhere' },
        { guard: 'namedNeedsInvitation', target: 'toInvitation' },
        { guard: 'namedNothingBookable', target: 'askingWhat', actions: ['sayNotBookable', 'resetCandidates'] },
        { target: 'askingWhat' },
      ],
    },
    askingWhat: {
      tags: 'awaitingUser',
      entry: 'promptWhat',
      on: {
        'user.chose': [
          { guard: 'isMenu', target: 'toMenu' },
          { guard: 'isWhat', target: 'narrowing', actions: 'takeWhat' },
        ],
        'user.said': { guard: 'saysSomething', target: 'narrowing', actions: ['takeSaid', 'narrow'] },
      },
    },
    askingWhere: {
      tags: 'awaitingUser',
      entry: 'promptWhere',
      on: {
        'user.chose': [
          { guard: 'isMenu', target: 'toMenu' },
          { guard: 'isWhere', target: 'askingTerms', actions: 'selectWhere' },
        ],
        'user.said': { guard: 'saysSomething', target: 'narrowing', actions: ['takeSaid', 'narrow'] },
      },
    },
    askingTerms: { always: [{ guard: 'hasTerms', target: 'terms' }, { target: 'chosen' }] },
    terms: termsState('chosen', 'declined'),
    chosen: {
      type: 'final',
      entry: assign({
        result: ({ context }) => ({
          outcome: 'chosen' as const,
          offer: chosen(context),
          termsAccepted: context.termsAccepted,
          understanding: context.understanding,
          viaGuide: context.viaGuide,
        }),
      }),
    },
    toInvitation: {
      type: 'final',
      entry: assign({
        result: ({ context }) => ({
          outcome: 'invitation' as const,
          understanding: context.understanding,
          refusal: must(refusalFor(context), 'the reason an invitation is needed'),
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

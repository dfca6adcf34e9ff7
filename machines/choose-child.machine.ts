import { assign, fromPromise, setup } from 'xstate';
import type { ChildView } from '../booking/booking-service.js';
import type { PatientInput } from '../booking/effects.js';
import { must } from '../booking/invariant.js';
import type { ChildKind, UserEvent } from './events.js';
import { notProvided } from './not-provided.js';
import { MENU, speaker } from './replies.js';
import { choice, t } from './reply.js';

// Booking for a child (ombud): a guardian may see, book, cancel and rebook the times of
// their children under 13, in the child's name. Which child is asked when there are
// several; a child of 13 or more is explained, with what to do instead. Never the
// guardian's own name for a child's time.

export interface ChooseChildInput extends PatientInput {
  /** «min dotter», «min son»: only such children are meant, if the resident has any */
  kind?: ChildKind;
  /** «lillas tid»: the child named by name */
  id?: string;
}

/** The child the errand is for. */
export interface ActingFor {
  id: string;
  name: string;
}

export type ChooseChildOutput = { outcome: 'chosen'; child: ActingFor } | { outcome: 'none' | 'menu' | 'failed' };

interface Context extends ChooseChildInput {
  children: ChildView[];
  chosen?: ActingFor;
  result?: ChooseChildOutput;
}

const speak = speaker<Context, UserEvent>();
/** The children the errand can be for: the one named, or those of the kind said, if any is, else all. */
const meant = (c: Context) => {
  const named = c.children.filter((x) => x.id === c.id);
  if (named.length > 0) return named;
  const ofKind = c.children.filter((x) => x.kind === c.kind);
  return ofKind.length > 0 ? ofKind : c.children;
};
const mayAct = (c: Context) => meant(c).filter((x) => x.mayAct);
const tooOld = (c: Context) => meant(c).filter((x) => !x.mayAct);

export const chooseChildMachine = setup({
  types: {} as { context: Context; events: UserEvent; input: ChooseChildInput; output: ChooseChildOutput },
  actors: { listChildren: fromPromise<ChildView[], PatientInput>(notProvided('listChildren')) },
  guards: {
    noChildren: ({ context }) => context.children.length === 0,
    hasNone: ({ context }) => mayAct(context).length === 0,
    hasOnlyOne: ({ context }) => mayAct(context).length === 1,
    isChild: ({ context, event }) => event.type === 'user.chose' && mayAct(context).some((x) => x.id === event.value),
    isMenu: ({ event }) => event.type === 'user.chose' && event.value === MENU,
  },
  actions: {
    settle: assign({ result: (_, p: { outcome: 'none' | 'menu' | 'failed' }) => p }),
    sayTooOld: speak.say(({ context }) =>
      tooOld(context).map((x) => ({ parts: [t('child.tooOld', { name: x.name })] })),
    ),
    sayNoChild: speak.text('child.none'),
    sayFailure: speak.text('error.bookingSystem'),
    takeOnly: assign({ chosen: ({ context }) => mayAct(context).map(({ id, name }) => ({ id, name }))[0] }),
    take: assign({
      chosen: ({ context, event }) =>
        mayAct(context)
          .filter((x) => event.type === 'user.chose' && x.id === event.value)
          .map(({ id, name }) => ({ id, name }))[0],
    }),
    ask: speak.say(({ context }) => [
      {
        parts: [t('child.which')],
        choices: [
          ...mayAct(context).map((x) => choice(x.id, 'choice.child', { name: x.name })),
          choice(MENU, 'choice.menu'),
        ],
        expects: 'choice',
      },
    ]),
  },
}).createMachine({
  id: 'chooseChild',
  context: ({ input }) => ({ ...input, children: [] }),
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        src: 'listChildren',
        input: ({ context }) => ({ patientId: context.patientId }),
        onDone: { target: 'routing', actions: assign({ children: ({ event }) => event.output }) },
        onError: { target: 'failed', actions: 'sayFailure' },
      },
    },
    routing: {
      always: [
        { guard: 'noChildren', target: 'none', actions: 'sayNoChild' },
        // Only children of 13 or more: what they can do instead is said.
        { guard: 'hasNone', target: 'none', actions: 'sayTooOld' },
        // One child to act for: that one (a child too old to act for is not in the way).
        { guard: 'hasOnlyOne', target: 'chosen', actions: 'takeOnly' },
        // Several children to act for: which is meant is asked.
        { target: 'choosing' },
      ],
    },
    choosing: {
      tags: 'awaitingUser',
      entry: 'ask',
      on: {
        'user.chose': [
          { guard: 'isMenu', target: 'toMenu' },
          { guard: 'isChild', target: 'chosen', actions: 'take' },
        ],
      },
    },
    chosen: {
      type: 'final',
      entry: assign({
        result: ({ context }) => ({ outcome: 'chosen' as const, child: must(context.chosen, 'the child chosen') }),
      }),
    },
    none: { type: 'final', entry: { type: 'settle', params: { outcome: 'none' } } },
    toMenu: { type: 'final', entry: { type: 'settle', params: { outcome: 'menu' } } },
    failed: { type: 'final', entry: { type: 'settle', params: { outcome: 'failed' } } },
  },
  output: ({ context }) => context.result ?? { outcome: 'menu' },
});

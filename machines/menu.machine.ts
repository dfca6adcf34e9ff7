import { assign, setup } from 'xstate';
import { must } from '../booking/invariant.js';
import type { Intent, KnownIntent, Understanding, UserEvent } from './events.js';
import { speaker } from './replies.js';
import { choice, t, type Choice, type Reply } from './reply.js';

// The main menu: what the resident wants to do. It decides, asks when the understanding
// is unsure between two intents, answers what is not a booking flow (a cost question,
// thanks), and says what the bot can do when nothing fits. The conversation router
// (dialogs/) starts the flow for the chosen intent.

export type MenuIntent = Extract<Intent, 'view' | 'cancel' | 'rebook' | 'book' | 'book-invitation' | 'guided'>;

export interface MenuInput {
  /** Which words lead the menu: a first greeting, "anything else?", or plain */
  lead: 'welcome' | 'again' | 'plain';
  /** The intents that can be offered right now (flows that exist) */
  offered: readonly MenuIntent[];
}

export interface MenuOutput {
  intent: MenuIntent;
  understanding?: Understanding;
}

interface Context extends MenuInput {
  /** What the resident said, while the bot asks which of two intents was meant */
  pending?: Understanding;
  result?: MenuOutput;
}

const speak = speaker<Context, UserEvent>();
const said = (c: Context) => must(c.pending, 'what the resident said');

/** Intents the menu answers itself, and so may offer as a button when unsure. */
const ANSWERED = ['help', 'ask-cost', 'ask-unit'] as const satisfies readonly KnownIntent[];
const SOMETHING_ELSE = 'something-else';

const isMenuIntent = (value: string, offered: readonly MenuIntent[]): value is MenuIntent =>
  offered.includes(value as MenuIntent);
const isOfferable = (value: string, offered: readonly MenuIntent[]) =>
  isMenuIntent(value, offered) || (ANSWERED as readonly string[]).includes(value);

export function menuPrompt(lead: MenuInput['lead'], offered: readonly MenuIntent[]): Reply {
  return { parts: [t(`menu.${lead}`)], choices: offered.map((i) => choice(i, `choice.menu.${i}`)), expects: 'choice' };
}

/** The intents worth a button: those the menu offers or answers. */
const clarifiable = (c: Context): KnownIntent[] =>
  (c.pending?.alternatives ?? []).filter((i) => isOfferable(i, c.offered));

function clarifyPrompt(c: Context): Reply {
  const [first = 'help', second] = clarifiable(c);
  const choices: Choice[] = [
    ...clarifiable(c).map((i) => choice(i, `choice.menu.${i}`)),
    choice(SOMETHING_ELSE, 'choice.somethingElse'),
  ];
  const parts = second
    ? [t('understand.clarifyTwo', { first: `intent.${first}`, second: `intent.${second}` })]
    : [t('understand.clarifyOne', { first: `intent.${first}` })];
  return { parts, choices, expects: 'choice' };
}

const intentIs = (c: Context, ...intents: Intent[]) => c.pending !== undefined && intents.includes(c.pending.intent);

export const menuMachine = setup({
  types: {} as { context: Context; events: UserEvent; input: MenuInput; output: MenuOutput },
  guards: {
    isChosenIntent: ({ context, event }) => event.type === 'user.chose' && isOfferable(event.value, context.offered),
    isSomethingElse: ({ event }) => event.type === 'user.chose' && event.value === SOMETHING_ELSE,
    wantsFlow: ({ context }) => context.pending !== undefined && isMenuIntent(context.pending.intent, context.offered),
    isUnclear: ({ context }) => intentIs(context, 'unclear') && clarifiable(context).length > 0,
    isAnswered: ({ context }) =>
      context.pending !== undefined && (ANSWERED as readonly string[]).includes(context.pending.intent),
    isGreeting: ({ context }) => intentIs(context, 'greeting'),
    isYes: ({ context }) => intentIs(context, 'yes'),
    isNo: ({ context }) => intentIs(context, 'no', 'abort'),
    isThanks: ({ context }) => intentIs(context, 'thanks'),
    saysYesToOne: ({ context, event }) =>
      clarifiable(context).length === 1 && event.type === 'user.said' && event.understanding.intent === 'yes',
    saysNo: ({ event }) => event.type === 'user.said' && event.understanding.intent === 'no',
    isGoodbye: ({ context }) => intentIs(context, 'thanks') && context.pending?.goodbye === true,
  },
  actions: {
    plainLead: assign({ lead: 'plain' as const }),
    prompt: speak.say(({ context }) => [menuPrompt(context.lead, context.offered)]),
    promptClarify: speak.say(({ context }) => [clarifyPrompt(context)]),
    sayNothingFits: speak.say(({ context }) => [
      { ...menuPrompt('plain', context.offered), parts: [t('understand.nothingFits')] },
    ]),
    sayAnswer: speak.say(({ context }) => {
      const { intent } = said(context);
      return [{ parts: [t(intent === 'help' ? 'help.menu' : `answer.${intent}`)] }];
    }),
    againLead: assign({ lead: 'again' as const }),
    sayGoodbye: speak.text('menu.goodbye'),
    sayWelcome: speak.text('menu.thanks'),
    takeSaid: assign({ pending: ({ event }) => (event.type === 'user.said' ? event.understanding : undefined) }),
    takeChosen: assign({
      pending: ({ context, event }) => {
        const intent = event.type === 'user.chose' ? (event.value as KnownIntent) : 'unknown';
        const said = context.pending ?? { wish: {}, unitHsaIds: [], careServiceIds: [] };
        // What was said along with an unclear intent («... på måndag») still counts.
        return { ...said, intent, alternatives: undefined };
      },
    }),
    forget: assign({ pending: undefined }),
    takeOnly: assign({
      pending: ({ context }) => ({
        ...said(context),
        intent: clarifiable(context)[0] ?? 'unknown',
        alternatives: undefined,
      }),
    }),
    decide: assign({
      result: ({ context }) => ({ intent: said(context).intent as MenuIntent, understanding: context.pending }),
    }),
  },
}).createMachine({
  id: 'menu',
  context: ({ input }) => ({ ...input }),
  initial: 'asking',
  states: {
    asking: {
      tags: 'awaitingUser',
      entry: 'prompt',
      on: {
        'user.chose': { guard: 'isChosenIntent', target: 'routing', actions: 'takeChosen' },
        'user.said': { target: 'routing', actions: 'takeSaid' },
      },
    },
    routing: {
      always: [
        { guard: 'wantsFlow', target: 'chosen', actions: 'decide' },
        { guard: 'isUnclear', target: 'clarifying' },
        { guard: 'isAnswered', target: 'asking', reenter: true, actions: ['sayAnswer', 'againLead', 'forget'] },
        // A greeting gets the same question again; "ja" to "anything else?" gets the plain question.
        { guard: 'isGreeting', target: 'asking', reenter: true, actions: 'forget' },
        { guard: 'isYes', target: 'asking', reenter: true, actions: ['plainLead', 'forget'] },
        { guard: 'isNo', target: 'resting', actions: ['sayGoodbye', 'forget'] },
        { guard: 'isGoodbye', target: 'resting', actions: ['sayGoodbye', 'forget'] },
        { guard: 'isThanks', target: 'resting', actions: ['sayWelcome', 'forget'] },
        { target: 'waiting', actions: ['sayNothingFits', 'forget'] },
      ],
    },
    clarifying: {
      tags: 'awaitingUser',
      entry: 'promptClarify',
      on: {
        'user.chose': [
          { guard: 'isChosenIntent', target: 'routing', actions: 'takeChosen' },
          { guard: 'isSomethingElse', target: 'asking', actions: ['plainLead', 'forget'] },
        ],
        // «ja» to «Vill du boka om en tid?» is that; «nej» is something else.
        'user.said': [
          { guard: 'saysYesToOne', target: 'routing', actions: 'takeOnly' },
          { guard: 'saysNo', target: 'asking', actions: ['plainLead', 'forget'] },
          { target: 'routing', actions: 'takeSaid' },
        ],
      },
    },
    // After the menu was shown with "nothing fits": the same choices stand.
    waiting: {
      tags: 'awaitingUser',
      on: {
        'user.chose': { guard: 'isChosenIntent', target: 'routing', actions: 'takeChosen' },
        'user.said': { target: 'routing', actions: 'takeSaid' },
      },
    },
    // After an answer, a goodbye or "nej tack": quiet until the resident writes again.
    resting: {
      tags: 'awaitingUser',
      on: {
        'user.chose': [
          { guard: 'isChosenIntent', target: 'routing', actions: 'takeChosen' },
          { target: 'asking', actions: 'plainLead' },
        ],
        'user.said': { target: 'routing', actions: 'takeSaid' },
      },
    },
    chosen: { type: 'final' },
  },
  output: ({ context }) => must(context.result, 'the intent decided'),
});

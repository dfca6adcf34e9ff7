import { assign, setup } from 'xstate';
import type { Intent, TurnEvent, Understanding } from './events.js';
import { append, sayText } from './outbox.js';
import { choice, t, type Reply } from './reply.js';

// The main menu: what the resident wants to do. It only decides; the conversation
// router (dialogs/) starts the flow for the chosen intent.

export type MenuIntent = Extract<Intent, 'view' | 'cancel' | 'rebook' | 'book' | 'book-invitation' | 'guided'>;

export const MENU_INTENTS: readonly MenuIntent[] = ['view', 'cancel', 'rebook', 'book', 'book-invitation', 'guided'];

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
  result?: MenuOutput;
  outbox: Reply[];
}

const isMenuIntent = (value: string, offered: readonly MenuIntent[]): value is MenuIntent => offered.includes(value as MenuIntent);

export function menuPrompt(lead: MenuInput['lead'], offered: readonly MenuIntent[]): Reply {
  return { parts: [t(`menu.${lead}`)], choices: offered.map((i) => choice(i, `choice.menu.${i}`)), expects: 'choice' };
}

export const menuMachine = setup({
  types: {} as { context: Context; events: TurnEvent; input: MenuInput; output: MenuOutput },
  guards: {
    isChosenIntent: ({ context, event }) => event.type === 'user.chose' && isMenuIntent(event.value, context.offered),
    isSaidIntent: ({ context, event }) => event.type === 'user.said' && isMenuIntent(event.understanding.intent, context.offered),
    isYes: ({ event }) => event.type === 'user.said' && event.understanding.intent === 'yes',
    isNo: ({ event }) => event.type === 'user.said' && event.understanding.intent === 'no',
  },
  actions: {
    clearOutbox: assign({ outbox: [] }),
    plainLead: assign({ lead: 'plain' as const }),
    prompt: assign({ outbox: ({ context }) => append(context, menuPrompt(context.lead, context.offered)) }),
    sayGoodbye: assign({ outbox: sayText('menu.goodbye') }),
    takeChosen: assign({ result: ({ event }) => (event.type === 'user.chose' ? { intent: event.value as MenuIntent } : undefined) }),
    takeSaid: assign({
      result: ({ event }) => (event.type === 'user.said' ? { intent: event.understanding.intent as MenuIntent, understanding: event.understanding } : undefined),
    }),
  },
}).createMachine({
  id: 'menu',
  context: ({ input }) => ({ ...input, outbox: [] }),
  on: { 'turn.begin': { actions: 'clearOutbox' } },
  initial: 'asking',
  states: {
    asking: {
      tags: 'awaitingUser',
      entry: 'prompt',
      on: {
        'user.chose': { guard: 'isChosenIntent', target: 'chosen', actions: 'takeChosen' },
        'user.said': [
          { guard: 'isSaidIntent', target: 'chosen', actions: 'takeSaid' },
          { guard: 'isYes', target: 'asking', reenter: true, actions: 'plainLead' },
          { guard: 'isNo', target: 'resting', actions: 'sayGoodbye' },
        ],
      },
    },
    // After "nej tack": quiet until the resident writes again.
    resting: {
      tags: 'awaitingUser',
      on: {
        'user.chose': [{ guard: 'isChosenIntent', target: 'chosen', actions: 'takeChosen' }, { target: 'asking', actions: 'plainLead' }],
        'user.said': [{ guard: 'isSaidIntent', target: 'chosen', actions: 'takeSaid' }, { target: 'asking', actions: 'plainLead' }],
      },
    },
    chosen: { type: 'final' },
  },
  output: ({ context }) => context.result!,
});

import { assign, setup } from 'xstate';
import type { TurnEvent } from './events.js';
import { append, MENU } from './outbox.js';
import { choice, t, type Choice, type Reply } from './reply.js';

// One question with a few fixed choices, e.g. which questionnaire to answer.

export interface ChooseOneInput {
  promptKey: string;
  options: Choice[];
}

export interface ChooseOneOutput {
  /** The chosen value, or "menu" */
  value: string;
}

interface Context extends ChooseOneInput {
  result?: ChooseOneOutput;
  outbox: Reply[];
}

export const chooseOneMachine = setup({
  types: {} as { context: Context; events: TurnEvent; input: ChooseOneInput; output: ChooseOneOutput },
  guards: {
    isOption: ({ context, event }) => event.type === 'user.chose' && (event.value === MENU || context.options.some((o) => o.value === event.value)),
  },
  actions: {
    clearOutbox: assign({ outbox: [] }),
    prompt: assign({
      outbox: ({ context }) => append(context, { parts: [t(context.promptKey)], choices: [...context.options, choice(MENU, 'choice.menu')], expects: 'choice' }),
    }),
  },
}).createMachine({
  id: 'chooseOne',
  context: ({ input }) => ({ ...input, outbox: [] }),
  on: { 'turn.begin': { actions: 'clearOutbox' } },
  initial: 'asking',
  states: {
    asking: {
      tags: 'awaitingUser',
      entry: 'prompt',
      on: { 'user.chose': { guard: 'isOption', target: 'chosen', actions: assign({ result: ({ event }) => ({ value: (event as { value: string }).value }) }) } },
    },
    chosen: { type: 'final' },
  },
  output: ({ context }) => context.result!,
});

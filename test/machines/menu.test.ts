import { describe, expect, it } from 'vitest';
import { menuMachine, type MenuInput } from '../../machines/menu.machine.js';
import type { Understanding } from '../../machines/events.js';
import { choices, keys, outbox, started, state, turn, understanding } from '../support/machines.js';

// The menu acts on a sure intent, asks when the understanding is unsure between two,
// answers what is not a booking flow, and says what the bot can do when nothing fits.

const input: MenuInput = {
  lead: 'welcome',
  offered: ['view', 'cancel', 'rebook', 'book', 'book-invitation', 'guided'],
};
const said = (over: Partial<Understanding>) => ({
  type: 'user.said' as const,
  text: 'x',
  understanding: understanding(over),
});

describe('the menu', () => {
  it('starts the flow for a sure intent, with what was said', async () => {
    const menu = await started(menuMachine, input);
    await turn(menu, said({ intent: 'cancel', wish: { weekday: 1 } }));
    expect(menu.getSnapshot().status).toBe('done');
    expect(menu.getSnapshot().output).toMatchObject({ intent: 'cancel', understanding: { wish: { weekday: 1 } } });
  });

  it('takes «ja» to a question about one intent as that intent, with what was said', async () => {
    const menu = await started(menuMachine, input);
    await turn(menu, said({ intent: 'unclear', alternatives: ['rebook'], wish: { partOfDay: 'afternoon' } }));
    expect(keys(menu)).toEqual(['understand.clarifyOne']);
    await turn(menu, said({ intent: 'yes' }));
    expect(menu.getSnapshot().output).toMatchObject({
      intent: 'rebook',
      understanding: { wish: { partOfDay: 'afternoon' } },
    });
  });

  it('asks "Vill du boka en ny tid eller se dina bokade tider?" with both as buttons when two intents are close', async () => {
    const menu = await started(menuMachine, input);
    await turn(menu, said({ intent: 'unclear', alternatives: ['book', 'view'], wish: { weekday: 5 } }));
    expect(state(menu)).toBe('clarifying');
    expect(outbox(menu)[0]!.parts[0]).toEqual({
      key: 'understand.clarifyTwo',
      params: { first: 'intent.book', second: 'intent.view' },
    });
    expect(choices(menu)).toEqual(['book', 'view', 'something-else']);
    // The choice keeps what else was said («... på fredag»).
    await turn(menu, { type: 'user.chose', value: 'view' });
    expect(menu.getSnapshot().output).toMatchObject({
      intent: 'view',
      understanding: { intent: 'view', wish: { weekday: 5 } },
    });
  });

  it('asks about a single likely intent, and offers something else', async () => {
    const menu = await started(menuMachine, input);
    await turn(menu, said({ intent: 'unclear', alternatives: ['rebook'] }));
    expect(outbox(menu)[0]!.parts[0]).toEqual({ key: 'understand.clarifyOne', params: { first: 'intent.rebook' } });
    await turn(menu, { type: 'user.chose', value: 'something-else' });
    expect(keys(menu)).toEqual(['menu.plain']);
  });

  it('says what the bot can do, with the menu buttons, when nothing fits', async () => {
    const menu = await started(menuMachine, input);
    await turn(menu, said({ intent: 'unknown' }));
    expect(keys(menu)).toEqual(['understand.nothingFits']);
    expect(choices(menu)).toEqual(input.offered);
    // The buttons still work afterwards.
    await turn(menu, { type: 'user.chose', value: 'book' });
    expect(menu.getSnapshot().output).toMatchObject({ intent: 'book' });
  });

  it('treats an unclear reading with no intent worth a button as nothing fitting', async () => {
    const menu = await started(menuMachine, input);
    await turn(menu, said({ intent: 'unclear', alternatives: ['greeting'] }));
    expect(keys(menu)).toEqual(['understand.nothingFits']);
  });

  it('answers a cost question and a question about a unit without starting a booking, then asks again', async () => {
    for (const intent of ['ask-cost', 'ask-unit'] as const) {
      const menu = await started(menuMachine, input);
      await turn(menu, said({ intent }));
      expect(menu.getSnapshot().status).toBe('active');
      expect(keys(menu)).toEqual([`answer.${intent}`, 'menu.again']);
    }
  });

  it('says "varsågod" to thanks and goodbye to "nej tack", and waits quietly', async () => {
    const menu = await started(menuMachine, input);
    await turn(menu, said({ intent: 'thanks' }));
    expect(keys(menu)).toEqual(['menu.thanks']);
    expect(state(menu)).toBe('resting');
    const other = await started(menuMachine, input);
    await turn(other, said({ intent: 'no' }));
    expect(keys(other)).toEqual(['menu.goodbye']);
  });

  it('asks the same question again after a greeting', async () => {
    const menu = await started(menuMachine, input);
    await turn(menu, said({ intent: 'greeting' }));
    expect(keys(menu)).toEqual(['menu.welcome']);
  });
});

import { describe, expect, it } from 'vitest';
import { interpret } from '../../dialogs/interpret.js';
import { compileLexicon } from '../../dialogs/lexicon.js';
import { choice, type Choice, type Reply } from '../../machines/reply.js';
import { at } from '../support/fixtures.js';
import { shippedContent } from '../support/tidbok.js';

const lex = compileLexicon(shippedContent());
const NOW = at('2026-12-01T09:00');
const labels: Record<string, string> = { view: 'Mina bokade tider', cancel: 'Avboka en tid', rebook: 'Boka om en tid', yes: 'Ja, avboka', no: 'Nej, behåll tiden' };
const labelOf = (c: Choice) => labels[c.value] ?? c.value;
const menu: Reply = { parts: [], choices: ['view', 'cancel', 'rebook'].map((v) => choice(v, `choice.menu.${v}`)), expects: 'choice' };
const confirm: Reply = { parts: [], choices: [choice('yes', 'x'), choice('no', 'y')], expects: 'yesno' };
const reason: Reply = { parts: [], choices: [choice('skip', 'Hoppa över')], expects: 'text' };
const run = (text: string, prompt: Reply, value?: unknown, seq = 3) => interpret({ text, value }, { prompt, seq }, labelOf, lex, NOW);

describe('interpreting an answer in the light of the question', () => {
  it.each([
    ['Avboka en tid', menu, { type: 'user.chose', value: 'cancel' }],
    ['avboka en tid', menu, { type: 'user.chose', value: 'cancel' }],
    ['2', menu, { type: 'user.chose', value: 'cancel' }],
    ['nummer 3', menu, { type: 'user.chose', value: 'rebook' }],
    ['den andra', menu, { type: 'user.chose', value: 'cancel' }],
    ['andra', menu, { type: 'user.chose', value: 'cancel' }],
    ['bokade', menu, { type: 'user.chose', value: 'view' }],
    ['ja', confirm, { type: 'user.confirmed' }],
    ['JA TACK', confirm, { type: 'user.confirmed' }],
    ['nej', confirm, { type: 'user.declined' }],
    ['Ja, avboka', confirm, { type: 'user.confirmed' }],
    ['Jag har blivit frisk', reason, { type: 'user.text', text: 'Jag har blivit frisk' }],
  ])('"%s"', (text, prompt, event) => expect(run(text, prompt)).toEqual({ kind: 'event', event }));

  it('takes a button value over the text, and notices a button of an earlier question', () => {
    expect(run('Avboka en tid', menu, { choice: 'cancel', prompt: 3 })).toEqual({ kind: 'event', event: { type: 'user.chose', value: 'cancel' } });
    expect(run('Avboka en tid', menu, { choice: 'cancel', prompt: 2 })).toEqual({ kind: 'stale' });
    expect(run('', confirm, { choice: 'yes' })).toEqual({ kind: 'event', event: { type: 'user.confirmed' } });
  });

  it('understands the global commands anywhere, also politely padded', () => {
    for (const [text, command] of [['avbryt', 'abort'], ['Avbryt tack', 'abort'], ['börja om', 'restart'], ['meny', 'menu'], ['hjälp', 'help'], ['hjalp', 'help']] as const) {
      for (const prompt of [menu, confirm, reason]) expect(run(text, prompt)).toEqual({ kind: 'global', command });
    }
  });

  it('lets free text through with what it understood', () => {
    const r = run('kan jag flytta tiden på tisdag?', menu);
    expect(r).toMatchObject({ kind: 'event', event: { type: 'user.said', understanding: { intent: 'rebook', wish: { weekday: 2 } } } });
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { childNamedIn, type ChildName } from '../../dialogs/child-names.js';
import type { Lexicon } from '../../dialogs/lexicon.js';
import { choice, type Choice, type Reply } from '../../machines/reply.js';
import { shippedModel } from '../support/tidbok.js';

let lex: Lexicon;
beforeAll(async () => {
  lex = (await shippedModel()).lexicon;
});

const children: ChildName[] = [
  { id: '201812122385', name: 'Lilla Tolvansson', kind: 'daughter' },
  { id: '201105052391', name: 'Tore Tolvansson', kind: 'son' },
];
const labelOf = (c: Choice) => (c.label.params?.name as string | undefined) ?? c.value;
const named = (text: string, prompt?: Reply) => childNamedIn(text, children, prompt, labelOf, lex);

describe('a child named by name', () => {
  it.each([
    ['visa lillas tid', '201812122385', 'visa mitt barns tid'],
    ['avboka tiden för Lilla', '201812122385', 'avboka tiden for mitt barn'],
    ['vilka tider har Tore', '201105052391', 'vilka tider har mitt barn'],
    ['flytta tores tid till fredag', '201105052391', 'flytta mitt barns tid till fredag'],
    ['när har lila sin vaccination', '201812122385', 'nar har mitt barn sin vaccination'],
  ])('"%s" is that child', (text, childId, read) => expect(named(text)).toEqual({ childId, text: read }));

  it.each([
    'boka tid åt min lilla son',
    'visa mina tider',
    'avboka tiden hos Tolvansson',
    'boka en tid för lilla och tore',
    'vilka tider har toren',
    'vilka tider har tor',
  ])('"%s" names no single child', (text) => expect(named(text)).toBeUndefined());

  it('leaves a free-text answer and the buttons of the question of which child alone', () => {
    expect(named('Lilla har ont i örat', { parts: [], expects: 'text' })).toBeUndefined();
    const which: Reply = {
      parts: [],
      choices: children.map((c) => choice(c.id, 'choice.child', { name: c.name })),
      expects: 'choice',
    };
    expect(named('lilla', which)).toBeUndefined();
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEXT_CONTRACT } from '../../content/text-contract.js';

// Every text key the code names literally must be in the contract, so the content
// checker holds the texts to it.
describe('the text contract', () => {
  const files = ['machines', 'dialogs', 'bot'].flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(d, f)),
  );
  const literal = /\b(?:t|sayText)\('([a-zA-Z0-9_.-]+)'/g;
  const used = new Set(files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(literal)].map((m) => m[1]!)));

  it('finds the keys the code uses', () => expect(used.size).toBeGreaterThan(30));

  it.each([...used].sort().map((k) => [k]))('knows %s', (key) => expect(TEXT_CONTRACT.has(key)).toBe(true));
});

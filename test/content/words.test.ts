import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { named, normalize, phraseHits, sameWord, sameWordNow, tokens } from '../../content/words.js';

const words = (text: string) => tokens(normalize(text));

describe('words as names', () => {
  it('takes Swedish noun endings on longer words, not on short verbs', () => {
    expect(sameWord('lakartiden', 'lakartid')).toBe(true);
    expect(sameWord('vaccinet', 'vaccin')).toBe(true);
    expect(sameWord('provtagningarna', 'provtagning')).toBe(true);
    expect(sameWord('ryggen', 'rygg')).toBe(true);
    expect(sameWord('bokat', 'boka')).toBe(false);
    expect(sameWord('bokad', 'boka')).toBe(false);
  });

  it('lets a phrase of filler words alone name nothing', () => {
    const w = words('avboka mitt besök');
    expect(phraseHits(w, ['besok'], new Set([2]))).toEqual([]);
    expect(phraseHits(w, ['besok'], new Set())).toEqual([{ start: 2, length: 1, real: [2] }]);
  });

  it('lets the longest name win over a shorter one inside it', () => {
    const units = [
      { id: 'fyrisdal', phrases: [['vardcentralen', 'fyrisdal'], ['vardcentralen']] },
      { id: 'savjaberg', phrases: [['vardcentralen', 'savjaberg'], ['vardcentralen']] },
    ];
    const pick = (text: string) => named(units, words(text), (u) => u.phrases, new Set()).items.map((u) => u.id);
    expect(pick('var ligger vårdcentralen fyrisdal')).toEqual(['fyrisdal']);
    expect(pick('var ligger vårdcentralen')).toEqual(['fyrisdal', 'savjaberg']);
  });
});

describe('sameWord, with its shortcuts and memory', () => {
  it('answers as the comparison itself does, for any two words', () => {
    const word = fc.stringMatching(/^[abdeiklnorst1]{1,11}$/);
    fc.assert(
      fc.property(word, word, (typed, lexicon) => {
        expect(sameWord(typed, lexicon)).toBe(typed === lexicon || sameWordNow(typed, lexicon));
      }),
      { numRuns: 5000 },
    );
  });
});

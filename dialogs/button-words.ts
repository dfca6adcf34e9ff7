import { phraseHits } from '../content/words.js';
import type { Choice } from '../machines/reply.js';
import type { Lexicon } from './lexicon.js';

// Buttons said in other words (sprak.yaml buttons): «ja men helst en senare tid» beside
// «Fler dagar» is that button. Only polite, yes, hedge and asking words may stand around
// the button's words, so «avboka min senare tid» stays an errand of its own.

const NO_FILLERS: ReadonlySet<number> = new Set();

export function buttonSaid(words: readonly string[], choices: readonly Choice[], lex: Lexicon): Choice | undefined {
  const around = (w: string) =>
    lex.padding.has(w) || lex.hedges.has(w) || lex.answerWords.yes.has(w) || lex.buttons.asking.has(w);
  const saysOnly = (phrase: readonly string[]) =>
    phraseHits(words, phrase, NO_FILLERS).some((hit) =>
      words.every((w, i) => (i >= hit.start && i < hit.start + hit.length) || around(w)),
    );
  const said = choices.filter((c) => (lex.buttons.words.get(c.label.key) ?? []).some(saysOnly));
  return said.length === 1 ? said[0] : undefined;
}

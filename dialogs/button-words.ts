import { phraseHits, phraseOf } from '../content/words.js';
import type { Choice, Reply } from '../machines/reply.js';
import type { Lexicon } from './lexicon.js';

// Short answers said in the resident's own words (sprak.yaml buttons and pause):
// «ja men helst en senare tid» beside «Fler dagar» is that button, «nej vänta» a pause.
// Only polite, yes, no, hedge and asking words may stand around them, so «avboka min
// senare tid» stays an errand of its own.

const NO_FILLERS: ReadonlySet<number> = new Set();
/** A pause or an unsure answer is a few words; a longer message says more than that. */
const SHORT_ANSWER = 8;

/** Whether the message is the phrase, with nothing around it but words that `around` allows. */
function saysOnly(words: readonly string[], phrase: readonly string[], around: (w: string) => boolean): boolean {
  return phraseHits(words, phrase, NO_FILLERS).some((hit) =>
    words.every((w, i) => (i >= hit.start && i < hit.start + hit.length) || around(w)),
  );
}

const aside = (lex: Lexicon) => (w: string) =>
  lex.padding.has(w) || lex.hedges.has(w) || lex.answerWords.yes.has(w) || lex.buttons.asking.has(w);

/**
 * The one button the message says, in words of sprak.yaml, an option's own `alsoSaid` or,
 * where the question is no yes/no, its label («det gäller mig själv» for «Mig själv»).
 */
export function buttonSaid(
  words: readonly string[],
  prompt: Reply | undefined,
  labelOf: (c: Choice) => string,
  lex: Lexicon,
): Choice | undefined {
  const around = aside(lex);
  const phrasesOf = (c: Choice) => [
    ...(lex.buttons.words.get(c.label.key) ?? []),
    ...(c.words ?? []).map(phraseOf),
    ...(prompt?.expects === 'choice' ? [phraseOf(labelOf(c))] : []),
  ];
  const said = (prompt?.choices ?? []).filter((c) => phrasesOf(c).some((p) => saysOnly(words, p, around)));
  return said.length === 1 ? said[0] : undefined;
}

/** A short answer that is one of these phrases, with polite, yes, no and hedge words around it. */
function shortAnswer(words: readonly string[], phrases: readonly (readonly string[])[], lex: Lexicon): boolean {
  if (words.length > SHORT_ANSWER) return false;
  const around = (w: string) => aside(lex)(w) || lex.answerWords.no.has(w);
  return phrases.some((p) => saysOnly(words, p, around));
}

/** «vet inte», «ja kanske», «I don't know»: an answer the resident is not sure of. */
export const unsureSaid = (words: readonly string[], lex: Lexicon): boolean => shortAnswer(words, lex.unsure, lex);

/** «vänta», «nej vänta lite», «hold on»: the resident needs a moment, and nothing is done. */
export const pauseSaid = (words: readonly string[], lex: Lexicon): boolean => shortAnswer(words, lex.pause, lex);

import type { Lexicon } from './lexicon.js';
import { findPhrase, normalize, tokens } from './normalize.js';

// The safety net: a message that describes an emergency gets the emergency advice at
// once, wherever the resident is. The phrasings live in content (akut.yaml) so that the
// region's medical advisers maintain them.

export function isEmergency(text: string, lex: Lexicon): boolean {
  let words = tokens(normalize(text));
  // Harmless look-alikes (bröstmottagningen) are taken out before the red flags are sought.
  for (const harmless of lex.emergency.notEmergency) {
    for (let at = findPhrase(words, harmless); at >= 0; at = findPhrase(words, harmless)) {
      words = [...words.slice(0, at), '|', ...words.slice(at + harmless.length)];
    }
  }
  return lex.emergency.phrases.some((p) => findPhrase(words, p) >= 0);
}

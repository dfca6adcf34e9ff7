import type { EmergencyCategory } from '../content/schemas.js';
import { NONE } from './classifier.js';
import type { Lexicon, Phrase } from './lexicon.js';
import { findPhrase, normalize, tokens } from '../content/words.js';
import { languageOf } from './language.js';
import { rememberedPerModel } from './recent.js';
import { THRESHOLDS } from './thresholds.js';
import { SAFE, type UnderstandingModel } from './understanding-model.js';

// The safety net, recall first: a message that describes an emergency gets the advice at
// once, wherever the resident is. Two ways to be caught: a red-flag phrase from the
// medical advisers' list (akut.yaml), or the classifier trained on their examples, which
// catches descriptions in words the list never saw. Harmless look-alikes
// (bröstmottagningen) are taken out before the phrases are sought, and taught to the
// classifier as not emergencies.

/** Where a phrase occurs word for word (after normalization), or -1: no typo tolerance. */
function findExact(words: readonly string[], phrase: Phrase): number {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return i;
  }
  return -1;
}

export function emergencyByPhrase(text: string, lex: Lexicon): EmergencyCategory | undefined {
  let words = tokens(normalize(text));
  // Harmless phrases must match exactly: with typo tolerance «ont i brösten» (harmless)
  // would also take out «ont i bröstet».
  for (const harmless of lex.emergency.notEmergency) {
    for (let at = findExact(words, harmless); at >= 0; at = findExact(words, harmless)) {
      words = [...words.slice(0, at), '|', ...words.slice(at + harmless.length)];
    }
  }
  return lex.emergency.categories.find((c) => c.phrases.some((p) => findPhrase(words, p) >= 0))?.category;
}

/**
 * The message and each of its clauses: an emergency told inside a booking request («jag
 * vill boka en tid, men jag har tagit alla mina tabletter») is read on its own.
 */
export function clausesOf(text: string): string[] {
  const clauses = text
    .split(/[.,;:!?\n]+|\s+(?:men|och|fast|eftersom|for|but|and)\s+/i)
    .map((c) => c.trim())
    .filter((c) => c.split(/\s+/).length >= 2);
  return clauses.length > 1 ? [text, ...clauses] : [text];
}

async function redFlagOf(text: string, model: UnderstandingModel): Promise<EmergencyCategory | undefined> {
  const scores = await model.emergency.classify(text);
  const red = scores.filter((s) => s.label !== SAFE && s.label !== NONE);
  const total = red.reduce((sum, s) => sum + s.score, 0);
  return total >= THRESHOLDS.emergency && red[0] ? (red[0].label as EmergencyCategory) : undefined;
}

export async function emergencyByClassifier(
  text: string,
  model: UnderstandingModel,
): Promise<EmergencyCategory | undefined> {
  for (const clause of clausesOf(text)) {
    const found = await redFlagOf(clause, model);
    if (found) return found;
  }
  return undefined;
}

/** The emergency a message describes, if any, read afresh. */
export const emergencyAfresh = async (
  text: string,
  model: UnderstandingModel,
): Promise<EmergencyCategory | undefined> =>
  emergencyByPhrase(text, model.lexicon) ?? emergencyByClassifier(text, model);

/** The advice for an emergency, and the same in English when the message is English and it has one. */
export function adviceFor(category: EmergencyCategory, text: string, model: UnderstandingModel) {
  const english = languageOf(text) === 'en' ? model.adviceEnglish[category] : undefined;
  return { type: 'safety.emergency' as const, advice: model.advice[category], ...(english ? { english } : {}) };
}

/** The emergency a message describes, if any (for a short message, remembered: it is read the same every time). */
export const emergencyIn: (text: string, model: UnderstandingModel) => Promise<EmergencyCategory | undefined> =
  rememberedPerModel(emergencyAfresh);

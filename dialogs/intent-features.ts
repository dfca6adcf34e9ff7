import { StemmerSv } from '@nlpjs/lang-sv';
import { normalize, tokens } from '../content/words.js';

// What the classifier sees of a message. NLP.js's own Swedish pipeline stems words to
// a bag of stems, which makes «boka» and «bokade» the same word ("bok") and loses word
// order («boka om» against «boka ... om två veckor»). So a message becomes, beside the
// stems: the words themselves, adjacent pairs of stems, and word shapes (a clock time,
// a date, a day, a care service named), and for longer words their letter trigrams, so
// that a typo still shares most of its features with the word meant.

export interface FeatureVocabulary {
  /** Words for days and months (normalized), from the language content */
  dayWords: ReadonlySet<string>;
  monthWords: ReadonlySet<string>;
  /** Names of care services and units (normalized words), from the demo data */
  entityWords: ReadonlySet<string>;
}

const stemmer = new StemmerSv();
const stems = new Map<string, string>();

/** The Snowball stem, remembered: the same few hundred words come back all the time. */
export function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = stemmer.stemWord(word);
    if (stems.size < 50_000) stems.set(word, stem);
  }
  return stem;
}

function shapeOf(word: string, vocabulary: FeatureVocabulary): string | undefined {
  if (/^\d{1,2}:\d{2}$/.test(word)) return '#time';
  if (/^\d{1,2}\/\d{1,2}$/.test(word)) return '#date';
  if (/^\d+$/.test(word)) return '#num';
  if (vocabulary.dayWords.has(word)) return '#day';
  if (vocabulary.monthWords.has(word)) return '#month';
  if (vocabulary.entityWords.has(word)) return '#entity';
  return undefined;
}

export interface FeatureOptions {
  /** Weight of each letter trigram (0 leaves them out) */
  trigramWeight: number;
  /** Shortest word whose trigrams are used */
  minTrigramWord: number;
  pairs: boolean;
  /** Whether an unknown word is read as the closest known word (a typo) */
  spelling: boolean;
  /** Feature values divided by the square root of their number, so a long message weighs as much as a short one */
  scaled: boolean;
  /** Whether numbers, clock times, dates, days, months and names of services count as features */
  shapes: boolean;
}

export const DEFAULT_FEATURES: FeatureOptions = {
  trigramWeight: 0.3,
  minTrigramWord: 5,
  pairs: true,
  spelling: false,
  scaled: true,
  shapes: true,
};

/** A message as the words the classifier reads: lower case, without diacritics. */
export const wordsOf = (text: string): string[] => tokens(normalize(text));

export function featuresOf(
  words: readonly string[],
  vocabulary: FeatureVocabulary,
  options: FeatureOptions = DEFAULT_FEATURES,
): Record<string, number> {
  const features: Record<string, number> = {};
  const wordStems: string[] = [];
  for (const word of words) {
    const shape = shapeOf(word, vocabulary);
    if (shape && options.shapes) features[shape] = 1;
    if (shape === '#time' || shape === '#date' || shape === '#num') {
      wordStems.push(shape);
      continue;
    }
    const stem = stemOf(word);
    wordStems.push(stem);
    // A word that is its own stem would only repeat the stem's feature.
    if (stem !== word) features[`w:${word}`] = 1;
    features[`s:${stem}`] = 1;
    if (options.trigramWeight > 0 && word.length >= options.minTrigramWord) {
      const padded = `<${word}>`;
      for (let i = 0; i + 3 <= padded.length; i++) features[`c:${padded.slice(i, i + 3)}`] = options.trigramWeight;
    }
  }
  if (options.pairs) {
    for (let i = 0; i + 1 < wordStems.length; i++) {
      const [a, b] = [wordStems[i] ?? '', wordStems[i + 1] ?? ''];
      if (options.shapes || (!a.startsWith('#') && !b.startsWith('#'))) features[`b:${a}_${b}`] = 1;
    }
  }
  if (words.length > 0) features[`first:${wordStems[0]}`] = 1;
  if (options.scaled) {
    const keys = Object.keys(features);
    const scale = 2 / Math.sqrt(Math.max(keys.length, 4));
    for (const k of keys) features[k] = (features[k] ?? 0) * scale;
  }
  return features;
}

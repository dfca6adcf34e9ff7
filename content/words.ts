// Text as the recogniser sees it: lower case, without diacritics (so "forsta" matches
// «första»), punctuation as spaces, except the period and colon inside times and the
// slash inside dates.

export function normalize(text: string): string {
  const known = normalizedCache.get(text);
  if (known !== undefined) return known;
  const normalized = normalizeNow(text);
  remember(normalizedCache, text, normalized);
  return normalized;
}

// The same names and phrases of the catalogue and content are normalized and compared on
// every turn; both results are remembered, up to a bound, as they never change.
const CACHE_LIMIT = 200_000;
const normalizedCache = new Map<string, string>();
/** Typed word → lexicon word → the same word? */
const sameWordCache = new Map<string, Map<string, boolean>>();
let sameWordEntries = 0;

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}

function normalizeNow(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/(\d)[.:](\d)/g, '$1:$2')
    .replace(/[^a-z0-9:/\- ]+/g, ' ')
    .replace(/(^|\s)-+|-+(\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export const tokens = (normalized: string): string[] => (normalized ? normalized.split(' ') : []);

const phraseCache = new Map<string, readonly string[]>();
/** A name or phrase of the catalogue or content as words to match, remembered (it never changes). */
export function phraseOf(text: string): readonly string[] {
  let known = phraseCache.get(text);
  if (known === undefined) remember(phraseCache, text, (known = Object.freeze(tokens(normalize(text)))));
  return known;
}

/**
 * Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), capped.
 * Three rows of a typed array, the two before and the current, are all it needs.
 */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const width = b.length + 1;
  let before = new Uint16Array(width);
  let previous = Uint16Array.from({ length: width }, (_, j) => j);
  let row = new Uint16Array(width);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (before[j - 2] ?? 0) + 1);
      row[j] = v;
    }
    [before, previous, row] = [previous, row, before];
  }
  return previous[b.length] ?? 0;
}

/** Swedish endings of the definite form and plural: «läkartiden», «vaccinet», «ryggen», «provtagningarna». */
const ENDINGS = new Set(['en', 'et', 'na', 'er', 'ar', 'or', 'erna', 'arna', 'orna']);
/** Single-letter endings only on longer words: «sprutan», but not «bokat» for «boka». */
const SHORT_ENDINGS = new Set(['n', 't']);

const withEnding = (typed: string, word: string) => {
  if (!typed.startsWith(word)) return false;
  const ending = typed.slice(word.length);
  return (word.length >= 4 && ENDINGS.has(ending)) || (word.length >= 5 && SHORT_ENDINGS.has(ending));
};

/** Whether a typed word is the lexicon word, allowing typos in longer words and endings on nouns. */
export function sameWord(typed: string, word: string): boolean {
  if (typed === word) return true;
  // Decided without looking closer: no typo is more than two letters longer or shorter, no
  // ending more than four letters long, and a word of four letters or less allows no typo.
  const longer = typed.length - word.length;
  if (longer < -2 || longer > 4) return false;
  if (word.length <= 4) return !/\d/.test(word) && !/\d/.test(typed) && withEnding(typed, word);
  let byWord = sameWordCache.get(typed);
  if (byWord === undefined) {
    byWord = new Map();
    sameWordCache.set(typed, byWord);
  }
  const known = byWord.get(word);
  if (known !== undefined) return known;
  const same = sameWordNow(typed, word);
  // What residents type is unbounded: the comparisons remembered are not.
  if (++sameWordEntries > CACHE_LIMIT) {
    sameWordCache.clear();
    sameWordEntries = 0;
  }
  byWord.set(word, same);
  return same;
}

/** The comparison itself, without the shortcuts and the memory of sameWord (for checking them). */
export function sameWordNow(typed: string, word: string): boolean {
  if (/\d/.test(word) || /\d/.test(typed)) return false;
  if (withEnding(typed, word)) return true;
  // Five-letter words allow a missing or extra letter (tidr, tiderr) but not a changed one,
  // which would confuse words such as andra and ångra.
  const allowed =
    word.length >= 9 ? 2 : word.length >= 6 ? 1 : word.length === 5 && typed.length !== word.length ? 1 : 0;
  return allowed > 0 && editDistance(typed, word, allowed) <= allowed;
}

/** Where a phrase (already normalized) occurs as consecutive words, or -1. */
export function findPhrase(words: readonly string[], phrase: readonly string[]): number {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (!sameWord(words[i + j] ?? '', phrase[j] ?? '')) continue outer;
    return i;
  }
  return -1;
}

/** A phrase found in a message: where, and the places of the words in it that name something. */
export interface Hit {
  start: number;
  length: number;
  /** Positions of matched words that are not fillers («tid», «hos», «min»): what the phrase names by */
  real: number[];
}

/**
 * Every place a phrase occurs as consecutive words, if at least one of its words is more
 * than a filler: «mitt besök» does not name the care service called «Besök», but
 * «Rättspsykiatriska mottagningen Uppsala» names its unit, filler words and all.
 */
export function phraseHits(words: readonly string[], phrase: readonly string[], fillers: ReadonlySet<number>): Hit[] {
  const hits: Hit[] = [];
  const at = findAll(words, phrase);
  for (const start of at) {
    const real = phrase.map((_, j) => start + j).filter((i) => !fillers.has(i));
    if (real.length > 0) hits.push({ start, length: phrase.length, real });
  }
  return hits;
}

function findAll(words: readonly string[], phrase: readonly string[]): number[] {
  const starts: number[] = [];
  outer: for (let i = 0; i + phrase.length <= words.length && phrase.length > 0; i++) {
    for (let j = 0; j < phrase.length; j++) if (!sameWord(words[i + j] ?? '', phrase[j] ?? '')) continue outer;
    starts.push(i);
  }
  return starts;
}

const within = (a: Hit, b: Hit) =>
  b.length > a.length && a.start >= b.start && a.start + a.length <= b.start + b.length;

/**
 * The items a message names, the longest phrase winning: in «vårdcentralen fyrisdal» the
 * whole name names one unit, so «vårdcentralen» alone (a word for several) does not count.
 * Returns the items and the positions of the words that name them.
 */
export function named<T>(
  items: readonly T[],
  words: readonly string[],
  phrasesOf: (item: T) => readonly string[][],
  fillers: ReadonlySet<number>,
): { items: T[]; at: number[]; hits: { item: T; real: number[] }[] } {
  const hits = items.flatMap((item) =>
    phrasesOf(item).flatMap((p) => phraseHits(words, p, fillers).map((hit) => ({ item, hit }))),
  );
  const kept = hits.filter((h) => !hits.some((o) => o.item !== h.item && within(h.hit, o.hit)));
  const at = new Set(kept.flatMap((h) => h.hit.real));
  return {
    items: [...new Set(kept.map((h) => h.item))],
    at: [...at].sort((a, b) => a - b),
    hits: kept.map(({ item, hit }) => ({ item, real: hit.real })),
  };
}

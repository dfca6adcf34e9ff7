// Text as the recogniser sees it: lower case, without diacritics (so "forsta" matches
// «första»), punctuation as spaces, except the period and colon inside times and the
// slash inside dates.

export function normalize(text: string): string {
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

/** Whether a typed word is the lexicon word, allowing typos in longer words. */
export function sameWord(typed: string, word: string): boolean {
  if (typed === word) return true;
  if (/\d/.test(word) || /\d/.test(typed)) return false;
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

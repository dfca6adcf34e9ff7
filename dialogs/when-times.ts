import { PART_OF_DAY, type PartOfDay } from '../booking/slot-filter.js';
import type { Lexicon } from './lexicon.js';
import { findPhrase } from '../content/words.js';

// Times of day in Swedish, e.g. på förmiddagen, efter lunch, efter kl. 15, före 10,
// mellan 13 och 15, kl. 14.30, så tidigt som möjligt. The words come from sprak.yaml.

export interface TimePart {
  timeFrom?: string;
  timeTo?: string;
  partOfDay?: PartOfDay;
  earliest: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (h: number, m: number) => `${pad(h)}:${pad(m)}`;
/** The minute after h:m, for an exact time ("kl. 14.30" is 14:30 up to 14:31). */
const nextMinute = (h: number, m: number) =>
  m === 59 ? clock(Math.min(h + 1, 23), h === 23 ? 59 : 0) : clock(h, m + 1);

function parseClock(word: string | undefined): { h: number; m: number } | undefined {
  const match = /^(\d{1,2})(?::(\d{2}))?$/.exec(word ?? '');
  if (!match) return undefined;
  const h = Number(match[1]);
  const m = Number(match[2] ?? 0);
  return h <= 23 && m <= 59 ? { h, m } : undefined;
}

const isOneOf = (word: string | undefined, phrases: readonly string[][]) =>
  phrases.some((p) => p.length === 1 && p[0] === word);

/** The clock time after index i, skipping "kl"/"klockan". */
function clockAfter(
  words: readonly string[],
  i: number,
  lex: Lexicon,
): { time: { h: number; m: number }; end: number; marked: boolean; exact: boolean } | undefined {
  let j = i;
  const marked = isOneOf(words[j], lex.phrases.clock);
  if (marked) j++;
  const word = words[j] ?? '';
  // «klockan tolv», «kl tre»: an hour in words after «kl»
  const said = marked ? hourOf(word, lex) : undefined;
  const time = parseClock(word) ?? (said === undefined ? undefined : { h: afternoon(said, lex), m: 0 });
  if (!time) return undefined;
  const exact = word.includes(':');
  // "3 december" or "om 2 veckor" are not times
  const next = words[j + 1];
  const period = [...lex.phrases.inWeeks, ...lex.phrases.inDays, ...lex.phrases.week].some((p) => p[0] === next);
  if (!marked && !exact && next !== undefined && (lex.months.has(next) || period)) return undefined;
  return { time, end: j, marked, exact };
}

/** Hours are said 1–12; before the first hour of the day they are the afternoon («halv tre» is 14.30). */
const afternoon = (h: number, lex: Lexicon) => (h < lex.spokenClock.firstHour ? h + 12 : h);

/** 1–12 from «tio», «10» */
function hourOf(word: string | undefined, lex: Lexicon): number | undefined {
  const n = /^\d{1,2}$/.test(word ?? '') ? Number(word) : lex.numbers.get(word ?? '');
  return n !== undefined && n >= 1 && n <= 12 ? n : undefined;
}

/** Minutes said before «över»/«i»: «fem», «tio», «tjugo», «5» */
function minutesOf(word: string | undefined, lex: Lexicon): number | undefined {
  const n = /^\d{1,2}$/.test(word ?? '') ? Number(word) : lex.numbers.get(word ?? '');
  return n !== undefined && n >= 1 && n <= 29 ? n : undefined;
}

/**
 * A clock time as it is said, starting at word i: «halv tio», «kvart över nio», «kvart i
 * tio», «fem över halv tio», «tio i tio». Returns the time and the index of its last word.
 */
function spokenAt(
  words: readonly string[],
  i: number,
  lex: Lexicon,
): { h: number; m: number; end: number } | undefined {
  const { half, quarter, past, to } = lex.spokenClock;
  const w = words[i] ?? '';
  // «halv tio»: half an hour before ten
  if (half.has(w)) {
    const hour = hourOf(words[i + 1], lex);
    return hour === undefined ? undefined : { h: hour - 1, m: 30, end: i + 1 };
  }
  const minutes = quarter.has(w) ? 15 : minutesOf(w, lex);
  const relation = words[i + 1] ?? '';
  if (minutes === undefined || !(past.has(relation) || to.has(relation))) return undefined;
  const sign = past.has(relation) ? 1 : -1;
  // «fem över halv tio»: five minutes after half past nine
  if (half.has(words[i + 2] ?? '')) {
    const hour = hourOf(words[i + 3], lex);
    return hour === undefined ? undefined : { h: hour - 1, m: 30 + sign * minutes, end: i + 3 };
  }
  const hour = hourOf(words[i + 2], lex);
  if (hour === undefined) return undefined;
  return sign > 0 ? { h: hour, m: minutes, end: i + 2 } : { h: hour - 1, m: 60 - minutes, end: i + 2 };
}

/** The words with each clock time as it is said written as a clock time («halv tio» → «09:30»). */
export function withSpokenClock(words: readonly string[], lex: Lexicon): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const spoken = spokenAt(words, i, lex);
    if (!spoken) {
      out.push(words[i] ?? '');
      continue;
    }
    out.push(clock(afternoon(spoken.h === 0 ? 12 : spoken.h, lex), spoken.m));
    i = spoken.end;
  }
  return out;
}

export function parseTimes(said: readonly string[], lex: Lexicon): TimePart {
  const words = withSpokenClock(said, lex);
  const part: TimePart = { earliest: lex.phrases.earliest.some((p) => findPhrase(words, p) >= 0) };
  for (const p of lex.partsOfDay)
    for (const ph of p.phrases) {
      const at = findPhrase(words, ph);
      if (at < 0) continue;
      // «inte på förmiddagen»: after it; «inte på eftermiddagen», «inte på kvällen»: before it.
      const not = [words[at - 1], words[at - 2]].some((w) => isOneOf(w, lex.phrases.not));
      const [start, end] = PART_OF_DAY[p.part];
      if (!not) part.partOfDay = p.part;
      else if (p.part === 'morning') part.timeFrom = end;
      else part.timeTo = start;
    }
  if (lex.phrases.afterLunch.some((p) => findPhrase(words, p) >= 0)) part.timeFrom = lex.lunchEnds;
  if (lex.phrases.beforeLunch.some((p) => findPhrase(words, p) >= 0)) part.timeTo = lex.lunchStarts;

  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (isOneOf(w, lex.phrases.between)) {
      const from = clockAfter(words, i + 1, lex);
      const to =
        from && isOneOf(words[from.end + 1], lex.phrases.and) ? clockAfter(words, from.end + 2, lex) : undefined;
      if (from && to) {
        part.timeFrom = clock(from.time.h, from.time.m);
        part.timeTo = clock(to.time.h, to.time.m);
        i = to.end;
        continue;
      }
    }
    if (isOneOf(w, lex.phrases.afterTime) || isOneOf(w, lex.phrases.beforeTime)) {
      const at = clockAfter(words, i + 1, lex);
      if (at) {
        if (isOneOf(w, lex.phrases.afterTime)) part.timeFrom = clock(at.time.h, at.time.m);
        else part.timeTo = clock(at.time.h, at.time.m);
        i = at.end;
        continue;
      }
    }
    const at = clockAfter(words, i, lex);
    if (at && (at.marked || at.exact)) {
      // "kl. 14" means some time that hour; "kl. 14.30" means that very time.
      part.timeFrom = clock(at.time.h, at.time.m);
      part.timeTo = at.exact
        ? nextMinute(at.time.h, at.time.m)
        : clock(Math.min(at.time.h + 1, 23), at.time.h === 23 ? 59 : 0);
      i = at.end;
    }
  }
  return part;
}

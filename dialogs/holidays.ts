import { DateTime } from 'luxon';
import { DAY_SPEC } from '../content/language-schema.js';
import { findPhrase } from '../content/words.js';

// Holidays named instead of a date («efter jul», «i mellandagarna», «före påsk»), from
// sprak.yaml. A day is written "MM-DD", or counted from Easter Sunday ("easter-2" is Good
// Friday) or from Midsummer Eve ("midsummer+1"), which move from year to year.

export interface Holiday {
  /** Its words, normalized */
  phrases: string[][];
  from: string;
  to?: string;
}

/** Easter Sunday of a year (the Gregorian computus, anonymous algorithm). */
export function easterSunday(year: number, zone: DateTime['zone']): DateTime {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return DateTime.fromObject({ year, month, day }, { zone });
}

/** Midsummer Eve: the Friday from 19 to 25 June. */
export function midsummerEve(year: number, zone: DateTime['zone']): DateTime {
  const first = DateTime.fromObject({ year, month: 6, day: 19 }, { zone });
  return first.plus({ days: (5 - first.weekday + 7) % 7 });
}

/** The day a spec names in a year. */
export function dayIn(spec: string, year: number, zone: DateTime['zone']): DateTime {
  const m = DAY_SPEC.exec(spec);
  if (!m) throw new Error(`Not a holiday day: ${spec}`);
  if (m[1] && m[2]) return DateTime.fromObject({ year, month: Number(m[1]), day: Number(m[2]) }, { zone });
  const base = m[3] === 'easter' ? easterSunday(year, zone) : midsummerEve(year, zone);
  return base.plus({ days: Number(m[4] ?? 0) });
}

export interface HolidayFound {
  from: DateTime;
  to: DateTime;
  /** Where its words begin in the message */
  at: number;
}

/**
 * The first three letters of every holiday's words: a message with no word that begins so
 * names no holiday, and is not searched further (most messages name none).
 */
const beginnings = new WeakMap<readonly Holiday[], Set<string>>();
function mayName(words: readonly string[], holidays: readonly Holiday[]): boolean {
  let known = beginnings.get(holidays);
  if (!known) {
    known = new Set(holidays.flatMap((h) => h.phrases.map((p) => (p[0] ?? '').slice(0, 3))));
    beginnings.set(holidays, known);
  }
  return words.some((w) => known.has(w.slice(0, 3)));
}

/** The holiday a message names (the longest phrase wins), at its next time that has not yet passed. */
export function holidayIn(
  words: readonly string[],
  today: DateTime,
  holidays: readonly Holiday[],
): HolidayFound | undefined {
  if (!mayName(words, holidays)) return undefined;
  let best: { h: Holiday; at: number; length: number } | undefined;
  for (const h of holidays)
    for (const p of h.phrases) {
      const at = findPhrase(words, p);
      if (at >= 0 && p.length > (best?.length ?? 0)) best = { h, at, length: p.length };
    }
  if (!best) return undefined;
  const { h, at } = best;
  for (const year of [today.year - 1, today.year, today.year + 1]) {
    const from = dayIn(h.from, year, today.zone);
    let to = h.to ? dayIn(h.to, year, today.zone) : from;
    if (to < from) to = to.plus({ years: 1 });
    if (to >= today) return { from, to, at };
  }
  return undefined;
}

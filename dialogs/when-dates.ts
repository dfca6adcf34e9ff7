import { DateTime, type WeekdayNumbers } from 'luxon';
import type { DateProblem } from '../machines/events.js';
import { must } from '../booking/invariant.js';
import { holidayIn } from './holidays.js';
import type { Lexicon } from './lexicon.js';
import { findPhrase, sameWord } from '../content/words.js';

// Days and periods in Swedish, e.g. imorgon, på fredag, nästa tisdag, nästa vecka,
// om två veckor, den 3 december, 3/12, vecka 50, helst en måndag. The words come from
// the language content (sprak.yaml).

export type { DateProblem };

export interface DatePart {
  dateFrom?: string;
  dateTo?: string;
  weekday?: number;
  notWeekday?: number;
  problems: DateProblem[];
}

const iso = (d: DateTime) => must(d.toISODate(), 'a valid date');
/** Whether a word is one of the one-word phrases of a list. */
const isWord = (word: string | undefined, phrases: readonly string[][]) =>
  word !== undefined && phrases.some((p) => p.length === 1 && p[0] === word);
const has = (words: readonly string[], phrases: readonly string[][]) => phrases.some((p) => findPhrase(words, p) >= 0);

/** A day of the month as written: «10», «10e», «10:e», «31:a», «3rd»; the ending, if any, in group 2. */
const DAY_NUMBER = /^(\d{1,2})(:?e|:?a|st|nd|rd|th)?$/;
const dayNumber = (word: string): number | undefined => {
  const m = DAY_NUMBER.exec(word);
  return m ? Number(m[1]) : undefined;
};

function numberAt(words: readonly string[], i: number, lex: Lexicon): number | undefined {
  const w = words[i];
  if (w === undefined) return undefined;
  if (/^\d{1,3}$/.test(w)) return Number(w);
  return lex.numbers.get(w);
}

/** A date without a year: this year, or next year when it would lie long past. */
function inferYear(day: number, month: number, today: DateTime): DateTime {
  const candidate = DateTime.fromObject({ year: today.year, month, day }, { zone: today.zone });
  return candidate < today.minus({ days: 60 }) ? candidate.plus({ years: 1 }) : candidate;
}

function explicitDate(
  words: readonly string[],
  text: string,
  today: DateTime,
  lex: Lexicon,
): DateTime | DateProblem | undefined {
  const isoMatch = /(\d{4})-(\d{2})-(\d{2})/.exec(text);
  const slash = /(?:^|\s)(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?(?:\s|$)/.exec(text);
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  let shown = '';
  if (isoMatch)
    [shown, year, month, day] = [isoMatch[0], Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3])];
  else if (slash) {
    [shown, day, month] = [slash[0].trim(), Number(slash[1]), Number(slash[2])];
    if (slash[3]) year = slash[3].length === 2 ? 2000 + Number(slash[3]) : Number(slash[3]);
  } else {
    for (const [i, word] of words.entries()) {
      const m = lexMonth(word, lex);
      if (m === undefined) continue;
      const before = words[i - 1] ?? '';
      const after = words[i + 1] ?? '';
      // «3 december», «tredje december», and in English also «December 3»
      const first = dayNumber(before) ?? lex.ordinals.get(before);
      const d = first ?? dayNumber(after);
      if (d === undefined) continue;
      [day, month, shown] = [d, m, first !== undefined ? `${before} ${word}` : `${word} ${after}`];
      if (/^\d{4}$/.test(words[i + 1] ?? '')) year = Number(words[i + 1]);
      break;
    }
  }
  if (day === undefined || month === undefined) return undefined;
  const date =
    year !== undefined ? DateTime.fromObject({ year, month, day }, { zone: today.zone }) : inferYear(day, month, today);
  return date.isValid ? date : { kind: 'invalid-date', text: shown };
}

/**
 * «den 10:e», «den 10e», «den 10» at the end: a day of the month without the month. This
 * month if the day is still to come, else next month.
 */
function dayOfMonth(words: readonly string[], today: DateTime, lex: Lexicon): DateTime | DateProblem | undefined {
  for (let i = 1; i < words.length; i++) {
    const m = DAY_NUMBER.exec(words[i] ?? '');
    if (words[i - 1] !== 'den' || !m) continue;
    const next = words[i + 1];
    // «den 10 december» is a whole date (explicitDate); «den 10 minuter» is no date at all.
    if (next !== undefined && (m[2] === undefined || lexMonth(next, lex) !== undefined)) continue;
    const day = Number(m[1]);
    const inMonth = (first: DateTime) => {
      const d = first.set({ day });
      return d.isValid && d.month === first.month ? d : undefined;
    };
    const thisMonth = inMonth(today.startOf('month'));
    const date = thisMonth && thisMonth >= today ? thisMonth : inMonth(today.plus({ months: 1 }).startOf('month'));
    return date ?? { kind: 'invalid-date', text: `den ${words[i]}` };
  }
  return undefined;
}

/** "i februari": a month named without a day. */
function monthOnly(words: readonly string[], lex: Lexicon): number | undefined {
  for (const [i, word] of words.entries()) {
    const m = lexMonth(word, lex);
    const before = words[i - 1] ?? '';
    if (m !== undefined && dayNumber(before) === undefined && !lex.ordinals.has(before)) return m;
  }
  return undefined;
}

function lexMonth(word: string, lex: Lexicon): number | undefined {
  const exact = lex.months.get(word);
  if (exact !== undefined) return exact;
  for (const [w, n] of lex.months) if (w.length >= 5 && sameWord(word, w)) return n;
  return undefined;
}

/** «inte på måndag»: the word is said not to be. */
const negated = (words: readonly string[], i: number, lex: Lexicon) =>
  isWord(words[i - 1], lex.phrases.not) || isWord(words[i - 2], lex.phrases.not);

function weekdayIn(
  words: readonly string[],
  lex: Lexicon,
): { weekday: number; index: number; word: string } | undefined {
  for (const [i, word] of words.entries()) {
    if (lex.pastWeekdays.has(word) || negated(words, i, lex)) continue;
    const exact = lex.weekdays.get(word);
    if (exact !== undefined) return { weekday: exact, index: i, word };
    for (const [w, n] of lex.weekdays) if (sameWord(word, w)) return { weekday: n, index: i, word: w };
  }
  return undefined;
}

type Bound = 'afterDay' | 'fromDay' | 'beforeDay' | 'untilDay';
const BOUNDS: readonly Bound[] = ['afterDay', 'fromDay', 'beforeDay', 'untilDay'];

/** Whether the words end with the phrase at index `end`. */
const endsAt = (words: readonly string[], end: number, phrase: readonly string[]) =>
  phrase.length > 0 && end - phrase.length + 1 >= 0 && phrase.every((p, k) => words[end - phrase.length + 1 + k] === p);

/**
 * «efter den 20 december», «senast 3/12», «från och med den 10:e»: the word before the
 * date that makes it a bound of a period rather than the day itself.
 */
function boundOf(words: readonly string[], lex: Lexicon): Bound | undefined {
  const at = words.findIndex((w) => /^\d/.test(w) || lex.ordinals.has(w));
  return at < 0 ? undefined : boundBefore(words, words[at - 1] === 'den' ? at - 2 : at - 1, lex);
}

/** The bound whose phrase ends at index `end` («efter», «till och med»), if any. */
function boundBefore(words: readonly string[], end: number, lex: Lexicon): Bound | undefined {
  // The longest phrase wins: «till och med» is a bound, «till» alone is the new time («flytta den till den 10»).
  let best: { bound: Bound; length: number } | undefined;
  for (const bound of BOUNDS)
    for (const phrase of lex.phrases[bound])
      if (endsAt(words, end, phrase) && phrase.length > (best?.length ?? 0)) best = { bound, length: phrase.length };
  return best?.bound;
}

export function parseDates(words: readonly string[], text: string, now: DateTime, lex: Lexicon): DatePart {
  const today = now.startOf('day');
  const part: DatePart = { problems: [] };
  const single = (d: DateTime) => {
    part.dateFrom = iso(d);
    part.dateTo = iso(d);
  };
  const range = (from: DateTime, to: DateTime) => {
    part.dateFrom = iso(from);
    part.dateTo = iso(to);
  };

  for (const r of lex.relativeDays) if (findPhrase(words, r.phrase) >= 0) single(today.plus({ days: r.days }));
  for (let i = 1; i < words.length; i++) {
    if (!isWord(words[i - 1], lex.phrases.inFuture) && !isWord(words[i - 2], lex.phrases.inFuture)) continue;
    const n = numberAt(words, i, lex);
    if (n === undefined) continue;
    if (lex.phrases.inWeeks.some((p) => sameWord(words[i + 1] ?? '', p[0] ?? '')))
      range(today.plus({ weeks: n }).startOf('week'), today.plus({ weeks: n }).endOf('week'));
    else if (lex.phrases.inDays.some((p) => sameWord(words[i + 1] ?? '', p[0] ?? ''))) single(today.plus({ days: n }));
  }
  if (has(words, lex.phrases.nextWeek))
    range(today.plus({ weeks: 1 }).startOf('week'), today.plus({ weeks: 1 }).endOf('week'));
  if (has(words, lex.phrases.thisWeek)) range(today, today.endOf('week'));
  if (has(words, lex.phrases.nextMonth))
    range(today.plus({ months: 1 }).startOf('month'), today.plus({ months: 1 }).endOf('month'));
  if (has(words, lex.phrases.weekend)) {
    const saturday = today.weekday === 7 ? today.plus({ days: 6 }) : today.set({ weekday: 6 });
    range(saturday, saturday.plus({ days: 1 }));
  }
  const weekAt = words.findIndex((w, i) => isWord(w, lex.phrases.week) && /^\d{1,2}$/.test(words[i + 1] ?? ''));
  if (weekAt >= 0) {
    const w = Number(words[weekAt + 1]);
    let start = DateTime.fromObject({ weekYear: today.weekYear, weekNumber: w, weekday: 1 }, { zone: today.zone });
    if (start.isValid && start.endOf('week') < today)
      start = start.plus({ years: 1 }).set({ weekNumber: w, weekday: 1 });
    if (start.isValid) range(start, start.endOf('week'));
    else part.problems.push({ kind: 'invalid-date', text: `${words[weekAt]} ${words[weekAt + 1]}` });
  }

  const month = monthOnly(words, lex);
  if (month !== undefined) {
    let start = today.set({ month, day: 1 });
    if (start.endOf('month') < today) start = start.plus({ years: 1 });
    range(start < today ? today : start, start.endOf('month'));
  }

  const holiday = holidayIn(words, today, lex.holidays);
  if (holiday) {
    const bound = boundBefore(words, holiday.at - 1, lex);
    const [from, to] = [holiday.from < today ? today : holiday.from, holiday.to];
    if (bound === 'afterDay') [part.dateFrom, part.dateTo] = [iso(to.plus({ days: 1 })), undefined];
    else if (bound === 'fromDay') [part.dateFrom, part.dateTo] = [iso(from), undefined];
    else if (bound === 'beforeDay' && holiday.from > today)
      [part.dateFrom, part.dateTo] = [undefined, iso(holiday.from.minus({ days: 1 }))];
    else if (bound === 'untilDay') [part.dateFrom, part.dateTo] = [undefined, iso(to)];
    else range(from, to);
  }

  const explicit = explicitDate(words, text, today, lex) ?? dayOfMonth(words, today, lex);
  if (explicit && 'kind' in explicit) part.problems.push(explicit);
  else if (explicit) {
    const bound = boundOf(words, lex);
    if (bound === 'afterDay' || bound === 'fromDay') {
      const from = bound === 'afterDay' ? explicit.plus({ days: 1 }) : explicit;
      [part.dateFrom, part.dateTo] = [iso(from < today ? today : from), undefined];
    } else if (bound === 'beforeDay' || bound === 'untilDay') {
      const to = bound === 'beforeDay' ? explicit.minus({ days: 1 }) : explicit;
      if (to < today) part.problems.push({ kind: 'past-date', date: iso(explicit) });
      else [part.dateFrom, part.dateTo] = [undefined, iso(to)];
    } else if (explicit < today) part.problems.push({ kind: 'past-date', date: iso(explicit) });
    else single(explicit);
  }

  // «inte på måndag», «helst inte måndagar»: that day is left out.
  const not = words.findIndex((w, i) => lex.weekdays.has(w) && negated(words, i, lex));
  if (not >= 0) part.notWeekday = lex.weekdays.get(words[not] ?? '');
  const wd = weekdayIn(words, lex);
  if (wd) {
    part.weekday = wd.weekday;
    const before = words[wd.index - 1];
    const plural = wd.word.endsWith('ar') || before === 'en';
    if (part.dateFrom && part.dateTo && part.dateFrom !== part.dateTo) {
      const inRange = DateTime.fromISO(part.dateFrom, { zone: today.zone }).set({
        weekday: wd.weekday as WeekdayNumbers,
      });
      if (iso(inRange) <= part.dateTo) single(inRange);
    } else if (!plural && !part.dateFrom) {
      const next = isWord(before, lex.phrases.next)
        ? today.plus({ weeks: 1 }).set({ weekday: wd.weekday as WeekdayNumbers })
        : today.plus({ days: ((wd.weekday - today.weekday + 6) % 7) + 1 });
      single(next);
    }
  }
  return part;
}

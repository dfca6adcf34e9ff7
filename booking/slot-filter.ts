import { epochMillis, localFields } from './time.js';

// What a resident can say about a wanted time, as data. Pure functions over slots, in
// local time (Europe/Stockholm), so that «på förmiddagen» means the same in March and July.

export type PartOfDay = 'morning' | 'afternoon' | 'evening';

export interface TimeWish {
  /** Local dates, inclusive */
  dateFrom?: string;
  dateTo?: string;
  /** "HH:MM", local */
  timeFrom?: string;
  timeTo?: string;
  partOfDay?: PartOfDay;
  /** ISO weekday 1 (Monday) – 7 */
  weekday?: number;
  /** A weekday said not to be («inte på måndag») */
  notWeekday?: number;
}

export const PART_OF_DAY: Record<PartOfDay, [string, string]> = {
  morning: ['00:00', '12:00'],
  afternoon: ['12:00', '17:00'],
  evening: ['17:00', '24:00'],
};

/** «09:30» as the minute of the day */
export const minutesOf = (hhmm: string): number => {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
};

export function matchesWish(slot: { start: string }, wish: TimeWish): boolean {
  const { date, weekday, minute } = localFields(slot.start);
  if (wish.dateFrom && date < wish.dateFrom) return false;
  if (wish.dateTo && date > wish.dateTo) return false;
  if (wish.weekday && weekday !== wish.weekday) return false;
  if (wish.notWeekday && weekday === wish.notWeekday) return false;
  if (wish.timeFrom && minute < minutesOf(wish.timeFrom)) return false;
  if (wish.timeTo && minute >= minutesOf(wish.timeTo)) return false;
  if (wish.partOfDay) {
    const [from, to] = PART_OF_DAY[wish.partOfDay];
    if (minute < minutesOf(from) || minute >= minutesOf(to)) return false;
  }
  return true;
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The local clock times a wish allows, as one range of "HH:MM" (zero-padded, so that they
 * compare as text): the stated times and the part of the day together.
 */
export function clockRange(wish: TimeWish): { timeFrom?: string; timeTo?: string } {
  const froms = [wish.timeFrom, wish.partOfDay && PART_OF_DAY[wish.partOfDay][0]].flatMap((t) =>
    t ? [minutesOf(t)] : [],
  );
  const tos = [wish.timeTo, wish.partOfDay && PART_OF_DAY[wish.partOfDay][1]].flatMap((t) => (t ? [minutesOf(t)] : []));
  return {
    ...(froms.length > 0 ? { timeFrom: clock(Math.max(...froms)) } : {}),
    ...(tos.length > 0 ? { timeTo: clock(Math.min(...tos)) } : {}),
  };
}

export const filterSlots = <T extends { start: string }>(slots: readonly T[], wish: TimeWish): T[] =>
  isEmptyWish(wish) ? [...slots] : slots.filter((s) => matchesWish(s, wish));

export const byStart = (a: { start: string }, b: { start: string }): number =>
  epochMillis(a.start) - epochMillis(b.start);

/** In time order: each start read once, and nothing moved when they already are (as a booking system returns them). */
export function inStartOrder<T extends { start: string }>(slots: T[]): T[] {
  const at = slots.map((s) => epochMillis(s.start));
  if (at.every((t, i) => i === 0 || (at[i - 1] ?? t) <= t)) return slots;
  return at
    .map((t, i) => ({ t, i }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map(({ i }) => slots[i] as T);
}

export const isEmptyWish = (wish: TimeWish): boolean => Object.values(wish).every((v) => v === undefined);

/** Up to this long, a time wished is a clock time («halv tio», «kl 10») rather than a span. */
const CLOCK_TIME_MINUTES = 60;

/** Whether the wish names a clock time («halv tio», «kl 10»), not a span («efter kl 15»). */
export const isClockTime = ({ timeFrom, timeTo }: TimeWish): boolean =>
  timeFrom !== undefined && timeTo !== undefined && minutesOf(timeTo) - minutesOf(timeFrom) <= CLOCK_TIME_MINUTES;

/**
 * A wish with nothing free, made broader: a clock time becomes the times from an hour
 * before it (on the same day), a time on a day the whole day, anything else no wish.
 */
const defined = (wish: TimeWish): TimeWish =>
  Object.fromEntries(Object.entries(wish).filter(([, v]) => v !== undefined));

export const relaxed = (wish: TimeWish): TimeWish => {
  if (wish.timeFrom && isClockTime(wish) && !wish.partOfDay)
    return defined({ ...dayPart(wish), timeFrom: clock(Math.max(0, minutesOf(wish.timeFrom) - CLOCK_TIME_MINUTES)) });
  const day = dayPart(wish);
  const hasDay = Object.values(day).some((v) => v !== undefined);
  const hasTime = Object.values(timePart(wish)).some((v) => v !== undefined);
  return hasDay && hasTime ? defined(day) : {};
};

/** The day part of a wish («på tisdag»), used to find a booking the resident points at. */
export const dayPart = ({ dateFrom, dateTo, weekday, notWeekday }: TimeWish): TimeWish => ({
  dateFrom,
  dateTo,
  weekday,
  notWeekday,
});

/**
 * A wish added to an earlier one: «i januari», then «helst en fredag» is a Friday in
 * January; a new period replaces the old, a new time of day the old time of day.
 */
export function addWish(before: TimeWish, next: TimeWish): TimeWish {
  const newPeriod = next.dateFrom !== undefined || next.dateTo !== undefined;
  const newTime = !isEmptyWish(timePart(next));
  const period = newPeriod
    ? { dateFrom: next.dateFrom, dateTo: next.dateTo }
    : { dateFrom: before.dateFrom, dateTo: before.dateTo };
  const weekday = next.weekday ?? (newPeriod ? undefined : before.weekday);
  const notWeekday = next.notWeekday ?? (newPeriod || next.weekday ? undefined : before.notWeekday);
  const time = newTime ? timePart(next) : timePart(before);
  const wish: TimeWish = Object.fromEntries(
    Object.entries({ ...period, weekday, notWeekday, ...time }).filter(([, v]) => v !== undefined),
  );
  return wish;
}

/** The time-of-day part of a wish («till förmiddagen»). */
export const timePart = ({ timeFrom, timeTo, partOfDay }: TimeWish): TimeWish => ({ timeFrom, timeTo, partOfDay });

import type { SlotSummary } from '../booking/views.js';
import type { TimeWish } from '../booking/slot-filter.js';

// Free days at a glance: when the wish is broad («nästa vecka», «i januari», or none), the
// days that have free times come first, each with how many, and the first free time; the
// times of the day chosen follow. (The reply is in choose-time.replies.ts.)

export const DAY = 'day:';
export const FIRST = 'first-free';
export const MORE_DAYS = 'more-days';
export const DAYS = 'days';
export const DAYS_PER_PAGE = 5;

/** The local date of a time (times carry the Stockholm offset). */
export const dateOf = (slot: { start: string }) => slot.start.slice(0, 10);

/** Each day with free times, in order, and how many. */
export function freeDays(slots: readonly SlotSummary[]): { date: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const s of slots) counts.set(dateOf(s), (counts.get(dateOf(s)) ?? 0) + 1);
  return [...counts].map(([date, count]) => ({ date, count }));
}

/** A wish for one day («på torsdag», «den 3 december») goes straight to its times. */
const oneDay = (wish: TimeWish) =>
  wish.weekday !== undefined || (wish.dateFrom !== undefined && wish.dateFrom === wish.dateTo);

/** Whether the days are offered before the times. */
export const isBroad = (c: { slots: SlotSummary[]; wish: TimeWish; day?: string }) =>
  c.day === undefined && !oneDay(c.wish) && freeDays(c.slots).length > 1;

/** The times on offer: those of the day chosen, or all. */
export const shownSlots = (c: { slots: SlotSummary[]; day?: string }) =>
  c.day === undefined ? c.slots : c.slots.filter((s) => dateOf(s) === c.day);

/**
 * «Fler dagar» when the next page of days would be short of what the last search found:
 * the next search brings a full page.
 */
export const needsLaterDays = (c: { slots: SlotSummary[]; dayOffset: number; more?: { from: string } }) =>
  c.more !== undefined && freeDays(c.slots).length < c.dayOffset + 2 * DAYS_PER_PAGE;

/** The wish for the next search: from the first day not yet shown. */
export const laterDays = (c: { slots: SlotSummary[]; dayOffset: number; wish: TimeWish; more?: { from: string } }) => ({
  wish: {
    ...c.wish,
    dateFrom: freeDays(c.slots)[c.dayOffset + DAYS_PER_PAGE]?.date ?? c.more?.from ?? c.wish.dateFrom,
  },
  offset: 0,
  paging: true,
});

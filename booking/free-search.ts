import type { DateTime } from 'luxon';
import type { Catalog } from './catalog.js';
import { bookingWindow } from './policy.js';
import { ok, type BookingResult, type Rejection } from './rejections.js';
import type { SchedulingSystem } from './scheduling-system.js';
import type { SlotPurpose } from './service-types.js';
import { clockRange, filterSlots, inStartOrder, type TimeWish } from './slot-filter.js';
import { slotTarget } from './slot-target.js';
import { endOfLocalDate, isBefore, startOfLocalDate, toIso } from './time.js';
import type { Slot } from './types.js';
import { outsideWindow } from './wish-window.js';

// The search for free times, with the rules read once: the window, the wish (asked of the
// booking system), how long before a visit it can still be changed, and why a wished
// period can have no times at all.

export interface FreeSearch {
  slots: Slot[];
  /** How many hours before a visit it can no longer be changed online, for these times */
  changeDeadlineHours: number;
  /** The wished period lies outside what may be booked: the rule that says so */
  outside?: Rejection;
}

export async function searchFree(
  system: SchedulingSystem,
  catalog: Catalog,
  q: { patientId: string; purpose: SlotPurpose; wish: TimeWish; now: DateTime; limit?: number | undefined },
): Promise<BookingResult<FreeSearch>> {
  const { wish, now } = q;
  const target = await slotTarget(system, catalog, q.patientId, q.purpose, now);
  if (!target.ok) return target;
  const { careServiceId, rules, mode } = target.value;
  const outside = wish.dateFrom || wish.dateTo ? outsideWindow(wish, rules, mode, now) : undefined;
  const found = (slots: Slot[]) =>
    ok({ slots, changeDeadlineHours: rules.changeDeadlineHours, ...(outside ? { outside } : {}) });
  const window = bookingWindow(rules, mode, now);
  let from = window.from;
  let to = window.to;
  if (wish.dateFrom && isBefore(from, startOfLocalDate(wish.dateFrom))) from = startOfLocalDate(wish.dateFrom);
  if (wish.dateTo && isBefore(endOfLocalDate(wish.dateTo), to)) to = endOfLocalDate(wish.dateTo);
  if (isBefore(to, from)) return found([]);
  const slots = await system.freeSlots({
    careServiceId,
    from: toIso(from),
    to: toIso(to),
    ...clockRange(wish),
    ...(wish.weekday ? { weekday: wish.weekday } : {}),
    ...(wish.notWeekday ? { notWeekday: wish.notWeekday } : {}),
    ...(q.limit ? { limit: q.limit } : {}),
  });
  // The booking system was asked for the wish; checking again costs little and keeps any system honest.
  return found(inStartOrder(filterSlots(slots, wish)));
}

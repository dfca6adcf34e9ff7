import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { byStart, filterSlots, inStartOrder, relaxed, type TimeWish } from '../../booking/slot-filter.js';
import { toIso } from '../../booking/time.js';

// Free times in time order, and the wish that filters them, read from the times' own text.

const slots = fc
  .array(fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }), { maxLength: 40 })
  .map((all) => all.map((ms, i) => ({ id: `s${i}`, start: toIso(DateTime.fromMillis(ms)) })));

const PARTS = { morning: [0, 720], afternoon: [720, 1020] } as const;
/** The wish checked the slow way, by luxon in the time's own offset. */
function byLuxon(iso: string, wish: TimeWish): boolean {
  const t = DateTime.fromISO(iso, { setZone: true });
  const date = t.toISODate() ?? '';
  const minute = t.hour * 60 + t.minute;
  const part = wish.partOfDay === 'morning' || wish.partOfDay === 'afternoon' ? PARTS[wish.partOfDay] : undefined;
  return (
    (!wish.dateFrom || date >= wish.dateFrom) &&
    (!wish.dateTo || date <= wish.dateTo) &&
    (!wish.weekday || t.weekday === wish.weekday) &&
    (!wish.notWeekday || t.weekday !== wish.notWeekday) &&
    (!wish.timeFrom || minute >= Number(wish.timeFrom.slice(0, 2)) * 60 + Number(wish.timeFrom.slice(3))) &&
    (!part || (minute >= part[0] && minute < part[1]))
  );
}

describe('free times in time order', () => {
  it('orders as a stable sort by start does, and leaves times already in order as they are', () => {
    fc.assert(
      fc.property(slots, (list) => {
        expect(inStartOrder([...list])).toEqual([...list].sort(byStart));
        const sorted = [...list].sort(byStart);
        expect(inStartOrder(sorted)).toBe(sorted);
      }),
    );
  });

  it('keeps every time when nothing is wished, and otherwise those that match the wish', () => {
    const wishes = fc.record(
      {
        dateFrom: fc.constantFrom('2026-03-01', '2026-06-15'),
        dateTo: fc.constantFrom('2026-07-01', '2026-12-31'),
        weekday: fc.integer({ min: 1, max: 7 }),
        notWeekday: fc.integer({ min: 1, max: 7 }),
        partOfDay: fc.constantFrom('morning' as const, 'afternoon' as const),
        timeFrom: fc.constantFrom('08:00', '10:30'),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(slots, wishes, (list, wish: TimeWish) => {
        expect(filterSlots(list, {})).toEqual(list);
        expect(filterSlots(list, wish)).toEqual(list.filter((s) => byLuxon(s.start, wish)));
      }),
    );
  });
});

describe('a wish with nothing free, made broader step by step', () => {
  const monday = { dateFrom: '2026-12-07', dateTo: '2026-12-07' };
  it('turns a clock time into the times from an hour before it, then the whole day, then no wish', () => {
    // Found by a new user: «halv fyra» on a full afternoon listed the day from 8.00.
    const exact = { ...monday, timeFrom: '15:30', timeTo: '15:31' };
    expect(relaxed(exact)).toEqual({ ...monday, timeFrom: '14:30' });
    expect(relaxed(relaxed(exact))).toEqual(monday);
    expect(relaxed(monday)).toEqual({});
    expect(relaxed({ timeFrom: '10:00', timeTo: '11:00' })).toEqual({ timeFrom: '09:00' });
    expect(relaxed({ timeFrom: '00:30', timeTo: '00:31' })).toEqual({ timeFrom: '00:00' });
  });

  it('keeps the old steps for a part of the day and a period', () => {
    expect(relaxed({ ...monday, partOfDay: 'afternoon' })).toEqual(monday);
    expect(relaxed({ timeFrom: '14:30' })).toEqual({});
    expect(relaxed({ weekday: 6 })).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { dayIn, easterSunday, midsummerEve } from '../../dialogs/holidays.js';
import { ZONE } from '../../booking/time.js';

describe('holidays that move', () => {
  it.each([
    [2024, '2024-03-31'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'],
  ])('Easter Sunday %i is %s', (year, day) => expect(easterSunday(year, ZONE).toISODate()).toBe(day));

  it.each([
    [2026, '2026-06-19'],
    [2027, '2027-06-25'],
    [2029, '2029-06-22'],
  ])('Midsummer Eve %i is %s', (year, day) => expect(midsummerEve(year, ZONE).toISODate()).toBe(day));

  it('counts days from them and reads fixed days', () => {
    expect(dayIn('easter-2', 2027, ZONE).toISODate()).toBe('2027-03-26');
    expect(dayIn('easter+39', 2027, ZONE).toISODate()).toBe('2027-05-06');
    expect(dayIn('midsummer+1', 2027, ZONE).toISODate()).toBe('2027-06-26');
    expect(dayIn('12-24', 2026, ZONE).toISODate()).toBe('2026-12-24');
  });
});

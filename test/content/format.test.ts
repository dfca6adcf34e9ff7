import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatOpeningHours, formatShortDate, formatTime } from '../../content/format.js';
import { loadContentOrThrow } from '../../content/load.js';
import { REJECTION_CODES, type Rejection } from '../../booking/rejections.js';
import { at } from '../support/fixtures.js';

const NOW = at('2026-12-01T09:00');

describe('Swedish date and time style', () => {
  it.each([
    ['2026-12-01T09:30:00+01:00', 'tisdag 1 december kl. 9.30'],
    ['2026-12-01T14:05:00+01:00', 'tisdag 1 december kl. 14.05'],
    ['2026-12-01T08:30:00Z', 'tisdag 1 december kl. 9.30'],
    ['2027-03-29T10:00:00+02:00', 'måndag 29 mars 2027 kl. 10.00'],
  ])('writes %s as "%s"', (value, expected) => expect(formatDateTime(value, NOW)).toBe(expected));

  it('uses a period in times, never the colon Intl gives', () => {
    expect(formatTime('2026-12-01T16:45:00+01:00')).toBe('kl. 16.45');
    expect(
      new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' }).format(
        new Date('2026-12-01T15:45:00Z'),
      ),
    ).toContain(':');
  });

  it('writes plain dates and short dates', () => {
    expect(formatDate('2026-12-24', NOW)).toBe('torsdag 24 december');
    expect(formatShortDate('2027-01-09', NOW)).toBe('9 januari 2027');
  });
});

describe('rejection texts', () => {
  const texts = loadContentOrThrow().texts;
  const sample: Record<string, string | number> = {
    unitName: 'Vårdcentralen Fyrisdal',
    phone: '018-611 00 01',
    deadline: '2026-12-06T09:30:00+01:00',
    hours: 24,
    days: 42,
    lastDate: '2027-01-12',
    max: 150,
    length: 160,
    earliestDate: '2026-12-15',
    latestDate: '2027-01-15',
  };
  it.each(REJECTION_CODES.map((c) => [c]))('renders booking.rejected.%s in Swedish with its values', (code) => {
    const text = texts.render(`booking.rejected.${code}`, sample, NOW);
    expect(text).not.toMatch(/[{}]/);
    expect(text.length).toBeGreaterThan(10);
  });
  it('says when the deadline was', () => {
    const r: Rejection = {
      code: 'too_late_to_cancel',
      deadline: '2026-12-06T09:30:00+01:00',
      hours: 24,
      unitName: 'Vårdcentralen Fyrisdal',
      phone: '018-611 00 01',
    };
    expect(texts.render('booking.rejected.too_late_to_cancel', r, NOW)).toContain('senast söndag 6 december kl. 9.30');
  });
});

describe('opening hours', () => {
  it('writes runs of days as ranges, other days as a list, all day as «dygnet runt»', () => {
    expect(formatOpeningHours([{ weekdays: [1, 2, 3, 4, 5], from: '08:00', to: '17:00' }])).toBe(
      'måndag–fredag 8.00–17.00',
    );
    expect(
      formatOpeningHours([
        { weekdays: [1, 2, 3], from: '08:00', to: '18:00' },
        { weekdays: [4, 5], from: '08:00', to: '14:00' },
      ]),
    ).toBe('måndag–onsdag 8.00–18.00, torsdag och fredag 8.00–14.00');
    expect(formatOpeningHours([{ weekdays: [1, 3, 5], from: '07:30', to: '12:00' }])).toBe(
      'måndag, onsdag och fredag 7.30–12.00',
    );
    expect(formatOpeningHours([{ weekdays: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '23:59' }])).toBe('dygnet runt');
  });
});

describe('formatting any instant', () => {
  it('gives the Stockholm weekday, date and clock for any time, written with an offset or in UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) }), (ms) => {
        const local = DateTime.fromMillis(ms, { zone: 'Europe/Stockholm' });
        const expected =
          `${local.setLocale('sv').weekdayLong} ${local.day} ${local.setLocale('sv').monthLong} ` +
          `kl. ${local.hour}.${String(local.minute).padStart(2, '0')}`;
        expect(formatDateTime(local.toISO()!)).toBe(expected);
        expect(formatDateTime(local.toISO({ suppressSeconds: true, suppressMilliseconds: true })!)).toBe(expected);
        expect(formatDateTime(DateTime.fromMillis(ms, { zone: 'UTC' }).toISO()!)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a date that does not exist', () => {
    expect(() => formatDate('2026-02-30')).toThrow(/Not an ISO date/);
    expect(() => formatDateTime('2026-12-01T25:00+01:00')).toThrow(/Not an ISO date/);
  });
});

import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  changeDeadline,
  horizonEnd,
  instant,
  instantMillis,
  localFields,
  localTime,
  toIso,
  ZONE,
} from '../../booking/time.js';
import { at } from '../support/fixtures.js';

describe('change deadline in wall-clock time', () => {
  it.each([
    ['an ordinary week', '2026-12-10T10:00:00+01:00', 24, '2026-12-09T10:00:00+01:00'],
    ['72 hours', '2026-12-10T10:00:00+01:00', 72, '2026-12-07T10:00:00+01:00'],
    ['36 hours: a day and a half', '2026-12-10T10:00:00+01:00', 36, '2026-12-08T22:00:00+01:00'],
    ['across spring forward (23 real hours)', '2026-03-30T10:00:00+02:00', 24, '2026-03-29T10:00:00+02:00'],
    ['across spring forward into winter time', '2026-03-29T12:00:00+02:00', 24, '2026-03-28T12:00:00+01:00'],
    ['across fall back (25 real hours)', '2026-10-26T10:00:00+01:00', 24, '2026-10-25T10:00:00+01:00'],
    ['across fall back into summer time', '2026-10-25T12:00:00+01:00', 24, '2026-10-24T12:00:00+02:00'],
  ])('%s', (_, start, hours, expected) => {
    expect(toIso(changeDeadline(start, hours))).toBe(expected);
  });
});

describe('booking horizon', () => {
  it('ends at the end of the local day, also across DST', () => {
    expect(toIso(horizonEnd(at('2026-03-20T15:00'), 14))).toBe('2026-04-03T23:59:59.999+02:00');
    expect(toIso(horizonEnd(at('2026-10-20T15:00'), 7))).toBe('2026-10-27T23:59:59.999+01:00');
  });
});

describe('times read without luxon where the offset says it all', () => {
  // Any instant in 2000–2040, written as every time in the system is: local, with its offset.
  const instants = fc
    .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) })
    .map((ms) => toIso(DateTime.fromMillis(ms)));

  it('reads the local date, weekday and minute of the day as luxon does', () => {
    fc.assert(
      fc.property(instants, (iso) => {
        const dt = localTime(iso);
        expect(localFields(iso)).toEqual({
          date: dt.toISODate(),
          weekday: dt.weekday,
          minute: dt.hour * 60 + dt.minute,
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the instant as luxon does, with or without an offset', () => {
    fc.assert(
      fc.property(instants, (iso) => {
        expect(instantMillis(iso)).toBe(instant(iso).toMillis());
        const local = iso.slice(0, 19);
        expect(instantMillis(local)).toBe(instant(local).toMillis());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the zone with its offsets remembered', () => {
  const iana = IANAZone.create('Europe/Stockholm');
  // Instants anywhere in 2000–2040, and within an hour of each DST change of those years.
  const changes = Array.from({ length: 41 }, (_, i) => 2000 + i).flatMap((year) =>
    [2, 9].map((month) => {
      // The last Sunday of March and of October, at 01:00 UTC.
      const last = new Date(Date.UTC(year, month + 1, 0));
      return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
    }),
  );
  const instantsMs = fc.oneof(
    fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
    fc.tuple(fc.constantFrom(...changes), fc.integer({ min: -3_600_000, max: 3_600_000 })).map(([at, d]) => at + d),
  );

  it('gives the offset the IANA zone gives, also next to a DST change', () => {
    fc.assert(
      fc.property(instantsMs, (ms) => {
        expect(ZONE.offset(ms)).toBe(iana.offset(ms));
      }),
      { numRuns: 5000 },
    );
  });

  it('makes the same local times, days and deadlines as the IANA zone', () => {
    fc.assert(
      fc.property(instantsMs, fc.integer({ min: 0, max: 90 }), (ms, days) => {
        const ours = DateTime.fromMillis(ms, { zone: ZONE });
        const theirs = DateTime.fromMillis(ms, { zone: iana });
        expect(ours.toISO()).toBe(theirs.toISO());
        expect(ours.plus({ days }).endOf('day').toISO()).toBe(theirs.plus({ days }).endOf('day').toISO());
        const local = theirs.toISO()!.slice(0, 19);
        expect(DateTime.fromISO(local, { zone: ZONE }).toMillis()).toBe(
          DateTime.fromISO(local, { zone: iana }).toMillis(),
        );
      }),
      { numRuns: 3000 },
    );
  });
});

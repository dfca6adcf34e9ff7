import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockRange, filterSlots, type TimeWish } from '../../booking/slot-filter.js';
import type { Slot } from '../../booking/types.js';
import { cleanupTidboks, freshTidbok } from '../support/tidbok.js';

// The free-slot search asks the database for the wish (clock times, part of the day,
// weekday) and a limit; what it returns must be exactly what filtering every free slot
// in JavaScript gives, in the same order.

let env: ReturnType<typeof freshTidbok>;
let all: Slot[];
const SERVICE = 'fyrisdal-provtagning';
const FROM = '2026-12-01T00:00:00+01:00';
const TO = '2027-01-31T23:59:00+01:00';

beforeAll(async () => {
  env = freshTidbok();
  all = await env.tidbok.freeSlots({ careServiceId: SERVICE, from: FROM, to: TO });
});
afterAll(cleanupTidboks);

const clock = fc
  .tuple(fc.integer({ min: 6, max: 19 }), fc.constantFrom(0, 15, 30, 45))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const wish = fc.record(
  {
    timeFrom: clock,
    timeTo: clock,
    partOfDay: fc.constantFrom('morning' as const, 'afternoon' as const, 'evening' as const),
    weekday: fc.integer({ min: 1, max: 7 }),
  },
  { requiredKeys: [] },
);

describe('the free-slot search with the wish in the query', () => {
  it('has free times to search among', () => expect(all.length).toBeGreaterThan(100));

  it('returns exactly the slots the wish allows, in time order, up to the limit', async () => {
    await fc.assert(
      fc.asyncProperty(wish, fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }), async (w, limit) => {
        const found = await env.tidbok.freeSlots({
          careServiceId: SERVICE,
          from: FROM,
          to: TO,
          ...clockRange(w),
          ...(w.weekday ? { weekday: w.weekday } : {}),
          ...(limit ? { limit } : {}),
        });
        const expected = filterSlots(all, w as TimeWish);
        expect(found.map((s) => s.id)).toEqual(expected.slice(0, limit ?? expected.length).map((s) => s.id));
      }),
      { numRuns: 150 },
    );
  });

  it('writes one clock range for the stated times and the part of the day together', () => {
    expect(clockRange({})).toEqual({});
    expect(clockRange({ partOfDay: 'afternoon' })).toEqual({ timeFrom: '12:00', timeTo: '17:00' });
    expect(clockRange({ partOfDay: 'afternoon', timeFrom: '9:00' })).toEqual({ timeFrom: '12:00', timeTo: '17:00' });
    expect(clockRange({ partOfDay: 'morning', timeFrom: '9:30' })).toEqual({ timeFrom: '09:30', timeTo: '12:00' });
    expect(clockRange({ timeTo: '8:00' })).toEqual({ timeTo: '08:00' });
  });
});

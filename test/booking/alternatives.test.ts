import { describe, expect, it } from 'vitest';
import type { BookingService } from '../../booking/booking-service.js';
import { ALTERNATIVES, alternativesTo } from '../../booking/effects.js';
import type { ServiceOffer } from '../../booking/service-types.js';
import type { Slot } from '../../booking/types.js';
import { at, iso, rules, service, slot, unit } from '../support/fixtures.js';

// When the care service chosen has no free times, other units' care services of the same
// name are offered: a few, found among a bounded number of candidates, each asked for its
// first free time only. With 3,000 care services of the same name the search asks no more
// than ALTERNATIVES.candidates of them, whatever they answer.

const NOW = at('2026-12-01T09:00');

/** 3,000 units with a «Provtagning» each; those in `free` have a free time. */
function tidbok(free: (i: number) => boolean) {
  const offers: ServiceOffer[] = Array.from({ length: 3000 }, (_, i) => ({
    unit: unit({ hsaId: `U${i}`, name: `Vårdcentral ${i}` }),
    service: service({ id: `s${i}`, unitHsaId: `U${i}`, name: 'Provtagning' }),
    rules: rules(),
  }));
  const asked: { id: string; limit?: number }[] = [];
  const system = {
    bookableServices: () => Promise.resolve(offers),
    freeSlots: (
      _patient: string,
      purpose: { careServiceId?: string },
      _wish: unknown,
      _now: unknown,
      limit?: number,
    ) => {
      const id = purpose.careServiceId ?? '';
      asked.push({ id, limit });
      const found: Slot[] = free(Number(id.slice(1)))
        ? [slot({ id: `${id}@1`, careServiceId: id, start: iso('2026-12-02T08:00') })]
        : [];
      return Promise.resolve({ ok: true as const, value: found });
    },
  } as unknown as BookingService;
  return { system, asked };
}

describe('other units with free times, when the one chosen has none', () => {
  it('offers at most ALTERNATIVES.max, each asked for its first free time only', async () => {
    const { system, asked } = tidbok(() => true);
    const found = await alternativesTo(system, '191212121212', 's0', NOW);
    expect(found).toHaveLength(ALTERNATIVES.max);
    expect(found.map((a) => a.careServiceId)).not.toContain('s0');
    expect(found[0]).toMatchObject({ unitName: 'Vårdcentral 1', firstStart: iso('2026-12-02T08:00') });
    expect(asked.every((a) => a.limit === 1)).toBe(true);
    expect(asked).toHaveLength(ALTERNATIVES.max);
  });

  it('asks no more than ALTERNATIVES.candidates of 3,000 same-named services when none has a free time', async () => {
    const { system, asked } = tidbok(() => false);
    expect(await alternativesTo(system, '191212121212', 's0', NOW)).toEqual([]);
    expect(asked).toHaveLength(ALTERNATIVES.candidates);
  });

  it('finds the few with free times among the candidates, and none beyond them', async () => {
    const { system, asked } = tidbok((i) => i === 7 || i === 2500);
    const found = await alternativesTo(system, '191212121212', 's0', NOW);
    expect(found.map((a) => a.careServiceId)).toEqual(['s7']);
    expect(asked.length).toBeLessThanOrEqual(ALTERNATIVES.candidates);
  });
});

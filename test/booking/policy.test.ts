import { describe, expect, it } from 'vitest';
import { ageOf, exclusionOf, isVisibleUnit } from '../../booking/policy.js';
import { BOOK_CASES, CANCEL_CASES, nowOf, REBOOK_CASES, TERMS_CASES, type PolicyCase } from './policy-cases.js';
import { at, unit } from '../support/fixtures.js';

const outcome = (c: PolicyCase) => {
  const result = c.run(nowOf(c));
  return result.ok ? 'ok' : result.rejection.code;
};

describe('cancelling (avboka)', () => {
  it.each(CANCEL_CASES.map((c) => [c.name, c] as const))('%s', (_, c) => expect(outcome(c)).toBe(c.expected));
});

describe('rebooking (omboka)', () => {
  it.each(REBOOK_CASES.map((c) => [c.name, c] as const))('%s', (_, c) => expect(outcome(c)).toBe(c.expected));
});

describe('booking a slot (boka)', () => {
  it.each(BOOK_CASES.map((c) => [c.name, c] as const))('%s', (_, c) => expect(outcome(c)).toBe(c.expected));
});

describe('terms and reason', () => {
  it.each(TERMS_CASES.map((c) => [c.name, c] as const))('%s', (_, c) => expect(outcome(c)).toBe(c.expected));
});

describe('undantag', () => {
  it('never shows a confidential unit', () => {
    expect(isVisibleUnit(unit({ confidential: true }))).toBe(false);
    expect(isVisibleUnit(unit())).toBe(true);
  });

  it('excludes exactly the units outside the service', () => {
    const table: [Parameters<typeof unit>[0], string | null][] = [
      [{}, null],
      [{ kind: 'specialist', bookingSystem: 'RIS' }, null],
      [{ kind: 'emergency' }, 'emergency_unit'],
      [{ kind: 'drop-in' }, 'drop_in_unit'],
      [{ kind: 'maternity' }, 'maternity_unit'],
      [{ hasBookingBook: false }, 'unit_not_bookable'],
      [{ bookingSystem: 'Melior' }, 'system_not_connected'],
      [{ specialHandling: true }, 'special_handling'],
    ];
    for (const [over, expected] of table) expect(exclusionOf(unit(over))?.code ?? null).toBe(expected);
  });

  it('tells the resident the deadline that passed, as an instant in local time', () => {
    const late = CANCEL_CASES.find((c) => c.name === 'a booking at the 24 h deadline')!;
    expect(late.run(nowOf(late))).toMatchObject({
      ok: false,
      rejection: {
        code: 'too_late_to_cancel',
        deadline: '2026-12-09T10:00:00+01:00',
        hours: 24,
        unitName: 'Vårdcentralen Test',
      },
    });
  });
});

describe('age from a personnummer, on the local date', () => {
  it.each([
    ['201812122385', '2026-12-01T09:00', 7],
    ['201812122385', '2026-12-12T00:30', 8],
    ['201105052391', '2024-05-04T23:59', 12],
    ['201105052391', '2024-05-05T00:00', 13],
    ['201602292384', '2025-02-28T12:00', 8],
    ['201602292384', '2025-03-01T12:00', 9],
  ])('%s on %s is %i', (personnummer, when, age) => expect(ageOf(personnummer, at(when))).toBe(age));
});

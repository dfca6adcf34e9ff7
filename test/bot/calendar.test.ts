import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { calendarToken, icsOf, readCalendarToken, LINK_HOURS } from '../../bot/calendar.js';
import { summary } from '../support/machines.js';
import { shippedContent } from '../support/tidbok.js';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const NOW = Date.parse('2026-12-01T08:00:00Z');

/** The start of the one event in a calendar file, as local Stockholm time. */
function startOf(ics: string): DateTime {
  const event = new ICAL.Component(ICAL.parse(ics) as unknown[]).getFirstSubcomponent('vevent');
  const start = event?.getFirstPropertyValue('dtstart') as ICAL.Time;
  return DateTime.fromJSDate(start.toJSDate()).setZone('Europe/Stockholm');
}

describe('calendar links', () => {
  it('name one booking of one patient, and expire', () => {
    const token = calendarToken(SECRET, 'b1', '191212121212', NOW);
    expect(readCalendarToken(SECRET, token, NOW)).toEqual({ bookingId: 'b1', patientId: '191212121212' });
    expect(readCalendarToken(SECRET, token, NOW + LINK_HOURS * 3_600_000 + 1)).toBeUndefined();
  });

  it('refuse a changed or forged token', () => {
    const token = calendarToken(SECRET, 'b1', '191212121212', NOW);
    const raw = Buffer.from(token, 'base64url');
    for (const at of [0, 12, 20, raw.length - 1]) {
      const changed = Buffer.from(raw);
      changed[at] = (changed[at] ?? 0) ^ 1;
      expect(readCalendarToken(SECRET, changed.toString('base64url'), NOW)).toBeUndefined();
    }
    const unsealed = Buffer.from(JSON.stringify({ b: 'b1', p: '191111111111', e: NOW + 1e9 })).toString('base64url');
    expect(readCalendarToken(SECRET, unsealed, NOW)).toBeUndefined();
    expect(readCalendarToken('another-secret-of-thirty-two-characters!', token, NOW)).toBeUndefined();
    expect(readCalendarToken(SECRET, token.slice(0, -4), NOW)).toBeUndefined();
    expect(readCalendarToken(SECRET, 'nonsense', NOW)).toBeUndefined();
  });

  it('do not show whose booking it is to someone who sees the link', () => {
    const token = calendarToken(SECRET, 'tolvan-lakarbesok', '191212121212', NOW);
    const visible = `${token} ${Buffer.from(token, 'base64url').toString('latin1')}`;
    expect(visible).not.toContain('191212121212');
    expect(visible).not.toContain('tolvan-lakarbesok');
    // The same booking twice gives two different links.
    expect(calendarToken(SECRET, 'tolvan-lakarbesok', '191212121212', NOW)).not.toBe(token);
  });
});

describe('a booking as a calendar entry', () => {
  const texts = shippedContent().texts;

  it('has what, where and how to reach the unit', () => {
    const ics = icsOf(summary(), texts);
    const event = new ICAL.Component(ICAL.parse(ics) as unknown[]).getFirstSubcomponent('vevent');
    expect(event?.getFirstPropertyValue('summary')).toBe('Läkarbesök, Vårdcentralen Fyrisdal');
    expect(event?.getFirstPropertyValue('location')).toBe('Vårdcentralen Fyrisdal, Fyrisdalsvägen 12, 753 20 Uppsala');
    expect(String(event?.getFirstPropertyValue('description'))).toContain('018-611 00 01');
  });

  it('keeps the local time on both sides of a change to summer time', () => {
    const before = icsOf(summary({ start: '2027-03-26T10:00:00+01:00', end: '2027-03-26T10:30:00+01:00' }), texts);
    const after = icsOf(summary({ start: '2027-03-29T10:00:00+02:00', end: '2027-03-29T10:30:00+02:00' }), texts);
    expect(startOf(before).toFormat('yyyy-MM-dd HH:mm')).toBe('2027-03-26 10:00');
    expect(startOf(after).toFormat('yyyy-MM-dd HH:mm')).toBe('2027-03-29 10:00');
  });
});

import { DateTime } from 'luxon';
import { decodeOpeningHours } from '../booking/opening-hours.js';
import { writtenParts, ZONE, type WrittenParts } from '../booking/time.js';

// Swedish date and time style (DIGG webbriktlinjer 66, 1177): "tisdag 1 december kl. 9.30".
// Intl gives weekday and month names, but writes times with a colon ("9:30") in current
// ICU, so the time is written here by hand.

// Names from Intl once (1 January 2024 was a Monday); formatting with Intl on every call
// is the most expensive part of rendering a list of times.
const WEEKDAYS = Array.from({ length: 7 }, (_, i) =>
  new Intl.DateTimeFormat('sv-SE', { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + i)),
);
const MONTHS = Array.from({ length: 12 }, (_, i) =>
  new Intl.DateTimeFormat('sv-SE', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, i, 1)),
);

/** The local calendar parts of a time, as the formatters need them */
type LocalParts = Pick<WrittenParts, 'year' | 'month' | 'day' | 'hour' | 'minute' | 'weekday'>;

/**
 * Local date and clock time. Times in this system carry the Stockholm offset already
 * (+01:00 in winter, +02:00 in summer), so their parts are read straight from the text;
 * anything else (UTC, another offset, no offset) is converted to Stockholm time by luxon.
 */
function parse(value: string): LocalParts {
  const written = writtenParts(value);
  if (written && (!written.timed || written.offset === '+01:00' || written.offset === '+02:00')) return written;
  let dt = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? DateTime.fromISO(value, { zone: 'UTC' })
    : DateTime.fromISO(value, { setZone: true });
  if (!dt.isValid) throw new Error(`Not an ISO date or time: ${value}`);
  if (value.length > 10 && dt.offset !== 60 && dt.offset !== 120) dt = dt.setZone(ZONE);
  return dt;
}

const yearIn = (now: DateTime) => (now.zoneName === ZONE.name ? now.year : now.setZone(ZONE).year);

export function formatClock(dt: { hour: number; minute: number }): string {
  return `${dt.hour}.${String(dt.minute).padStart(2, '0')}`;
}

/** "tisdag 1 december"; the year is added when it is not the year of `now`. */
export function formatDate(value: string, now?: DateTime): string {
  const dt = parse(value);
  const year = now && yearIn(now) !== dt.year ? ` ${dt.year}` : '';
  return `${WEEKDAYS[dt.weekday - 1]} ${dt.day} ${MONTHS[dt.month - 1]}${year}`;
}

/** "kl. 9.30" */
export function formatTime(value: string): string {
  return `kl. ${formatClock(parse(value))}`;
}

/** "tisdag 1 december kl. 9.30" */
export function formatDateTime(value: string, now?: DateTime): string {
  return `${formatDate(value, now)} ${formatTime(value)}`;
}

/** "1 december" without weekday, for periods */
export function formatShortDate(value: string, now?: DateTime): string {
  const dt = parse(value);
  const year = now && yearIn(now) !== dt.year ? ` ${dt.year}` : '';
  return `${dt.day} ${MONTHS[dt.month - 1]}${year}`;
}

export const FORMATTERS = {
  date: formatDate,
  time: (v: string) => formatTime(v),
  datetime: formatDateTime,
  shortdate: formatShortDate,
  openinghours: (v: string) => formatOpeningHours(decodeOpeningHours(v)),
} as const;

export type FormatterName = keyof typeof FORMATTERS;

/** "8.00" from "08:00" */
const clockOf = (hhmm: string) => {
  const [h = '0', m = '00'] = hhmm.split(':');
  return `${Number(h)}.${m}`;
};

/** "måndag–fredag", "måndag och onsdag", "måndag, onsdag och fredag" */
function daysOf(weekdays: readonly number[]): string {
  const days = [...new Set(weekdays)].sort((a, b) => a - b);
  const name = (d: number) => WEEKDAYS[d - 1] ?? '';
  const first = days[0];
  const last = days.at(-1);
  if (first === undefined || last === undefined) return '';
  if (days.length >= 3 && last - first === days.length - 1) return `${name(first)}–${name(last)}`;
  const names = days.map(name);
  return names.length === 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} och ${names.at(-1) ?? ''}`;
}

/** Opening hours as a line: "måndag–torsdag 7.30–18.00, fredag 7.30–15.00"; all day every day is "dygnet runt". */
export function formatOpeningHours(hours: readonly { weekdays: number[]; from: string; to: string }[]): string {
  return hours
    .map((h) =>
      h.from === '00:00' && h.to === '23:59' && h.weekdays.length === 7
        ? 'dygnet runt'
        : `${daysOf(h.weekdays)} ${clockOf(h.from)}–${clockOf(h.to)}`,
    )
    .join(', ');
}

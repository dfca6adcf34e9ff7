import { DateTime } from 'luxon';

// Swedish date and time style (DIGG webbriktlinjer 66, 1177): "tisdag 1 december kl. 9.30".
// Intl gives weekday and month names, but writes times with a colon ("9:30") in current
// ICU, so the time is written here by hand.

const ZONE = 'Europe/Stockholm';

function parse(value: string): DateTime {
  const dt = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? DateTime.fromISO(value, { zone: ZONE })
    : DateTime.fromISO(value, { setZone: true }).setZone(ZONE);
  if (!dt.isValid) throw new Error(`Not an ISO date or time: ${value}`);
  return dt;
}

export function formatClock(dt: DateTime): string {
  return `${dt.hour}.${String(dt.minute).padStart(2, '0')}`;
}

/** "tisdag 1 december"; the year is added when it is not the year of `now`. */
export function formatDate(value: string, now?: DateTime): string {
  const dt = parse(value);
  const weekday = dt.setLocale('sv-SE').toFormat('cccc');
  const month = dt.setLocale('sv-SE').toFormat('LLLL');
  const year = now && now.setZone(ZONE).year !== dt.year ? ` ${dt.year}` : '';
  return `${weekday} ${dt.day} ${month}${year}`;
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
  const year = now && now.setZone(ZONE).year !== dt.year ? ` ${dt.year}` : '';
  return `${dt.day} ${dt.setLocale('sv-SE').toFormat('LLLL')}${year}`;
}

export const FORMATTERS = {
  date: formatDate,
  time: (v: string) => formatTime(v),
  datetime: formatDateTime,
  shortdate: formatShortDate,
} as const;

export type FormatterName = keyof typeof FORMATTERS;

import { DateTime, type Zone } from 'luxon';
import { STOCKHOLM } from './zone.js';

/** The zone of every local time (Europe/Stockholm), with its offsets remembered (zone.ts). */
export const ZONE: Zone = STOCKHOLM;

/** Parses an ISO instant; throws on malformed input, which is a bug or a corrupt store. */
export function instant(iso: string, zone: Zone | string = ZONE): DateTime {
  const dt = DateTime.fromISO(iso, { zone });
  if (!dt.isValid) throw new Error(`Invalid ISO time: ${iso} (${dt.invalidExplanation ?? dt.invalidReason})`);
  return dt;
}

const WITH_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?([+-]\d\d:\d\d|Z)$/;

/** Milliseconds since the epoch of an ISO instant: read directly when it carries its offset, else as `instant` reads it. */
export function instantMillis(iso: string, zone: Zone | string = ZONE): number {
  return WITH_OFFSET.test(iso) ? Date.parse(iso) : instant(iso, zone).toMillis();
}

/**
 * Parses an ISO time that carries its local (Stockholm) offset, as every time in this
 * system does, keeping that offset instead of computing the zone's rules again: the
 * same local date and clock time, many times cheaper when filtering hundreds of slots.
 */
export function localTime(iso: string): DateTime {
  const dt = DateTime.fromISO(iso, { setZone: true });
  if (!dt.isValid) throw new Error(`Invalid ISO time: ${iso}`);
  return dt;
}

/** The calendar and clock parts of an ISO date or time, as written in it. */
export interface WrittenParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
  /** Whether a clock time is written */
  timed: boolean;
  /** The offset written («+01:00», «Z»), if any */
  offset?: string;
}

const WRITTEN = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?([+-]\d{2}:\d{2}|Z)?)?$/;

/**
 * The parts as written in an ISO date or time, read from the text: every time in this
 * system carries its local offset, so the date and clock time written are the local ones
 * and no zone arithmetic is needed. Undefined for any other form or an impossible date.
 */
export function writtenParts(iso: string): WrittenParts | undefined {
  const m = WRITTEN.exec(iso);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59) return undefined;
  return {
    year,
    month,
    day,
    hour,
    minute,
    weekday: ((date.getUTCDay() + 6) % 7) + 1,
    timed: m[4] !== undefined,
    ...(m[6] ? { offset: m[6] } : {}),
  };
}

/** The local date, weekday (1 = Monday) and minute of the day of an ISO time, in its own offset. */
export interface LocalFields {
  date: string;
  weekday: number;
  minute: number;
}

/** The fields of an ISO time as luxon reads them with setZone; read from the text where it can be (writtenParts). */
export function localFields(iso: string): LocalFields {
  const w = writtenParts(iso);
  if (w?.timed) return { date: iso.slice(0, 10), weekday: w.weekday, minute: w.hour * 60 + w.minute };
  const dt = localTime(iso);
  return { date: dt.toISODate() ?? '', weekday: dt.weekday, minute: dt.hour * 60 + dt.minute };
}

/** Milliseconds since the epoch of an ISO time with an offset. */
export const epochMillis = (iso: string): number => Date.parse(iso);

/**
 * The latest moment a booking may be changed. «Avboka senast 24 timmar före» is read as
 * wall-clock time, the way a resident reads it: 24 h before Monday 10.00 is Sunday 10.00,
 * also across a DST change (where that is 23 or 25 real hours). Whole days are taken as
 * calendar days and the remainder as hours.
 */
export function changeDeadline(startIso: string, hours: number, zone: Zone | string = ZONE): DateTime {
  const key = `${startIso}|${hours}|${typeof zone === 'string' ? zone : zone.name}`;
  const known = deadlines.get(key);
  if (known) return known;
  const start = instant(startIso, zone);
  const days = Math.floor(hours / 24);
  const deadline = start.minus({ days }).minus({ hours: hours - days * 24 });
  // Zone arithmetic is costly and the answer never changes: remember a bounded number.
  if (deadlines.size >= 10_000) deadlines.clear();
  deadlines.set(key, deadline);
  return deadline;
}

const deadlines = new Map<string, DateTime>();

export function isBefore(a: DateTime, b: DateTime): boolean {
  return a.toMillis() < b.toMillis();
}

/** The first moment a new booking may start: minimum notice is real elapsed hours. */
export function earliestBookable(now: DateTime, minNoticeHours: number): DateTime {
  return now.plus({ milliseconds: minNoticeHours * 3_600_000 });
}

/** The end of the booking horizon: the end of the local day `days` calendar days ahead. */
export function horizonEnd(now: DateTime, days: number, zone: Zone | string = ZONE): DateTime {
  return now.setZone(zone).plus({ days }).endOf('day');
}

/** Start of a local date, as an instant. */
export function startOfLocalDate(isoDate: string, zone: Zone | string = ZONE): DateTime {
  return DateTime.fromISO(isoDate, { zone }).startOf('day');
}

export function endOfLocalDate(isoDate: string, zone: Zone | string = ZONE): DateTime {
  return DateTime.fromISO(isoDate, { zone }).endOf('day');
}

/** Canonical storage form: ISO with the local offset, seconds included, no millis. */
/** The local date after a local date («2026-12-31» → «2027-01-01»). */
export const nextDate = (isoDate: string): string =>
  DateTime.fromISO(isoDate, { zone: 'UTC' }).plus({ days: 1 }).toISODate() ?? isoDate;

export function toIso(dt: DateTime, zone: Zone | string = ZONE): string {
  const s = dt.setZone(zone).toISO({ suppressMilliseconds: true });
  if (s === null) throw new Error('Invalid DateTime');
  return s;
}

import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { createEvent } from 'ics';
import type { BookingSummary } from '../booking/views.js';
import type { Texts } from '../content/texts.js';

// «Lägg till i kalendern»: a booking as an iCalendar file (RFC 5545), served at a link
// that names one booking of one resident, is sealed by the bot, and expires. Times are
// written as UTC instants, so every calendar shows them in its own zone: a booking at
// 9.30 in Uppsala stays 9.30 across a change to or from summer time.

/** How long a calendar link works. */
export const LINK_HOURS = 24;

interface LinkClaims {
  /** Booking id */
  b: string;
  /** Whose booking: the resident, or the child acted for */
  p: string;
  /** Expiry, milliseconds since the epoch */
  e: number;
}

/** The key links are sealed with, from LINK_SECRET. */
const keyOf = (secret: string) => createHash('sha256').update(`calendar-link:${secret}`).digest();

/**
 * A link token for one booking of one patient, valid for LINK_HOURS from `nowMs`. The
 * claims are sealed (AES-256-GCM): nobody can change them, and nobody who sees the link
 * (a proxy's log, a shared screen) can read whose booking it is.
 */
export function calendarToken(secret: string, bookingId: string, patientId: string, nowMs: number): string {
  const claims: LinkClaims = { b: bookingId, p: patientId, e: nowMs + LINK_HOURS * 3_600_000 };
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(claims), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

/** The booking and patient a token names, if it is genuine and has not expired. */
export function readCalendarToken(
  secret: string,
  token: string,
  nowMs: number,
): { bookingId: string; patientId: string } | undefined {
  const raw = Buffer.from(token, 'base64url');
  if (raw.length < 12 + 16 + 2 || raw.length > 2048) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    const plain = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
    const claims = JSON.parse(plain.toString('utf8')) as Partial<LinkClaims>;
    if (typeof claims.b !== 'string' || typeof claims.p !== 'string' || typeof claims.e !== 'number') return undefined;
    return claims.e > nowMs ? { bookingId: claims.b, patientId: claims.p } : undefined;
  } catch {
    // Changed, cut short or sealed with another secret.
    return undefined;
  }
}

/** The booking as an .ics file: what, where (unit and address), how to reach the unit, what to bring. */
export function icsOf(booking: BookingSummary, texts: Texts): string {
  const bring = booking.instructionsKey ? texts.render(booking.instructionsKey) : undefined;
  const description = [
    booking.shownWith,
    texts.render('calendar.phone', { unit: booking.unitName, phone: booking.unitPhone }),
    bring,
  ]
    .filter(Boolean)
    .join('\n\n');
  const { error, value } = createEvent({
    uid: `${booking.id}@tidbokschatten`,
    productId: 'tidbokschatten',
    title: texts.render('calendar.title', { service: booking.serviceName, unit: booking.unitName }),
    start: Date.parse(booking.start),
    end: Date.parse(booking.end),
    startInputType: 'utc',
    startOutputType: 'utc',
    endInputType: 'utc',
    endOutputType: 'utc',
    location: [booking.unitName, booking.unitAddress].filter(Boolean).join(', '),
    description,
  });
  if (error || !value) throw new Error(`The calendar entry for ${booking.id} could not be written: ${String(error)}`);
  return value;
}

/** What serving calendar entries needs. */
export interface CalendarDeps {
  secret: string;
  /** The resident's (or child's) booking as the list shows it, if it is still booked */
  booking: (patientId: string, bookingId: string) => Promise<BookingSummary | undefined>;
  texts: () => Texts;
  nowMs: () => number;
}

/** The path of a booking's calendar entry (relative to the bot). */
export const calendarPath = (token: string) => `/api/calendar?t=${encodeURIComponent(token)}`;

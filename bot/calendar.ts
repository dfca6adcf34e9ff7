import { createHmac, timingSafeEqual } from 'node:crypto';
import { createEvent } from 'ics';
import type { BookingSummary } from '../booking/views.js';
import type { Texts } from '../content/texts.js';

// «Lägg till i kalendern»: a booking as an iCalendar file (RFC 5545), served at a link
// that names one booking of one resident, is signed by the bot, and expires. Times are
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

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

/** A link token for one booking of one patient, valid for LINK_HOURS from `nowMs`. */
export function calendarToken(secret: string, bookingId: string, patientId: string, nowMs: number): string {
  const claims: LinkClaims = { b: bookingId, p: patientId, e: nowMs + LINK_HOURS * 3_600_000 };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}~${sign(secret, payload)}`;
}

/** The booking and patient a token names, if it is genuine and has not expired. */
export function readCalendarToken(
  secret: string,
  token: string,
  nowMs: number,
): { bookingId: string; patientId: string } | undefined {
  const [payload = '', signature = ''] = token.split('~');
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<LinkClaims>;
    if (typeof claims.b !== 'string' || typeof claims.p !== 'string' || typeof claims.e !== 'number') return undefined;
    return claims.e > nowMs ? { bookingId: claims.b, patientId: claims.p } : undefined;
  } catch {
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

import { dayPart, filterSlots, isEmptyWish, timePart, type TimeWish } from '../booking/slot-filter.js';
import type { BookingSummary } from '../booking/views.js';
import { phraseHits, phraseOf } from '../content/words.js';
import type { Names, Understanding } from './events.js';

// Which of the resident's own bookings a message names: by care service or profession
// («läkarbesöket», «sjukgymnasten»), unit («på vårdcentralen»), performer («hos Anna
// Berg»), day and clock time («kl 11 på måndag»), or any mix. The words come from the
// bookings themselves (their service, unit and performer, with the synonyms in content);
// every part the message names must fit. When rebooking, a time after «till» is the wish
// for the new time, and a day names a booking only when one of them is on it.

/** Performer names are matched by their parts too («Anna», «Berg», «läkaren»), not «Leg.». */
const SHORTEST_NAME_PART = 3;

/** A performer's name whole and by its parts. */
const performerParts = (performer: string | undefined): string[] =>
  performer ? [performer, ...phraseOf(performer).filter((w) => w.length >= SHORTEST_NAME_PART)] : [];

function phrasesOf(b: BookingSummary): (readonly string[])[] {
  const { service, unit, performer } = b.names;
  return [...service, ...unit, ...performerParts(performer)].map(phraseOf).filter((p) => p.length > 0);
}

/** The one performer among these a message names («helst hos Anna Berg»), if exactly one. */
export function performerIn(performers: readonly string[], u: Understanding): string | undefined {
  const names = u.names;
  if (!names) return undefined;
  const fillers = new Set(names.fillers);
  const named = [...new Set(performers)].filter((p) =>
    performerParts(p).some((part) => phraseHits(names.words, phraseOf(part), fillers).length > 0),
  );
  return named.length === 1 ? named[0] : undefined;
}

/** The places in the message a booking's names cover. */
function covered(b: BookingSummary, names: Names): Set<number> {
  const fillers = new Set(names.fillers);
  const own = phrasesOf(b).flatMap((phrase) => phraseHits(names.words, phrase, fillers).flatMap((h) => h.real));
  const known = names.known
    .filter((k) => k.careServiceId === b.careServiceId || k.unitHsaId?.toLowerCase() === b.unitHsaId.toLowerCase())
    .flatMap((k) => k.at);
  return new Set([...own, ...known]);
}

/**
 * The bookings the names in a message fit, or undefined when it names nothing. A word
 * that names a care service or unit the bot knows counts even if no booking has it: «hos
 * tandläkaren» with no such booking fits none, rather than all.
 */
export function namedByWords(bookings: readonly BookingSummary[], u: Understanding): BookingSummary[] | undefined {
  const names = u.names ?? { words: [], fillers: [], known: [] };
  const byBooking = bookings.map((b) => ({ b, at: covered(b, names) }));
  const named = new Set([...names.known.flatMap((k) => k.at), ...byBooking.flatMap(({ at }) => [...at])]);
  if (named.size === 0) return undefined;
  return byBooking.filter(({ at }) => [...named].every((i) => at.has(i))).map(({ b }) => b);
}

export interface Naming {
  /** The message names a booking in some way (even one the resident does not have) */
  named: boolean;
  /** The bookings that fit everything it names (all of them when it names nothing) */
  fits: BookingSummary[];
  /** Only a day was named, and no booking is on it */
  onlyDay: boolean;
  /** For a rebooking: what is left of the message's time as the wish for the new time */
  wish: TimeWish;
}

/** Narrows by a part of a time, if the part names a booking; returns what is left as a wish. */
function byTime(fits: BookingSummary[], part: TimeWish, names: boolean) {
  if (isEmptyWish(part)) return { fits, used: false, left: {} };
  const on = filterSlots(fits, part);
  return names || on.length > 0 ? { fits: on, used: true, left: {} } : { fits, used: false, left: part };
}

export function bookingsNamed(
  bookings: readonly BookingSummary[],
  u: Understanding,
  action: 'cancel' | 'rebook',
): Naming {
  const byWords = namedByWords(bookings, u);
  const fits = byWords ?? [...bookings];
  // For a cancellation every time said names the booking; so does the time before «till».
  const time = action === 'rebook' ? (u.rebookWish?.booking ?? u.wish) : u.wish;
  const always = action === 'cancel' || u.rebookWish !== undefined;
  const day = byTime(fits, dayPart(time), always);
  const clock = byTime(day.fits, timePart(time), always);
  const wanted = u.rebookWish?.wanted ?? { ...day.left, ...clock.left };
  return {
    named: byWords !== undefined || day.used || clock.used,
    fits: clock.fits,
    onlyDay: byWords === undefined && day.used && !clock.used && clock.fits.length === 0,
    wish: action === 'rebook' ? wanted : {},
  };
}

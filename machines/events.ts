import { isEmptyWish, type TimeWish } from '../booking/slot-filter.js';

// Events the dialogs layer sends to machines, derived from what the resident typed or
// clicked. A machine that does not accept an event in its current state lets the
// dialogs layer re-prompt.

export type Intent =
  | 'view'
  | 'cancel'
  | 'rebook'
  | 'book'
  | 'book-invitation'
  | 'guided'
  | 'help'
  | 'abort'
  | 'restart'
  | 'menu'
  | 'yes'
  | 'no'
  | 'back'
  | 'change'
  | 'ask-unit'
  | 'ask-cost'
  | 'thanks'
  | 'logout'
  | 'greeting'
  /** Two intents are close: the bot asks which one, with both as buttons */
  | 'unclear'
  /** Nothing fits: the bot says what it can do */
  | 'unknown';

/** An intent the bot can act on (not "unclear" or "unknown"). */
export type KnownIntent = Exclude<Intent, 'unclear' | 'unknown'>;

/** A date the resident named that cannot be used as it is. */
export type DateProblem = { kind: 'invalid-date'; text: string } | { kind: 'past-date'; date: string };

/** A message's words as names: which only fill (tid, hos, min), and which name something the bot knows. */
export interface Names {
  /** Normalized words */
  words: string[];
  /** Positions of words that never name anything alone */
  fillers: number[];
  /** Words that name a care service or unit the bot knows, and which */
  known: { at: number[]; careServiceId?: string; unitHsaId?: string }[];
}

export type ChildKind = 'daughter' | 'son';

export interface Understanding {
  intent: Intent;
  /** The classifier's score for the best intent, 0–1 */
  confidence?: number;
  /** When unclear: the intents to ask between, best first */
  alternatives?: KnownIntent[];
  /** The language the message is written in; an English one gets an English note */
  language?: 'sv' | 'en';
  wish: TimeWish;
  /** Set when the resident asked for «så tidigt som möjligt» */
  earliest?: boolean;
  /** Rebooking «till torsdag»: the time that names the booking, and the time wished for the new one */
  rebookWish?: { booking: TimeWish; wanted: TimeWish };
  unitHsaIds: string[];
  careServiceIds: string[];
  /** The message's words, for finding what it names among the resident's own bookings */
  names?: Names;
  /** Who the time should be with: the same as before («samma läkare») or anyone («vem som helst») */
  performer?: 'same' | 'any';
  /** The errand is for a child of the resident's («åt min dotter») */
  forChild?: boolean;
  /** «min dotter», «min son»: which kind of child */
  childKind?: ChildKind;
  /** «min mammas tid», «åt min man»: the errand is another adult's */
  forOtherAdult?: boolean;
  /** «för mig själv»: the errand is for the resident, not for a child */
  forSelf?: boolean;
  /** «vet inte», «kanske»: all the message says is that the resident is not sure */
  unsure?: boolean;
  /** «lillas tid»: the child of the resident's named by given name (personnummer) */
  childId?: string;
  /** A thank-you that is also a goodbye («tack, hej då») */
  goodbye?: boolean;
  /** A second wish in the same message, to follow this one («… och boka en ny») */
  next?: Understanding;
  problems?: DateProblem[];
}

export type UserEvent =
  | { type: 'user.chose'; value: string }
  | { type: 'user.confirmed' }
  | { type: 'user.declined' }
  | { type: 'user.text'; text: string }
  | { type: 'user.said'; text: string; understanding: Understanding }
  | { type: 'user.number'; value: number }
  /** "tillbaka": one question back */
  | { type: 'user.back' }
  /** «ändra svar»: choose an earlier answer to change */
  | { type: 'user.change' };

export const hasWish = (u: Understanding): boolean => !isEmptyWish(u.wish) || u.earliest === true;

import type { DateTime } from 'luxon';
import type { TimeWish } from '../booking/slot-filter.js';
import type { Intent, Understanding } from '../machines/events.js';
import type { Lexicon, Phrase } from './lexicon.js';
import { findPhrase, normalize, tokens } from './normalize.js';
import { parseDates, type DateProblem } from './when-dates.js';
import { parseTimes } from './when-times.js';

// What a message means at the top level: the intent, any wished time, and units and
// care services it names. The same function serves the bot and `npm run understand`.

export interface FullUnderstanding extends Understanding {
  problems: DateProblem[];
}


/** The intent whose longest phrase matches; ties go to the order in the lexicon. */
export function intentOf(words: readonly string[], lex: Lexicon): Intent {
  let best: { intent: Intent; length: number } = { intent: 'unknown', length: 0 };
  for (const { intent, phrases } of lex.intents) {
    for (const p of phrases) {
      if (p.length > best.length && findPhrase(words, p) >= 0) best = { intent, length: p.length };
    }
  }
  return best.intent;
}

/** The message without polite padding, for telling a bare command ("avbryt") from a sentence. */
export const contentWords = (words: readonly string[], lex: Lexicon): string[] => words.filter((w) => !lex.padding.has(w));

const matching = <T extends { phrases: Phrase[] }>(items: readonly T[], words: readonly string[]) =>
  items.filter((item) => item.phrases.some((p) => findPhrase(words, p) >= 0));

export function understand(text: string, now: DateTime, lex: Lexicon): FullUnderstanding {
  const normalized = normalize(text);
  const words = tokens(normalized);
  const dates = parseDates(words, normalized, now.setZone('Europe/Stockholm'), lex);
  const times = parseTimes(words, lex);
  const wish: TimeWish = {};
  if (dates.dateFrom) wish.dateFrom = dates.dateFrom;
  if (dates.dateTo) wish.dateTo = dates.dateTo;
  if (dates.weekday) wish.weekday = dates.weekday;
  if (times.timeFrom) wish.timeFrom = times.timeFrom;
  if (times.timeTo) wish.timeTo = times.timeTo;
  if (times.partOfDay) wish.partOfDay = times.partOfDay;
  const careServiceIds = matching(lex.services, words).map((s) => s.id);
  const intent = intentOf(words, lex);
  return {
    // Naming something bookable ("jag vill ge blod") is a wish to book it.
    intent: intent === 'unknown' && careServiceIds.length > 0 ? 'book' : intent,
    wish,
    ...(times.earliest ? { earliest: true } : {}),
    unitHsaIds: matching(lex.units, words).map((u) => u.hsaId),
    careServiceIds,
    problems: dates.problems,
  };
}

import type { DateTime } from 'luxon';
import type { TimeWish } from '../booking/slot-filter.js';
import type { Intent, Understanding } from '../machines/events.js';
import { readIntent } from './intent-reading.js';
import { languageOf } from './language.js';
import type { Lexicon, Phrase } from './lexicon.js';
import { findPhrase, normalize, tokens } from './normalize.js';
import type { UnderstandingModel } from './understanding-model.js';
import { parseDates, type DateProblem } from './when-dates.js';
import { parseTimes } from './when-times.js';

// What a message means at the top level: the intent (learned from the editors' examples,
// with how sure the bot is), any wished time, the units and care services it names, and
// its language. The same function serves the bot and `npm run understand`.

export interface FullUnderstanding extends Understanding {
  problems: DateProblem[];
}

const matching = <T extends { phrases: Phrase[] }>(items: readonly T[], words: readonly string[]) =>
  items.filter((item) => item.phrases.some((p) => findPhrase(words, p) >= 0));

function wishOf(words: readonly string[], normalized: string, now: DateTime, lex: Lexicon) {
  const dates = parseDates(words, normalized, now.setZone('Europe/Stockholm'), lex);
  const times = parseTimes(words, lex);
  const wish: TimeWish = {};
  if (dates.dateFrom) wish.dateFrom = dates.dateFrom;
  if (dates.dateTo) wish.dateTo = dates.dateTo;
  if (dates.weekday) wish.weekday = dates.weekday;
  if (times.timeFrom) wish.timeFrom = times.timeFrom;
  if (times.timeTo) wish.timeTo = times.timeTo;
  if (times.partOfDay) wish.partOfDay = times.partOfDay;
  return { wish, earliest: times.earliest, problems: dates.problems };
}

export async function understand(text: string, now: DateTime, model: UnderstandingModel): Promise<FullUnderstanding> {
  const lex = model.lexicon;
  const normalized = normalize(text);
  const words = tokens(normalized);
  const { wish, earliest, problems } = wishOf(words, normalized, now, lex);
  const careServiceIds = matching(lex.services, words).map((s) => s.id);
  const reading = readIntent(await model.intents.classify(text));
  let intent: Intent = reading.kind === 'sure' ? reading.intent : reading.kind === 'unclear' ? 'unclear' : 'unknown';
  // Naming something bookable and nothing else («provtagning på Fyrisdal») is a wish to book it.
  if (intent === 'unknown' && careServiceIds.length > 0) intent = 'book';
  return {
    intent,
    confidence: Number(reading.confidence.toFixed(3)),
    ...(reading.kind === 'unclear' ? { alternatives: reading.alternatives } : {}),
    language: languageOf(text),
    wish,
    ...(earliest ? { earliest: true } : {}),
    unitHsaIds: matching(lex.units, words).map((u) => u.hsaId),
    careServiceIds,
    problems,
  };
}

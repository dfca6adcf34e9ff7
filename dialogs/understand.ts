import { unsureSaid } from './button-words.js';
import type { DateTime } from 'luxon';
import { isEmptyWish, type TimeWish } from '../booking/slot-filter.js';
import { ZONE } from '../booking/time.js';
import { findPhrase, named, normalize, sameWord, tokens } from '../content/words.js';
import type { ChildKind, Intent, Names, Understanding } from '../machines/events.js';
import { readIntent } from './intent-reading.js';
import { rememberedPerDay } from './recent.js';
import { languageOf } from './language.js';
import type { Lexicon, Phrase } from './lexicon.js';
import type { UnderstandingModel } from './understanding-model.js';
import { parseDates, type DateProblem } from './when-dates.js';
import { parseTimes } from './when-times.js';

// What a message means at the top level: the intent (learned from the editors' examples,
// with how sure the bot is), any wished time, the units and care services it names, and
// its language. A message that asks two things («avboka tiden på måndag och boka en ny»)
// is read as two, in order; a move «till torsdag» keeps the new day apart from the booking's.
// The same function serves the bot and `npm run understand`.

export interface FullUnderstanding extends Understanding {
  problems: DateProblem[];
}

/** The errands a second wish in the same message may be. */
const ERRANDS: readonly Intent[] = ['view', 'cancel', 'rebook', 'book', 'book-invitation', 'guided'];

function wishOf(words: readonly string[], now: DateTime, lex: Lexicon) {
  const dates = parseDates(words, words.join(' '), now.setZone(ZONE), lex);
  const times = parseTimes(words, lex);
  const wish: TimeWish = {};
  if (dates.dateFrom) wish.dateFrom = dates.dateFrom;
  if (dates.dateTo) wish.dateTo = dates.dateTo;
  if (dates.weekday) wish.weekday = dates.weekday;
  if (dates.notWeekday) wish.notWeekday = dates.notWeekday;
  if (times.timeFrom) wish.timeFrom = times.timeFrom;
  if (times.timeTo) wish.timeTo = times.timeTo;
  if (times.partOfDay) wish.partOfDay = times.partOfDay;
  return { wish, earliest: times.earliest, problems: dates.problems };
}

/** Where a phrase of the list begins at word `i`, and how many words it takes. */
function phraseAt(words: readonly string[], i: number, phrases: readonly Phrase[]): number {
  const rest = words.slice(i);
  return Math.max(0, ...phrases.filter((p) => findPhrase(rest, p) === 0).map((p) => p.length));
}

/** Whether word `i` is the end of a range («från måndag till onsdag», «mellan 8 till 10»). */
function endsRange(words: readonly string[], i: number, lex: Lexicon): boolean {
  const before = words.slice(Math.max(0, i - 3), i);
  return [...lex.phrases.between, ...lex.phrases.afterTime].some((p) => findPhrase(before, p) >= 0);
}

/**
 * «flytta min läkartid till torsdag eftermiddag»: the time before «till» names the booking,
 * the time after it is the wish for the new one. Only when something after «till» is a time.
 */
function newTimeSplit(words: readonly string[], now: DateTime, lex: Lexicon): Understanding['rebookWish'] {
  for (let i = 1; i < words.length; i++) {
    const length = phraseAt(words, i, lex.split.newTime);
    if (length === 0 || endsRange(words, i, lex)) continue;
    const wanted = wishOf(words.slice(i + length), now, lex).wish;
    if (isEmptyWish(wanted)) continue;
    return { booking: wishOf(words.slice(0, i), now, lex).wish, wanted };
  }
  return undefined;
}

interface Read {
  understanding: FullUnderstanding;
  /** The examples alone, not a name, made the intent */
  learned: boolean;
}

/** «min dotter» or «min son»: which kind of child is meant, when one is said. */
function childKindIn(words: readonly string[], lex: Lexicon): { childKind?: ChildKind } {
  const daughter = words.some((w) => lex.childKinds.daughter.has(w));
  const son = words.some((w) => lex.childKinds.son.has(w));
  return daughter === son ? {} : { childKind: daughter ? 'daughter' : 'son' };
}

/** «min lilla dotter», «vår äldsta son»: an owner word, at most one word, then a word for a child. */
function ownChild(words: readonly string[], lex: Lexicon): boolean {
  const kind = (w: string | undefined) =>
    w !== undefined && (lex.childKinds.daughter.has(w) || lex.childKinds.son.has(w));
  return words.some((w, i) => lex.childOwners.has(w) && (kind(words[i + 1]) || kind(words[i + 2])));
}

/** Whom the errand is for, when the message says: a child, another adult, or the resident («för mig själv»). */
function forWhom(words: readonly string[], lex: Lexicon): Partial<FullUnderstanding> {
  const says = (phrases: readonly Phrase[]) => phrases.some((p) => findPhrase(words, p) >= 0);
  if (says(lex.forChild) || ownChild(words, lex)) return { forChild: true, ...childKindIn(words, lex) };
  if (says(lex.forOtherAdult)) return { forOtherAdult: true };
  return says(lex.forSelf) ? { forSelf: true } : {};
}

/**
 * How many of a message's words are kept as names. The understanding is kept with the
 * errand, so a long story would make every stored conversation large; a booking is named
 * in the first sentences, and one named later is asked about instead.
 */
export const NAMES_MAX_WORDS = 80;

/** The first NAMES_MAX_WORDS words as names, professions read as their title («doktorn» as «läkare»). */
function namesIn(words: readonly string[], fillers: readonly number[], known: Names['known'], lex: Lexicon): Names {
  const kept = words.slice(0, NAMES_MAX_WORDS);
  return {
    words: kept.map((w) => lex.professions.find((p) => p.others.some((o) => sameWord(w, o)))?.title ?? w),
    fillers: fillers.filter((i) => i < kept.length),
    known: known.filter((k) => k.at.every((i) => i < kept.length)),
  };
}

async function read(text: string, now: DateTime, model: UnderstandingModel): Promise<Read> {
  const lex = model.lexicon;
  const words = tokens(normalize(text));
  const { wish, earliest, problems } = wishOf(words, now, lex);
  const fillers = words.flatMap((w, i) => (lex.generic.has(w) || lex.padding.has(w) ? [i] : []));
  const filler = new Set(fillers);
  const services = named(lex.services, words, (s) => s.phrases, filler);
  const units = named(lex.units, words, (u) => u.phrases, filler);
  const careServiceIds = services.items.map((s) => s.id);
  const reading = readIntent(await model.intents.classify(text));
  let intent: Intent = reading.kind === 'sure' ? reading.intent : reading.kind === 'unclear' ? 'unclear' : 'unknown';
  // Naming something bookable and nothing else («provtagning på Fyrisdal») is a wish to book it.
  if (intent === 'unknown' && careServiceIds.length > 0) intent = 'book';
  const rebookWish = newTimeSplit(words, now, lex);
  const goodbye = intent === 'thanks' && lex.goodbye.some((p) => findPhrase(words, p) >= 0);
  const says = (phrases: readonly Phrase[]) => phrases.some((p) => findPhrase(words, p) >= 0);
  const performer = says(lex.performer.any) ? 'any' : says(lex.performer.same) ? 'same' : undefined;
  const understanding: FullUnderstanding = {
    intent,
    confidence: Number(reading.confidence.toFixed(3)),
    ...(reading.kind === 'unclear' ? { alternatives: reading.alternatives } : {}),
    language: languageOf(text),
    wish,
    ...(earliest ? { earliest: true } : {}),
    ...(rebookWish ? { rebookWish } : {}),
    ...(goodbye ? { goodbye } : {}),
    ...(unsureSaid(words, lex) ? { unsure: true } : {}),
    ...(performer ? { performer } : {}),
    ...forWhom(words, lex),
    unitHsaIds: units.items.map((u) => u.hsaId),
    careServiceIds,
    names: namesIn(
      words,
      fillers,
      [
        ...services.hits.map((h) => ({ at: h.real, careServiceId: h.item.id })),
        ...units.hits.map((h) => ({ at: h.real, unitHsaId: h.item.hsaId })),
      ],
      lex,
    ),
    problems,
  };
  return { understanding, learned: reading.kind === 'sure' };
}

const isErrand = (r: Read) => r.learned && ERRANDS.includes(r.understanding.intent);

/** The message as two wishes, split where both halves read as errands of their own. */
async function twoWishes(text: string, now: DateTime, model: UnderstandingModel) {
  const words = tokens(normalize(text));
  for (let i = 2; i < words.length - 1; i++) {
    const length = phraseAt(words, i, model.lexicon.split.nextWish);
    if (length === 0) continue;
    const [a, b] = await Promise.all([
      read(words.slice(0, i).join(' '), now, model),
      read(words.slice(i + length).join(' '), now, model),
    ]);
    // «avboka läkartiden och provtagningen» is one wish: the second half must ask for something itself.
    if (isErrand(a) && isErrand(b)) return { first: a.understanding, second: b.understanding };
  }
  return undefined;
}

/** What a message means, read afresh (understand below remembers short ones). */
export async function understandAfresh(
  text: string,
  now: DateTime,
  model: UnderstandingModel,
): Promise<FullUnderstanding> {
  const whole = (await read(text, now, model)).understanding;
  if (!ERRANDS.includes(whole.intent) && whole.intent !== 'unclear') return whole;
  const both = await twoWishes(text, now, model);
  if (!both) return whole;
  const { problems: later, ...next } = both.second;
  return { ...both.first, problems: [...both.first.problems, ...later], next };
}

/** What a message means, as data (frozen: the same answer is shared by everyone who sends the same short message). */
export const understand: (text: string, now: DateTime, model: UnderstandingModel) => Promise<FullUnderstanding> =
  rememberedPerDay(understandAfresh);

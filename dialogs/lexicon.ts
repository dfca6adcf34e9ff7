import type { Content } from '../content/load.js';
import type { LanguageFile } from '../content/language-schema.js';
import type { EmergencyCategory } from '../content/schemas.js';
import { normalize, tokens } from '../content/words.js';
import type { OpeningHours } from '../booking/types.js';
import { addressOf } from '../booking/views.js';
import type { Holiday } from './holidays.js';

/** What a resident may ask about a unit. */
export type UnitAspect = 'address' | 'phone' | 'hours' | 'web';

export interface UnitFacts {
  hsaId: string;
  name: string;
  phone: string;
  /** Street, postal code and town on one line */
  address?: string;
  openingHours?: OpeningHours[];
  web?: string;
}

// The language content, compiled once: every phrase as normalized words, ready to match.

export type Phrase = string[];

export interface Lexicon {
  padding: Set<string>;
  weekdays: Map<string, number>;
  months: Map<string, number>;
  numbers: Map<string, number>;
  /** «sista»: the last of a list */
  lastWords: Set<string>;
  /** Words that make a yes no yes: «ja fast …», «ja eller vänta» */
  hedges: Set<string>;
  /** «vänta», «ett ögonblick»: a moment asked for, nothing else */
  pause: Phrase[];
  /** «vet inte», «kanske»: an answer the resident is not sure of */
  unsure: Phrase[];
  /** «fredags» (in «i fredags»): a day that has passed, never a wish */
  pastWeekdays: Set<string>;
  /** Words of clock times as they are said: «halv tio», «kvart över nio» */
  spokenClock: { half: Set<string>; quarter: Set<string>; past: Set<string>; to: Set<string>; firstHour: number };
  ordinals: Map<string, number>;
  relativeDays: { phrase: Phrase; days: number }[];
  partsOfDay: { part: 'morning' | 'afternoon' | 'evening'; phrases: Phrase[] }[];
  phrases: Record<Exclude<keyof LanguageFile['phrases'], 'lunchEnds' | 'lunchStarts'>, Phrase[]>;
  lunchEnds: string;
  lunchStarts: string;
  /** Words that never name a service, unit or booking on their own */
  generic: Set<string>;
  split: { newTime: Phrase[]; nextWish: Phrase[] };
  goodbye: Phrase[];
  /** Single words that say yes or no («jaa», «nope») */
  answerWords: { yes: Set<string>; no: Set<string> };
  performer: { same: Phrase[]; any: Phrase[] };
  forChild: Phrase[];
  /** «för mig själv»: the errand is for the resident, not a child */
  forSelf: Phrase[];
  /** «min mammas tid», «åt min man»: another adult's errand, which the resident cannot do */
  forOtherAdult: Phrase[];
  /** «jul», «mellandagarna», «påsk»: days named by a holiday */
  holidays: Holiday[];
  /** «min», «vår»: before a word for a child, with at most one word between («min lilla dotter») */
  childOwners: Set<string>;
  /** Words for a daughter and a son */
  childKinds: { daughter: Set<string>; son: Set<string> };
  /** Other names of a profession, to the word in performers' titles («syster» → «sjuksköterska») */
  professions: { title: string; others: string[] }[];
  unitQuestions: Record<UnitAspect, Phrase[]>;
  /** Other words for buttons, by the button's text key, and the asking words that may stand around them */
  buttons: { asking: Set<string>; words: Map<string, Phrase[]> };
  /** The units residents may ask about, with what they may ask */
  units: (UnitFacts & { phrases: Phrase[] })[];
  /** Red flags that get the emergency advice at once, and harmless look-alikes */
  emergency: { categories: { category: EmergencyCategory; phrases: Phrase[] }[]; notEmergency: Phrase[] };
  services: { id: string; unitHsaId: string; phrases: Phrase[] }[];
}

const phrase = (text: string): Phrase => tokens(normalize(text));
const phrasesOf = (list: readonly string[]): Phrase[] => list.map(phrase).filter((p) => p.length > 0);

/** Names as written, and without their generic words: «Rättspsykiatriska mottagningen Uppsala» is also «rättspsykiatriska». */
function namePhrases(list: readonly string[], generic: ReadonlySet<string>): Phrase[] {
  return phrasesOf(list).flatMap((p) => {
    const distinct = p.filter((w) => !generic.has(w));
    return distinct.length > 0 && distinct.length < p.length ? [p, distinct] : [p];
  });
}

function wordMap(record: Record<string, readonly string[]>): Map<string, number> {
  const map = new Map<string, number>();
  for (const [n, words] of Object.entries(record)) for (const w of words) map.set(normalize(w), Number(n));
  return map;
}

const numberMap = (record: Record<string, number>) =>
  new Map(Object.entries(record).map(([w, n]) => [normalize(w), n]));

export function compileLexicon(content: Pick<Content, 'language' | 'units' | 'emergency'>): Lexicon {
  const lang = content.language;
  const visible = content.units.filter((u) => !u.confidential);
  const generic = new Set(lang.generic.map(normalize));
  const { lunchEnds, lunchStarts, ...phraseLists } = lang.phrases;
  return {
    padding: new Set(lang.padding.map(normalize)),
    weekdays: wordMap(lang.weekdays),
    months: wordMap(lang.months),
    numbers: numberMap(lang.numbers),
    lastWords: new Set(lang.last.map(normalize)),
    hedges: new Set(lang.hedges.map(normalize)),
    pause: phrasesOf(lang.pause),
    unsure: phrasesOf(lang.unsure),
    pastWeekdays: new Set(lang.pastWeekdays.map(normalize)),
    spokenClock: {
      half: new Set(lang.spokenClock.half.map(normalize)),
      quarter: new Set(lang.spokenClock.quarter.map(normalize)),
      past: new Set(lang.spokenClock.past.map(normalize)),
      to: new Set(lang.spokenClock.to.map(normalize)),
      firstHour: lang.spokenClock.firstHour,
    },
    ordinals: numberMap(lang.ordinals),
    relativeDays: Object.entries(lang.relativeDays).map(([p, days]) => ({ phrase: phrase(p), days })),
    partsOfDay: (['morning', 'afternoon', 'evening'] as const).map((part) => ({
      part,
      phrases: phrasesOf(lang.partsOfDay[part]),
    })),
    phrases: Object.fromEntries(Object.entries(phraseLists).map(([k, v]) => [k, phrasesOf(v)])) as Lexicon['phrases'],
    lunchEnds,
    lunchStarts,
    emergency: {
      // Suicidal thoughts are sought first: «vill sluta andas» gets the crisis advice, not the breathing one.
      categories: Object.entries(content.emergency.categories)
        .map(([category, c]) => ({ category: category as EmergencyCategory, phrases: phrasesOf(c.phrases) }))
        .sort((a, b) => Number(b.category === 'suicide') - Number(a.category === 'suicide')),
      notEmergency: phrasesOf(content.emergency.notEmergency.phrases),
    },
    generic,
    split: { newTime: phrasesOf(lang.split.newTime), nextWish: phrasesOf(lang.split.nextWish) },
    goodbye: phrasesOf(lang.goodbye),
    answerWords: { yes: new Set(lang.answerWords.yes.map(normalize)), no: new Set(lang.answerWords.no.map(normalize)) },
    performer: { same: phrasesOf(lang.performer.same), any: phrasesOf(lang.performer.any) },
    forChild: phrasesOf(lang.forChild),
    forSelf: phrasesOf(lang.forSelf),
    forOtherAdult: phrasesOf(lang.forOtherAdult),
    holidays: lang.holidays.map((h) => ({ phrases: phrasesOf(h.words), from: h.from, ...(h.to ? { to: h.to } : {}) })),
    childOwners: new Set(lang.childOwners.map(normalize)),
    childKinds: {
      daughter: new Set(lang.childKinds.daughter.map(normalize)),
      son: new Set(lang.childKinds.son.map(normalize)),
    },
    professions: Object.entries(lang.professions).map(([title, others]) => ({
      title: normalize(title),
      others: others.map(normalize),
    })),
    unitQuestions: {
      address: phrasesOf(lang.unitQuestions.address),
      phone: phrasesOf(lang.unitQuestions.phone),
      hours: phrasesOf(lang.unitQuestions.hours),
      web: phrasesOf(lang.unitQuestions.web),
    },
    buttons: {
      asking: new Set(lang.buttons.asking.map(normalize)),
      words: new Map(Object.entries(lang.buttons.words).map(([key, list]) => [key, phrasesOf(list)])),
    },
    units: visible.map((u) => {
      const address = addressOf(u);
      return {
        hsaId: u.hsaId,
        name: u.name,
        phone: u.phone,
        ...(address ? { address } : {}),
        ...(u.openingHours ? { openingHours: u.openingHours } : {}),
        ...(u.web ? { web: u.web } : {}),
        phrases: namePhrases([u.name, ...u.synonyms], generic),
      };
    }),
    services: visible.flatMap((u) =>
      u.services.map((s) => ({ id: s.id, unitHsaId: u.hsaId, phrases: namePhrases([s.name, ...s.synonyms], generic) })),
    ),
  };
}

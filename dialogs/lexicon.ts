import type { Content } from '../content/load.js';
import type { EmergencyCategory, LanguageFile } from '../content/schemas.js';
import { normalize, tokens } from './normalize.js';

// The language content, compiled once: every phrase as normalized words, ready to match.

export type Phrase = string[];

export interface Lexicon {
  padding: Set<string>;
  weekdays: Map<string, number>;
  months: Map<string, number>;
  numbers: Map<string, number>;
  ordinals: Map<string, number>;
  relativeDays: { phrase: Phrase; days: number }[];
  partsOfDay: { part: 'morning' | 'afternoon' | 'evening'; phrases: Phrase[] }[];
  phrases: Record<Exclude<keyof LanguageFile['phrases'], 'lunchEnds' | 'lunchStarts'>, Phrase[]>;
  lunchEnds: string;
  lunchStarts: string;
  units: { hsaId: string; phrases: Phrase[] }[];
  /** Red flags that get the emergency advice at once, and harmless look-alikes */
  emergency: { categories: { category: EmergencyCategory; phrases: Phrase[] }[]; notEmergency: Phrase[] };
  services: { id: string; unitHsaId: string; phrases: Phrase[] }[];
}

const phrase = (text: string): Phrase => tokens(normalize(text));
const phrasesOf = (list: readonly string[]): Phrase[] => list.map(phrase).filter((p) => p.length > 0);

function wordMap(record: Record<string, readonly string[]>): Map<string, number> {
  const map = new Map<string, number>();
  for (const [n, words] of Object.entries(record)) for (const w of words) map.set(normalize(w), Number(n));
  return map;
}

const numberMap = (record: Record<string, number>) =>
  new Map(Object.entries(record).map(([w, n]) => [normalize(w), n]));

export function compileLexicon(content: Pick<Content, 'language' | 'units' | 'emergency'>): Lexicon {
  const lang = content.language;
  const { lunchEnds, lunchStarts, ...phraseLists } = lang.phrases;
  return {
    padding: new Set(lang.padding.map(normalize)),
    weekdays: wordMap(lang.weekdays),
    months: wordMap(lang.months),
    numbers: numberMap(lang.numbers),
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
      categories: Object.entries(content.emergency.categories).map(([category, c]) => ({
        category: category as EmergencyCategory,
        phrases: phrasesOf(c.phrases),
      })),
      notEmergency: phrasesOf(content.emergency.notEmergency.phrases),
    },
    units: content.units
      .filter((u) => !u.confidential)
      .map((u) => ({ hsaId: u.hsaId, phrases: phrasesOf([u.name, ...u.synonyms]) })),
    services: content.units
      .filter((u) => !u.confidential)
      .flatMap((u) =>
        u.services.map((s) => ({ id: s.id, unitHsaId: u.hsaId, phrases: phrasesOf([s.name, ...s.synonyms]) })),
      ),
  };
}

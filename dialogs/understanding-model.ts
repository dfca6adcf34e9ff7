import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Content } from '../content/load.js';
import type { EmergencyCategory } from '../content/schemas.js';
import {
  Classifier,
  DEFAULT_CLASSIFIER,
  type ClassifierOptions,
  type Example,
  type TrainedJson,
} from './classifier.js';
import type { FeatureVocabulary } from './intent-features.js';
import { compileLexicon, type Lexicon } from './lexicon.js';
import { normalize, tokens } from '../content/words.js';

// Everything the understanding needs, built from content at start-up and on every
// content reload: the word lists (dates, times, units, services), the intent classifier
// learned from exempel.yaml and the emergency classifier learned from akut.yaml.

export interface UnderstandingModel {
  lexicon: Lexicon;
  intents: Classifier;
  emergency: Classifier;
  /** The text key of each emergency category's advice */
  advice: Record<EmergencyCategory, string>;
  /** The same advice in English, where there is one */
  adviceEnglish: Partial<Record<EmergencyCategory, string>>;
}

/** The emergency classifier's label for everything that is not a red flag. */
export const SAFE = 'safe';

type ModelContent = Pick<Content, 'language' | 'units' | 'emergency' | 'examples' | 'questionnaires' | 'texts'>;

export function intentExamples(content: Pick<Content, 'examples'>): Example[] {
  return Object.values(content.examples).flatMap((byIntent: Record<string, string[] | undefined>) =>
    Object.entries(byIntent).flatMap(([label, list]) => (list ?? []).map((text) => ({ text, label }))),
  );
}

/** What the bot offers as buttons (questionnaire answers, choices): «Mig själv» is never a red flag. */
function buttonLabels(content: Pick<Content, 'questionnaires' | 'texts'>): string[] {
  const fixed = content.texts
    .keys()
    .filter((k) => k.startsWith('choice.'))
    .map((k) => content.texts.template(k) ?? '')
    .filter((t) => !t.includes('{'));
  const answers = content.questionnaires
    .flatMap((q) => q.questions.flatMap((x) => x.options ?? []))
    .map((o) => (typeof o.label === 'string' ? o.label : (content.texts.template(o.label.key) ?? '')));
  return [...new Set([...fixed, ...answers].filter((t) => t.length > 0))];
}

export function emergencyExamples(
  content: Pick<Content, 'emergency' | 'examples' | 'questionnaires' | 'texts'>,
): Example[] {
  const red = Object.entries(content.emergency.categories).flatMap(([label, c]) =>
    [...c.phrases, ...c.examples].map((text) => ({ text, label })),
  );
  const harmless = [
    ...content.emergency.notEmergency.phrases,
    ...content.emergency.notEmergency.examples,
    ...buttonLabels(content),
  ].map((text) => ({ text, label: SAFE }));
  // Everything residents say about bookings is, by its nature, not an emergency.
  const ordinary = intentExamples(content).map((e) => ({ text: e.text, label: SAFE }));
  return [...red, ...harmless, ...ordinary];
}

export function vocabularyOf(content: Pick<Content, 'language' | 'units'>): FeatureVocabulary {
  const words = (list: readonly string[]) => new Set(list.flatMap((w) => tokens(normalize(w))));
  const names = content.units
    .filter((u) => !u.confidential)
    .flatMap((u) => [u.name, ...u.synonyms, ...u.services.flatMap((s) => [s.name, ...s.synonyms])]);
  return {
    dayWords: words([
      ...Object.values(content.language.weekdays).flat(),
      ...Object.keys(content.language.relativeDays),
    ]),
    monthWords: words(Object.values(content.language.months).flat()),
    entityWords: new Set([...words(names)].filter((w) => w.length >= 5)),
  };
}

// Tests and a reload of unchanged examples start many bots on the same content: each
// distinct set of examples is trained once per process.
const trained = new Map<string, Promise<Classifier>>();

/**
 * The safety net is read differently from intents: unscaled features, so that a red flag
 * inside a long message weighs fully (recall first); it learns a simpler split, so
 * fewer rounds of training do.
 */
export const EMERGENCY_CLASSIFIER: ClassifierOptions = {
  // Numbers and dates say nothing about an emergency («45 år» is an age, not an overdose).
  features: { ...DEFAULT_CLASSIFIER.features, scaled: false, shapes: false },
  nlu: { ...DEFAULT_CLASSIFIER.nlu, iterations: 20 },
};

/**
 * A folder where trained classifiers are kept between starts, named by the hash of what
 * they were trained on; a start with unchanged examples loads instead of training. Set by
 * the bot's start-up; tests and tools train in memory.
 */
let modelCacheDir: string | undefined;

const NLU_VERSION = (createRequire(import.meta.url)('@nlpjs/nlu/package.json') as { version: string }).version;

export function useModelCache(dir: string | undefined): void {
  modelCacheDir = dir;
}

/** The classifier for these examples from the cache folder, or trained (and then kept there). */
export async function trainedOrCached(
  key: string,
  examples: readonly Example[],
  vocabulary: FeatureVocabulary,
  options: ClassifierOptions,
): Promise<Classifier> {
  const dir = modelCacheDir;
  const file = dir && join(dir, `${key}.json`);
  if (file && existsSync(file)) {
    try {
      return Classifier.fromJson(JSON.parse(readFileSync(file, 'utf8')) as TrainedJson, examples, vocabulary, options);
    } catch {
      // A damaged or foreign file is trained over.
    }
  }
  const classifier = await Classifier.train(examples, vocabulary, options);
  if (dir && file) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, JSON.stringify(classifier.toJson()), { mode: 0o600 });
      renameSync(partial, file);
      pruneCache(dir);
    } catch {
      // Without a cache the next start trains again; nothing else depends on it.
    }
  }
  return classifier;
}

/** Classifiers kept in the cache folder at most: the latest, as editors change examples */
const CACHED_AT_MOST = 10;

function pruneCache(dir: string): void {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ file: join(dir, f), at: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of files.slice(CACHED_AT_MOST)) rmSync(old.file, { force: true });
}

export function trainOnce(
  examples: readonly Example[],
  vocabulary: FeatureVocabulary,
  options: ClassifierOptions = DEFAULT_CLASSIFIER,
): Promise<Classifier> {
  const key = createHash('sha256')
    .update(
      JSON.stringify([
        // A cached classifier is only read by the NLP.js that wrote it.
        NLU_VERSION,
        examples,
        options,
        [...vocabulary.dayWords],
        [...vocabulary.monthWords],
        [...vocabulary.entityWords],
      ]),
    )
    .digest('hex');
  let classifier = trained.get(key);
  if (!classifier) {
    classifier = trainedOrCached(key, examples, vocabulary, options);
    trained.set(key, classifier);
    const oldest = trained.keys().next().value;
    if (trained.size > 20 && oldest !== undefined) trained.delete(oldest);
  }
  return classifier;
}

export async function buildUnderstanding(content: ModelContent): Promise<UnderstandingModel> {
  const vocabulary = vocabularyOf(content);
  const [intents, emergency] = await Promise.all([
    trainOnce(intentExamples(content), vocabulary),
    trainOnce(emergencyExamples(content), vocabulary, EMERGENCY_CLASSIFIER),
  ]);
  const categories = Object.entries(content.emergency.categories);
  const advice = Object.fromEntries(categories.map(([c, v]) => [c, v.advice])) as Record<EmergencyCategory, string>;
  const adviceEnglish = Object.fromEntries(
    categories.flatMap(([c, v]) => (v.adviceEnglish ? [[c, v.adviceEnglish]] : [])),
  );
  return { lexicon: compileLexicon(content), intents, emergency, advice, adviceEnglish };
}

import { createHash } from 'node:crypto';
import type { Content } from '../content/load.js';
import type { EmergencyCategory } from '../content/schemas.js';
import { Classifier, DEFAULT_CLASSIFIER, type ClassifierOptions, type Example } from './classifier.js';
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

export function trainOnce(
  examples: readonly Example[],
  vocabulary: FeatureVocabulary,
  options: ClassifierOptions = DEFAULT_CLASSIFIER,
): Promise<Classifier> {
  const key = createHash('sha256')
    .update(
      JSON.stringify([
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
    classifier = Classifier.train(examples, vocabulary, options);
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
  const advice = Object.fromEntries(
    Object.entries(content.emergency.categories).map(([c, v]) => [c, v.advice]),
  ) as Record<EmergencyCategory, string>;
  return { lexicon: compileLexicon(content), intents, emergency, advice };
}

import { Container } from '@nlpjs/core';
import { NluNeural, type NluSettings } from '@nlpjs/nlu';
import { SpellCheck } from '@nlpjs/similarity';
import {
  DEFAULT_FEATURES,
  featuresOf,
  wordsOf,
  type FeatureOptions,
  type FeatureVocabulary,
} from './intent-features.js';

// A text classifier learned from labelled examples: NLP.js's neural NLU (one perceptron
// per label over sparse features, trained in process in well under a second), fed with
// the features of intent-features.ts instead of NLP.js's bag of stems.

export interface Example {
  text: string;
  label: string;
}

export interface Scored {
  label: string;
  score: number;
}

/** NLP.js's label for "none of the labels": many words it has never seen. */
export const NONE = 'None';

export interface ClassifierOptions {
  features: FeatureOptions;
  /** NLP.js settings: whether unknown words count towards "none of these", and how much */
  nlu: NluSettings;
}

export const DEFAULT_CLASSIFIER: ClassifierOptions = {
  features: DEFAULT_FEATURES,
  nlu: { useNoneFeature: true, iterations: 30 },
};

class FeatureNlu extends NluNeural {
  /** Known words, for reading a typo as the word meant; set once training has seen them */
  speller?: SpellCheck;

  constructor(
    private readonly vocabulary: FeatureVocabulary,
    private readonly options: ClassifierOptions,
  ) {
    super({ locale: 'sv', log: false, ...options.nlu }, new Container());
  }

  override async defaultPipelinePrepare(input: { text: string }): Promise<Record<string, number>> {
    const speller = this.speller;
    const words = wordsOf(input.text).map((w) =>
      speller && !/\d/.test(w) ? speller.checkToken(w, w.length >= 8 ? 2 : 1) : w,
    );
    return featuresOf(words, this.vocabulary, this.options.features);
  }
}

function wordCounts(examples: readonly Example[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of examples) for (const w of wordsOf(e.text)) counts[w] = (counts[w] ?? 0) + 1;
  return counts;
}

/** A trained classifier as JSON: NLP.js's own export of the network, and the labels. */
export interface TrainedJson {
  nlu: unknown;
  labels: string[];
}

export class Classifier {
  private constructor(
    private readonly nlu: FeatureNlu,
    readonly labels: readonly string[],
  ) {}

  /** The classifier trained before on the same examples, vocabulary and options, from its JSON. */
  static fromJson(
    json: TrainedJson,
    examples: readonly Example[],
    vocabulary: FeatureVocabulary,
    options: ClassifierOptions = DEFAULT_CLASSIFIER,
  ): Classifier {
    const nlu = new FeatureNlu(vocabulary, options);
    nlu.fromJSON(json.nlu);
    // NLP.js leaves «none of these» out of the labels it reads back; trained, it has it.
    const labels = (nlu as unknown as { intentsArr?: string[] }).intentsArr;
    if (labels && !labels.includes(NONE)) labels.push(NONE);
    if (options.features.spelling) nlu.speller = new SpellCheck({ features: wordCounts(examples), minLength: 4 });
    return new Classifier(nlu, json.labels);
  }

  toJson(): TrainedJson {
    return { nlu: this.nlu.toJSON(), labels: [...this.labels] };
  }

  static async train(
    examples: readonly Example[],
    vocabulary: FeatureVocabulary,
    options: ClassifierOptions = DEFAULT_CLASSIFIER,
  ): Promise<Classifier> {
    const nlu = new FeatureNlu(vocabulary, options);
    // Training stops when the error stops falling; the iteration cap keeps a start-up
    // bounded whatever the editors add.
    await nlu.train(
      examples.map((e) => ({ utterance: e.text, intent: e.label })),
      { ...options.nlu },
    );
    if (options.features.spelling) nlu.speller = new SpellCheck({ features: wordCounts(examples), minLength: 4 });
    return new Classifier(nlu, [...new Set(examples.map((e) => e.label))]);
  }

  /** Every label with its score (the scores add up to 1), best first. */
  async classify(text: string): Promise<Scored[]> {
    const { classifications } = await this.nlu.process(text);
    return classifications.map((c) => ({ label: c.intent, score: c.score })).sort((a, b) => b.score - a.score);
  }
}

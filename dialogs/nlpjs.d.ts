// The parts of NLP.js this project uses; the packages ship without type declarations.

declare module '@nlpjs/core' {
  export class Container {
    constructor(prefix?: string);
    get(name: string): unknown;
  }
}

declare module '@nlpjs/lang-sv' {
  export class StemmerSv {
    stemWord(word: string): string;
  }
}

declare module '@nlpjs/nlu' {
  import type { Container } from '@nlpjs/core';

  export interface NluSettings {
    locale?: string;
    useNoneFeature?: boolean;
    log?: boolean;
    iterations?: number;
    errorThresh?: number;
    learningRate?: number;
    [key: string]: unknown;
  }

  export interface NluClassification {
    intent: string;
    score: number;
  }

  export class NluNeural {
    constructor(settings: NluSettings, container: Container);
    train(corpus: { utterance: string; intent: string }[], settings?: NluSettings): Promise<unknown>;
    process(utterance: string, settings?: NluSettings): Promise<{ classifications: NluClassification[] }>;
    /** Turns one utterance into its features (a map of feature name to weight); overridable */
    defaultPipelinePrepare(input: {
      text: string;
      locale?: string;
      settings?: NluSettings;
    }): Promise<Record<string, number>>;
    /** The trained network and its vocabulary as plain JSON, and back */
    toJSON(): unknown;
    fromJSON(json: unknown): void;
  }
}

declare module '@nlpjs/similarity' {
  export class SpellCheck {
    constructor(settings: { features: Record<string, number>; minLength?: number });
    /** The known word closest to the token within the distance (ties: same length, then the more frequent), or the token itself */
    checkToken(token: string, distance: number): string;
  }
}

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Classifier, type TrainedJson } from '../../dialogs/classifier.js';
import { DEFAULT_FEATURES } from '../../dialogs/intent-features.js';
import {
  emergencyExamples,
  EMERGENCY_CLASSIFIER,
  intentExamples,
  trainedOrCached,
  trainOnce,
  useModelCache,
  vocabularyOf,
} from '../../dialogs/understanding-model.js';
import { readEmergencyRegression, readRegression } from '../../tools/regression-files.js';
import { shippedContent } from '../support/tidbok.js';

// Trained classifiers are kept on disk between starts: what is loaded must read every
// message exactly as what was trained.

let dir: string | undefined;
afterEach(() => {
  useModelCache(undefined);
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const roundTrip = (c: Classifier) => JSON.parse(JSON.stringify(c.toJson())) as TrainedJson;

describe('the model cache', () => {
  it('reads every regression phrasing exactly as the trained classifiers after a round trip through JSON', async () => {
    const content = shippedContent();
    const vocabulary = vocabularyOf(content);
    const { swedish, english } = readRegression();
    const { emergencies, harmless } = readEmergencyRegression();
    const texts = [...swedish, ...english, ...emergencies].map((c) => c.text).concat(harmless, ['?', 'hmm']);
    expect(texts.length).toBeGreaterThan(800);
    for (const [examples, options] of [
      [intentExamples(content), undefined],
      [emergencyExamples(content), EMERGENCY_CLASSIFIER],
    ] as const) {
      const trained = await trainOnce(examples, vocabulary, options);
      const loaded = Classifier.fromJson(roundTrip(trained), examples, vocabulary, options);
      for (const text of texts) expect(await loaded.classify(text), text).toEqual(await trained.classify(text));
    }
  });

  it('writes a private file per set of examples, loads it, and trains over a damaged one', async () => {
    dir = mkdtempSync(join(tmpdir(), 'model-cache-'));
    const cache = join(dir, 'model-cache');
    useModelCache(cache);
    const vocabulary = vocabularyOf(shippedContent());
    const examples = [
      { text: 'visa mina tider nu', label: 'a' },
      { text: 'avboka tiden nu', label: 'b' },
    ];
    const options = { features: DEFAULT_FEATURES, nlu: { iterations: 5 } };
    await trainedOrCached('k1', examples, vocabulary, options);
    const file = join(cache, 'k1.json');
    expect(readdirSync(cache)).toEqual(['k1.json']);
    expect(statSync(file).mode & 0o077).toBe(0);
    const written = readFileSync(file, 'utf8');
    const loaded = await trainedOrCached('k1', examples, vocabulary, options);
    expect((await loaded.classify('avboka tiden'))[0]?.label).toBe('b');

    writeFileSync(file, '{ not json');
    const again = await trainedOrCached('k1', examples, vocabulary, options);
    expect((await again.classify('avboka tiden'))[0]?.label).toBe('b');
    expect(readFileSync(file, 'utf8')).toBe(written);
  });
});

import { DateTime } from 'luxon';
import { loadContentOrThrow } from '../content/load.js';
import { Classifier } from '../dialogs/classifier.js';
import { emergencyIn } from '../dialogs/emergency.js';
import { understand } from '../dialogs/understand.js';
import {
  buildUnderstanding,
  EMERGENCY_CLASSIFIER,
  emergencyExamples,
  intentExamples,
  vocabularyOf,
} from '../dialogs/understanding-model.js';
import { readEmergencyRegression, readRegression } from './regression-files.js';

// npm run bench:understanding — prints how long the understanding takes on this machine:
// training at start-up (both classifiers), and reading one message (intent, dates,
// language and the safety net) at p50/p99. A script that prints figures, not a test.

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const ms = (n: number) => `${n.toFixed(3)} ms`;

const content = loadContentOrThrow();
const vocabulary = vocabularyOf(content);
const trainings: number[] = [];
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  await Classifier.train(intentExamples(content), vocabulary);
  await Classifier.train(emergencyExamples(content), vocabulary, EMERGENCY_CLASSIFIER);
  trainings.push(performance.now() - started);
}
console.log(
  `Training both classifiers (${intentExamples(content).length} intent examples, ${emergencyExamples(content).length} for the safety net):`,
);
console.log(`  ${trainings.map(ms).join(', ')}   (target <= 1500 ms)`);

const model = await buildUnderstanding(content);
const now = DateTime.fromISO('2026-12-01T09:00', { zone: 'Europe/Stockholm' });
const regression = readRegression();
const emergencies = readEmergencyRegression();
const texts = [...regression.swedish, ...regression.english, ...emergencies.emergencies]
  .map((c) => c.text)
  .concat(emergencies.harmless);
for (const text of texts) await understand(text, now, model); // warm-up
const times: number[] = [];
for (let round = 0; round < 5; round++) {
  for (const text of texts) {
    const started = performance.now();
    await emergencyIn(text, model);
    await understand(text, now, model);
    times.push(performance.now() - started);
  }
}
times.sort((a, b) => a - b);
console.log(
  `Reading one message (safety net + intent + dates + language), ${times.length} readings of ${texts.length} phrasings:`,
);
console.log(
  `  p50 ${ms(percentile(times, 50))}   p99 ${ms(percentile(times, 99))}   max ${ms(times.at(-1) ?? NaN)}   (target p99 <= 2 ms)`,
);

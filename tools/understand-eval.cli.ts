import { loadContentOrThrow } from '../content/load.js';
import { exampleKey } from '../content/examples-check.js';
import { accuracyOf, confidentWrongOf, crossValidate, evaluate, formatReport } from '../dialogs/evaluation.js';
import { buildUnderstanding, intentExamples, vocabularyOf } from '../dialogs/understanding-model.js';
import { emergencyReport, formatEmergencyReport } from './emergency-eval.js';
import { readEmergencyRegression, readRegression } from './regression-files.js';

// npm run understand:eval — how well the bot understands, as figures: cross-validation
// over the examples, the regression phrasings (never trained on), and the safety net.
// Exits with 1 when the regression falls under its bars, so `npm test` fails.

const BARS = { accuracy: 0.97, confidentWrong: 0.01, emergencyRecall: 1, falseAlarms: 0.05 };

const quiet = process.argv.includes('--quiet');
const content = loadContentOrThrow();
const examples = intentExamples(content);
const regression = readRegression();
const emergencies = readEmergencyRegression();

const trainedOn = new Set(examples.map((e) => exampleKey(e.text)));
const leaked = [...regression.swedish, ...regression.english].filter((c) => trainedOn.has(exampleKey(c.text)));

const started = performance.now();
const model = await buildUnderstanding(content);
const trainMs = performance.now() - started;

const cv = await crossValidate(examples, vocabularyOf(content));
const sv = await evaluate(model.intents, regression.swedish);
const en = await evaluate(model.intents, regression.english);
const all = {
  ...sv,
  outcomes: [...sv.outcomes, ...en.outcomes],
  correct: sv.correct + en.correct,
  asked: sv.asked + en.asked,
  confidentWrong: sv.confidentWrong + en.confidentWrong,
};
const safety = await emergencyReport(model, emergencies);

console.log(`Training on ${examples.length} examples: ${trainMs.toFixed(0)} ms\n`);
console.log(formatReport('Cross-validation over the examples (5 folds)', cv, !quiet), '\n');
console.log(formatReport('Regression phrasings, Swedish', sv, true), '\n');
console.log(formatReport('Regression phrasings, English', en, true), '\n');
console.log(formatEmergencyReport(safety), '\n');

const failures: string[] = [];
if (leaked.length > 0)
  failures.push(
    `${leaked.length} regression phrasings are also training examples: ${leaked.map((c) => `"${c.text}"`).join(', ')}`,
  );
if (accuracyOf(all) < BARS.accuracy)
  failures.push(`regression accuracy ${(100 * accuracyOf(all)).toFixed(1)} % is under ${100 * BARS.accuracy} %`);
if (confidentWrongOf(all) > BARS.confidentWrong)
  failures.push(
    `regression confident-wrong ${(100 * confidentWrongOf(all)).toFixed(1)} % is over ${100 * BARS.confidentWrong} %`,
  );
if (safety.recall < BARS.emergencyRecall)
  failures.push(`emergency recall ${(100 * safety.recall).toFixed(1)} % is under ${100 * BARS.emergencyRecall} %`);
if (safety.falseAlarmRate > BARS.falseAlarms)
  failures.push(`false alarms ${(100 * safety.falseAlarmRate).toFixed(1)} % are over ${100 * BARS.falseAlarms} %`);
console.log(
  `Regression overall: accuracy ${(100 * accuracyOf(all)).toFixed(1)} %, confident-wrong ${(100 * confidentWrongOf(all)).toFixed(1)} % (bars: >= ${100 * BARS.accuracy} %, <= ${100 * BARS.confidentWrong} %)`,
);
if (failures.length > 0) {
  console.error(`\nThe understanding is below its bars:\n${failures.map((f) => `- ${f}`).join('\n')}`);
  process.exit(1);
}

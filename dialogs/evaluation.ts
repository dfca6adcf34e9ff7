import { Classifier, DEFAULT_CLASSIFIER, type ClassifierOptions, type Example } from './classifier.js';
import type { FeatureVocabulary } from './intent-features.js';
import { readIntent } from './intent-reading.js';

// How well the understanding reads messages: each phrasing is read as the bot would read
// it at the top level (act, ask or "nothing fits") and compared with what it should be.
// Accuracy counts only a sure, right reading; a question counts against accuracy but is
// not wrong; acting on the wrong intent is the confident-wrong share.

/** What a phrasing should be read as: an intent, or 'unknown' for "nothing fits". */
export interface Case {
  text: string;
  expected: string;
}

export interface Outcome extends Case {
  /** The intent acted on, 'unclear' when the bot asks, 'unknown' when nothing fits */
  got: string;
  alternatives?: string[];
}

export interface Report {
  outcomes: Outcome[];
  correct: number;
  asked: number;
  confidentWrong: number;
}

export const UNKNOWN = 'unknown';
export const UNCLEAR = 'unclear';

export async function readCase(classifier: Classifier, c: Case): Promise<Outcome> {
  const reading = readIntent(await classifier.classify(c.text));
  if (reading.kind === 'sure') return { ...c, got: reading.intent };
  if (reading.kind === 'unclear') return { ...c, got: UNCLEAR, alternatives: reading.alternatives };
  return { ...c, got: UNKNOWN };
}

export function reportOf(outcomes: Outcome[]): Report {
  const correct = outcomes.filter((o) => o.got === o.expected).length;
  const asked = outcomes.filter((o) => o.got === UNCLEAR).length;
  const confidentWrong = outcomes.filter((o) => o.got !== o.expected && o.got !== UNCLEAR && o.got !== UNKNOWN).length;
  return { outcomes, correct, asked, confidentWrong };
}

export async function evaluate(classifier: Classifier, cases: readonly Case[]): Promise<Report> {
  const outcomes: Outcome[] = [];
  for (const c of cases) outcomes.push(await readCase(classifier, c));
  return reportOf(outcomes);
}

/** A fixed shuffle (so every run gives the same folds): a small linear congruential generator. */
function shuffled<T>(items: readonly T[], seed = 7): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    const [a, b] = [out[i] as T, out[j] as T];
    out[i] = b;
    out[j] = a;
  }
  return out;
}

/** k-fold cross-validation: each example is read by a classifier that never saw it. */
export async function crossValidate(
  examples: readonly Example[],
  vocabulary: FeatureVocabulary,
  k = 5,
  options: ClassifierOptions = DEFAULT_CLASSIFIER,
): Promise<Report> {
  const order = shuffled(examples);
  const outcomes: Outcome[] = [];
  for (let fold = 0; fold < k; fold++) {
    const held = order.filter((_, i) => i % k === fold);
    const classifier = await Classifier.train(
      order.filter((_, i) => i % k !== fold),
      vocabulary,
      options,
    );
    const cases = held.map((e) => ({
      text: e.text,
      expected: e.label === 'other' || e.label === 'time' ? UNKNOWN : e.label,
    }));
    outcomes.push(...(await evaluate(classifier, cases)).outcomes);
  }
  return reportOf(outcomes);
}

const pct = (n: number, of: number) => (of === 0 ? '–' : `${((100 * n) / of).toFixed(1)} %`);

export const accuracyOf = (r: Report) => (r.outcomes.length === 0 ? 0 : r.correct / r.outcomes.length);
export const confidentWrongOf = (r: Report) => (r.outcomes.length === 0 ? 0 : r.confidentWrong / r.outcomes.length);

/** Accuracy, questions, confident-wrong, the confusion matrix and every miss, as text. */
export function formatReport(title: string, r: Report, showMisses = true): string {
  const n = r.outcomes.length;
  const lines = [
    `${title}: ${n} phrasings`,
    `  accuracy ${pct(r.correct, n)}   asked ${pct(r.asked, n)}   confident-wrong ${pct(r.confidentWrong, n)} (${r.confidentWrong})`,
    '',
    ...confusionMatrix(r.outcomes).map((l) => `  ${l}`),
  ];
  const misses = r.outcomes.filter((o) => o.got !== o.expected);
  if (showMisses && misses.length > 0) {
    lines.push('', '  Misread (expected -> got):');
    for (const m of misses)
      lines.push(`    ${m.expected} -> ${m.got}${m.alternatives ? ` (${m.alternatives.join(' / ')})` : ''}: ${m.text}`);
  }
  return lines.join('\n');
}

/** Rows: what it should be; columns: what it was read as. Only labels that occur are shown. */
export function confusionMatrix(outcomes: readonly Outcome[]): string[] {
  const rows = [...new Set(outcomes.map((o) => o.expected))].sort();
  const cols = [...new Set([...rows, ...outcomes.map((o) => o.got)])].sort();
  const count = (e: string, g: string) => outcomes.filter((o) => o.expected === e && o.got === g).length;
  const width = Math.max(...rows.map((r) => r.length), 8);
  const short = (l: string) => l.slice(0, 5).padStart(5);
  const header = `${'expected \\ got'.padEnd(width)} ${cols.map(short).join(' ')}`;
  return [
    header,
    ...rows.map((r) => `${r.padEnd(width)} ${cols.map((c) => String(count(r, c) || '.').padStart(5)).join(' ')}`),
  ];
}

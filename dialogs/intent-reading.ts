import { INTENT_NAMES, type IntentName } from '../content/schemas.js';
import type { KnownIntent } from '../machines/events.js';
import { NONE, type Scored } from './classifier.js';
import { THRESHOLDS } from './thresholds.js';

// From the classifier's scores to a decision: act on one intent, ask between two, or
// admit that nothing fits.

export type IntentReading =
  | { kind: 'sure'; intent: KnownIntent; confidence: number }
  | { kind: 'unclear'; alternatives: KnownIntent[]; confidence: number }
  | { kind: 'none'; confidence: number };

// The intents in content are the ones the bot acts on, but for "other" (what the bot
// does not do) and "time" (a bare time or date: an answer to a question about when,
// which says nothing about what the resident wants).
const NOT_ACTIONABLE = ['other', 'time'] as const;
type Actionable = Exclude<IntentName, (typeof NOT_ACTIONABLE)[number]>;
const sameSets: [Actionable] extends [KnownIntent] ? ([KnownIntent] extends [Actionable] ? true : never) : never = true;
const ACTIONABLE = new Set<string>(
  INTENT_NAMES.filter((i) => !(NOT_ACTIONABLE as readonly string[]).includes(i) && sameSets),
);

const isIntent = (label: string): label is KnownIntent => label !== NONE && ACTIONABLE.has(label);
const TIME: (typeof NOT_ACTIONABLE)[number] = 'time';

export function readIntent(scores: readonly Scored[]): IntentReading {
  const [best, ...rest] = scores;
  // A bare time («måndag 14 december kl 10») is what a wish to book or move says when: it
  // does not compete with the errand it comes with.
  const second = best && isIntent(best.label) ? rest.find((s) => s.label !== TIME) : rest[0];
  if (!best || !isIntent(best.label) || best.score < THRESHOLDS.floor)
    return { kind: 'none', confidence: best?.score ?? 0 };
  const runnerUp = second?.score ?? 0;
  if (best.score >= THRESHOLDS.sure && best.score - runnerUp >= THRESHOLDS.margin) {
    return { kind: 'sure', intent: best.label, confidence: best.score };
  }
  const alternatives = [
    best.label,
    ...(second && isIntent(second.label) && second.score >= THRESHOLDS.alternative ? [second.label] : []),
  ];
  return { kind: 'unclear', alternatives, confidence: best.score };
}

import { describe, expect, it } from 'vitest';
import { readIntent } from '../../dialogs/intent-reading.js';
import { THRESHOLDS } from '../../dialogs/thresholds.js';

// From scores to a decision: act when one intent is clearly ahead, ask between two that
// are close, and admit that nothing fits.

const scores = (...pairs: [string, number][]) => pairs.map(([label, score]) => ({ label, score }));

describe("reading the classifier's scores", () => {
  it('acts on an intent that is sure and clearly ahead', () => {
    expect(readIntent(scores(['cancel', 0.9], ['rebook', 0.08]))).toEqual({
      kind: 'sure',
      intent: 'cancel',
      confidence: 0.9,
    });
  });

  it('asks between two intents that are close, best first', () => {
    expect(readIntent(scores(['book', 0.5], ['view', 0.45], ['cancel', 0.05]))).toMatchObject({
      kind: 'unclear',
      alternatives: ['book', 'view'],
    });
  });

  it('asks about one intent that is likely but not sure, without a runner-up worth a button', () => {
    expect(readIntent(scores(['book', 0.55], ['None', 0.35], ['view', 0.1]))).toMatchObject({
      kind: 'unclear',
      alternatives: ['book'],
    });
  });

  it('does not act when the runner-up is within the margin, even above the sure line', () => {
    const best = THRESHOLDS.sure + 0.05;
    const reading = readIntent(scores(['cancel', best], ['rebook', best - THRESHOLDS.margin + 0.01]));
    expect(reading.kind).toBe('unclear');
  });

  it('says nothing fits below the floor, for "None", and for what the bot does not do', () => {
    expect(readIntent(scores(['book', THRESHOLDS.floor - 0.01], ['view', 0.2])).kind).toBe('none');
    expect(readIntent(scores(['None', 1])).kind).toBe('none');
    expect(readIntent(scores(['other', 0.9], ['book', 0.1])).kind).toBe('none');
    expect(readIntent(scores(['time', 0.95], ['rebook', 0.05])).kind).toBe('none');
    expect(readIntent([]).kind).toBe('none');
  });

  it('never offers "other" or "time" as a button', () => {
    expect(readIntent(scores(['book', 0.5], ['other', 0.45]))).toMatchObject({
      kind: 'unclear',
      alternatives: ['book'],
    });
  });
});

import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bookingEffects, type BookingEffects } from '../../booking/effects.js';
import { runTurn, type ConversationData, type TurnDeps, type TurnInput } from '../../dialogs/turn-runner.js';
import type { UnderstandingModel } from '../../dialogs/understanding-model.js';
import { chartWith } from '../../machines/chart.js';
import type { Reply } from '../../machines/reply.js';
import { cleanupTidboks, freshTidbok, shippedModel, TEST_NOW, TOLVAN } from '../support/tidbok.js';

// Turns on the demo tidbok with the conversation stored between them as it is in
// production: without the bookings and free times, which each turn reads again. What
// changed in the tidbok meanwhile is what the resident sees; a booking that is gone makes
// the conversation start over, saying why; a booking system that does not answer keeps
// the conversation as it was, and an emergency is still answered.

const SIV = '191111111111';
let model: UnderstandingModel;
let env: ReturnType<typeof freshTidbok>;
let effects: BookingEffects;
let deps: TurnDeps;

beforeAll(async () => {
  model = await shippedModel();
});
beforeEach(() => {
  env = freshTidbok();
  effects = bookingEffects(env.service, () => TEST_NOW);
  deps = {
    chart: chartWith(effects, { all: () => env.content.questionnaires, unitOf: () => undefined }),
    rereads: effects,
    model,
    labelOf: (c) => env.content.texts.render(c.label.key, c.label.params),
    now: TEST_NOW,
    settleTimeoutMs: 2000,
  };
});
afterEach(cleanupTidboks);

interface Turn {
  data: ConversationData;
  replies: Reply[];
}
const keys = (t: Turn) => t.replies.flatMap((r) => r.parts.map((p) => p.key));
const run = (data: ConversationData, input: TurnInput, d = deps): Promise<Turn> => runTurn(data, input, TOLVAN, d);
const say = (t: Turn | undefined, text: string, d = deps) => run(t?.data ?? {}, { kind: 'message', text }, d);
const click = (t: Turn, value: string) =>
  run(t.data, { kind: 'message', value: { choice: value, prompt: t.data.promptSeq } });
/** The values of the buttons of the last question asked, whose label key is one of `labels`. */
const buttons = (t: Turn, ...labels: string[]) =>
  (t.data.prompt?.choices ?? []).filter((c) => labels.includes(c.label.key)).map((c) => c.value);

/** Free times of a rebooking of the resident's doctor's appointment, one day's times listed. */
async function timesListed(): Promise<Turn> {
  const days = await say(undefined, 'omboka läkartiden till nästa vecka');
  const day = buttons(days, 'choice.day')[0];
  expect(day, 'a day with free times').toBeDefined();
  const times = await click(days, day!);
  expect(buttons(times, 'choice.slot', 'choice.slotWith').length).toBeGreaterThan(0);
  return times;
}

describe('a stored conversation read again each turn', () => {
  it('stores no free time, yet the times on screen can be chosen on the next turn', async () => {
    const times = await timesListed();
    expect(JSON.stringify(times.data.chart)).not.toContain('fyrisdal-lakarbesok@');
    const slot = buttons(times, 'choice.slot', 'choice.slotWith')[0]!;
    const confirm = await click(times, slot);
    expect(keys(confirm)).toContain('rebook.confirm');
  });

  it('says a time on screen was taken meanwhile, and lists the free times as they are now', async () => {
    const times = await timesListed();
    const slot = buttons(times, 'choice.slot', 'choice.slotWith')[0]!;
    // Someone else books that time between the two turns.
    const taken = await effects.commitTime({
      patientId: SIV,
      target: { kind: 'open', careServiceId: 'fyrisdal-lakarbesok', viaGuide: false },
      slotId: slot,
      termsAccepted: true,
      reason: 'Hosta',
    });
    expect(taken.ok ? 'ok' : taken.rejection).toBe('ok');
    const after = await click(times, slot);
    expect(keys(after)).toContain('time.slotTaken');
    expect(keys(after)).not.toContain('understand.reprompt.choice');
    expect(after.data.prompt?.choices?.map((c) => c.value)).not.toContain(slot);
  });

  it('starts over, saying why, when the booking being moved was cancelled meanwhile', async () => {
    const times = await timesListed();
    const cancelled = await effects.cancelBooking({
      patientId: TOLVAN,
      bookingId: 'tolvan-lakarbesok',
      termsAccepted: true,
    });
    expect(cancelled.ok).toBe(true);
    const after = await say(times, 'den första');
    expect(keys(after)).toContain('session.changed');
    expect(keys(after)).not.toContain('rebook.confirm');
  });

  it('keeps the conversation as it was when the booking system does not answer, and still answers an emergency', async () => {
    const times = await timesListed();
    const down: BookingEffects = { ...effects, findSlots: () => Promise.reject(new Error('no answer')) };
    const offline = { ...deps, rereads: down };
    const later = await say(times, 'den första', offline);
    expect(keys(later)).toContain('error.bookingSystem');
    expect(later.data).toBe(times.data);
    const emergency = await say(times, 'min pappa har plötsligt sluddrigt tal och hänger i ena mungipan', offline);
    expect(keys(emergency).some((k) => k.startsWith('advice.'))).toBe(true);
    expect(emergency.data).toBe(times.data);
    // Once it answers again, the resident goes on where they were.
    const back = await click(times, buttons(times, 'choice.slot', 'choice.slotWith')[0]!);
    expect(keys(back)).toContain('rebook.confirm');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { bookingEffects } from '../../booking/effects.js';
import { settle } from '../../machines/settle.js';
import { chartWith } from '../../machines/chart.js';
import { BACK, CHANGE, NO, YES, type Reply } from '../../machines/reply.js';
import type { UserEvent } from '../../machines/events.js';
import { compactSnapshot, expandSnapshot } from '../../machines/stored-context.js';
import { cleanupTidboks, freshTidbok, TEST_NOW, TOLVAN } from '../support/tidbok.js';

// What a stored conversation keeps of the chart: a cursor, never the bookings, offers,
// invitations or free times the tidbok gives again. Walked through the real chart on the
// demo tidbok by clicking buttons at random (seeded), every state the chart rests in is
// made smaller by storing and made whole, exactly as it was, by restoring.

/** The chart part of a stored conversation; the prompts and the rest stay within the other 1 KB of 4 KB. */
const CHART_BYTES = 3 * 1024;

afterEach(cleanupTidboks);

/** A small seeded random number generator (mulberry32), so that a failing walk can be repeated. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** The event a click on `value` of `prompt` becomes, as the turn runner reads it. */
function clicked(prompt: Reply, value: string): UserEvent {
  if (value === BACK) return { type: 'user.back' };
  if (value === CHANGE) return { type: 'user.change' };
  if (prompt.expects === 'yesno' && value === YES) return { type: 'user.confirmed' };
  if (prompt.expects === 'yesno' && value === NO) return { type: 'user.declined' };
  return { type: 'user.chose', value };
}

function answer(prompt: Reply, next: () => number): UserEvent | undefined {
  const values = (prompt.choices ?? []).map((c) => c.value).filter((v) => v !== 'logout');
  if (prompt.expects === 'number') return { type: 'user.number', value: 30 + Math.floor(next() * 40) };
  if (prompt.expects === 'text' && (values.length === 0 || next() < 0.5))
    return { type: 'user.text', text: 'Ont i knät sedan en vecka' };
  if (values.length === 0) return undefined;
  return clicked(prompt, values[Math.floor(next() * values.length)] as string);
}

interface Rest {
  value: unknown;
  bytes: number;
}

/** Walks the chart for `turns` clicks, checking each resting state; returns the states seen. */
async function walk(seed: number, turns: number): Promise<Rest[]> {
  const env = freshTidbok();
  const io = bookingEffects(env.service, () => TEST_NOW);
  const chart = chartWith(io, { all: () => env.content.questionnaires, unitOf: () => undefined });
  const actor = createActor(chart, { input: { patientId: TOLVAN } });
  let prompt: Reply | undefined;
  actor.on('replies', (e) => {
    const asked = [...e.replies].reverse().find((r) => r.expects !== undefined);
    if (asked) prompt = asked;
  });
  actor.start();
  const next = random(seed);
  const rests: Rest[] = [];
  for (let i = 0; i < turns; i++) {
    await settle(actor, 2000);
    const whole = JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as unknown;
    const stored = compactSnapshot(whole);
    expect(await expandSnapshot(JSON.parse(JSON.stringify(stored)), io)).toEqual(whole);
    rests.push({ value: actor.getSnapshot().value, bytes: Buffer.byteLength(JSON.stringify(stored)) });
    const event = prompt && answer(prompt, next);
    if (!event) break;
    actor.send(event);
  }
  actor.stop();
  return rests;
}

describe('the stored conversation', () => {
  it('restores every state the chart rests in exactly as it was, and stores each in under 3 KB', async () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      const rests = await walk(seed, 25);
      for (const rest of rests) {
        seen.add(JSON.stringify(rest.value));
        expect(rest.bytes, `${JSON.stringify(rest.value)} (seed ${seed})`).toBeLessThanOrEqual(CHART_BYTES);
      }
    }
    // The walks reach the flows that read lists from the tidbok.
    const flows = [...seen].join(' ');
    for (const flow of ['pickBooking', 'chooseTime', 'chooseService', 'chooseInvitation', 'checkingExisting', 'guided'])
      expect(flows).toContain(flow);
  });
});

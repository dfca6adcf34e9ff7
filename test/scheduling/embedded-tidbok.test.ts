import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedTidbok } from '../../scheduling/embedded-tidbok.js';
import { cleanupTidboks, freshTidbok, TEST_NOW, TOLVAN } from '../support/tidbok.js';

const SIV = '191111111111';
let env: ReturnType<typeof freshTidbok>;
afterEach(cleanupTidboks);

const firstFreeSlot = async (tidbok: EmbeddedTidbok, careServiceId: string) => {
  const slots = await tidbok.freeSlots({
    careServiceId,
    from: TEST_NOW.toISO()!,
    to: TEST_NOW.plus({ days: 30 }).toISO()!,
  });
  return slots[0]!;
};

describe('the embedded tidbok', () => {
  it('books a slot once: of two concurrent bookings from two connections, one gets slot_taken', async () => {
    env = freshTidbok();
    const other = new EmbeddedTidbok(env.file);
    const slot = await firstFreeSlot(env.tidbok, 'fyrisdal-provtagning');
    const results = await Promise.all([
      env.tidbok.makeBooking({ patientId: TOLVAN, slotId: slot.id }),
      other.makeBooking({ patientId: SIV, slotId: slot.id }),
    ]);
    other.close();
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.flatMap((r) => (r.ok ? [] : [r.rejection.code]))).toEqual(['slot_taken']);
    const holders = env.tidbok.db.prepare('SELECT COUNT(*) AS n FROM bookings WHERE slot_id = ?').get(slot.id) as {
      n: number;
    };
    expect(holders.n).toBe(1);
  });

  it('rebooks atomically: the new slot is taken and the old one freed in one step', async () => {
    env = freshTidbok();
    const before = (await env.tidbok.bookingsOf(TOLVAN)).find((b) => b.id === 'tolvan-lakarbesok')!;
    const target = await firstFreeSlot(env.tidbok, 'fyrisdal-lakarbesok');
    const result = await env.tidbok.rebook({ patientId: TOLVAN, bookingId: before.id, newSlotId: target.id });
    expect(result).toMatchObject({ ok: true, value: { id: before.id, start: target.start, slotId: target.id } });
    expect((await env.tidbok.slot(target.id))?.free).toBe(false);
    expect((await env.tidbok.slot(before.slotId!))?.free).toBe(true);
  });

  it('leaves the booking untouched when the new slot was taken meanwhile', async () => {
    env = freshTidbok();
    const target = await firstFreeSlot(env.tidbok, 'fyrisdal-lakarbesok');
    await env.tidbok.makeBooking({ patientId: SIV, slotId: target.id });
    const result = await env.tidbok.rebook({ patientId: TOLVAN, bookingId: 'tolvan-lakarbesok', newSlotId: target.id });
    expect(result).toMatchObject({ ok: false, rejection: { code: 'slot_taken' } });
    const after = (await env.tidbok.bookingsOf(TOLVAN)).filter((b) => b.careServiceId === 'fyrisdal-lakarbesok');
    expect(after).toHaveLength(1);
    expect((await env.tidbok.slot(after[0]!.slotId!))?.free).toBe(false);
  });

  it('uses an invitation once, also when two bookings race for it', async () => {
    env = freshTidbok();
    const other = new EmbeddedTidbok(env.file);
    const slots = await env.tidbok.freeSlots({
      careServiceId: 'hud-nybesok',
      from: TEST_NOW.toISO()!,
      to: TEST_NOW.plus({ days: 30 }).toISO()!,
    });
    const results = await Promise.all([
      env.tidbok.makeBooking({ patientId: TOLVAN, slotId: slots[0]!.id, invitationId: 'tolvan-underlag-hud' }),
      other.makeBooking({ patientId: TOLVAN, slotId: slots[1]!.id, invitationId: 'tolvan-underlag-hud' }),
    ]);
    other.close();
    expect(results.map((r) => (r.ok ? 'ok' : r.rejection.code)).sort()).toEqual(['invitation_used', 'ok']);
    expect((await env.tidbok.slot(slots[1]!.id))?.free).toBe(!results[1].ok);
    const invitation = (await env.tidbok.invitationsOf(TOLVAN)).find((i) => i.id === 'tolvan-underlag-hud');
    expect(invitation?.usedByBookingId).toBeDefined();
  });

  it('does not let one patient use or cancel what belongs to another', async () => {
    env = freshTidbok();
    const slot = await firstFreeSlot(env.tidbok, 'hud-nybesok');
    expect(
      await env.tidbok.makeBooking({ patientId: SIV, slotId: slot.id, invitationId: 'tolvan-underlag-hud' }),
    ).toMatchObject({ ok: false, rejection: { code: 'invitation_not_found' } });
    expect(await env.tidbok.cancelBooking({ patientId: SIV, bookingId: 'tolvan-lakarbesok' })).toMatchObject({
      ok: false,
      rejection: { code: 'booking_not_found' },
    });
  });

  it('frees the slot of a cancelled booking at once and refuses a second cancellation', async () => {
    env = freshTidbok();
    const cancelled = await env.tidbok.cancelBooking({
      patientId: TOLVAN,
      bookingId: 'tolvan-lakarbesok',
      reason: 'Frisk igen',
    });
    expect(cancelled).toMatchObject({ ok: true, value: { status: 'cancelled' } });
    const slotId = cancelled.ok ? cancelled.value.slotId! : '';
    expect((await env.tidbok.slot(slotId))?.free).toBe(true);
    expect(await env.tidbok.cancelBooking({ patientId: TOLVAN, bookingId: 'tolvan-lakarbesok' })).toMatchObject({
      ok: false,
      rejection: { code: 'already_cancelled' },
    });
  });

  it('keeps bookings across reopening the database file', async () => {
    env = freshTidbok();
    const slot = await firstFreeSlot(env.tidbok, 'fyrisdal-vaccination');
    const made = await env.tidbok.makeBooking({ patientId: SIV, slotId: slot.id });
    env.tidbok.close();
    const reopened = new EmbeddedTidbok(env.file);
    const bookings = await reopened.bookingsOf(SIV);
    reopened.close();
    env.tidbok = new EmbeddedTidbok(env.file);
    expect(bookings.map((b) => b.id)).toContain(made.ok && made.value.id);
  });

  it('refuses a slot that does not exist', async () => {
    env = freshTidbok();
    expect(await env.tidbok.makeBooking({ patientId: SIV, slotId: 'no-such-slot' })).toMatchObject({
      ok: false,
      rejection: { code: 'slot_not_found' },
    });
  });
});

describe('slot generation across DST', () => {
  it('keeps local opening hours on both sides of the spring and autumn changes', async () => {
    for (const seededAt of ['2026-03-25T09:00', '2026-10-21T09:00']) {
      env = freshTidbok(
        TEST_NOW.set({
          year: Number(seededAt.slice(0, 4)),
          month: Number(seededAt.slice(5, 7)),
          day: Number(seededAt.slice(8, 10)),
        }),
      );
      const slots = await env.tidbok.freeSlots({
        careServiceId: 'fyrisdal-lakarbesok',
        from: '2026-01-01T00:00:00+01:00',
        to: '2027-01-01T00:00:00+01:00',
      });
      const localStarts = new Set(slots.map((s) => s.start.slice(11, 16)));
      expect([...localStarts].every((t) => t >= '08:00' && t <= '15:30')).toBe(true);
      const offsets = new Set(slots.map((s) => s.start.slice(-6)));
      expect(offsets).toEqual(new Set(['+01:00', '+02:00']));
      env.cleanup();
    }
    env = freshTidbok();
  });
});

describe('a real race between processes', () => {
  it('gives exactly one booking when six processes book the same slot at the same instant', async () => {
    env = freshTidbok();
    const slot = await firstFreeSlot(env.tidbok, 'blod-blodgivning');
    const children = Array.from({ length: 6 }, (_, i) =>
      spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          fileURLToPath(new URL('./race-child.ts', import.meta.url)),
          env.file,
          slot.id,
          `1912121210${10 + i}`,
        ],
        { stdio: ['pipe', 'pipe', 'inherit'] },
      ),
    );
    const outputs = children.map((child) => {
      const lines: string[] = [];
      const done = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      createInterface({ input: child.stdout }).on('line', (l) => lines.push(l));
      return { child, lines, done };
    });
    await waitUntil(() => outputs.every((o) => o.lines.includes('ready')));
    for (const o of outputs) o.child.stdin.write('go\n');
    await Promise.all(outputs.map((o) => o.done));
    const outcomes = outputs.map((o) => o.lines[1]);
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'slot_taken')).toHaveLength(5);
  }, 60_000);
});

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1200 && !condition(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!condition()) throw new Error('the competing processes did not start');
}

describe('the embedded tidbok remembers its catalogue', () => {
  afterEach(cleanupTidboks);

  it('sees units renamed by another process or by itself, never a stale copy', async () => {
    const env = freshTidbok();
    const before = await env.tidbok.units();
    const unit = before[0]!;
    const other = new EmbeddedTidbok(env.file);
    const rename = (db: EmbeddedTidbok['db'], name: string) =>
      db
        .prepare('UPDATE units SET data = ? WHERE hsa_id = ?')
        .run(JSON.stringify({ ...JSON.parse(JSON.stringify(unit)), name }), unit.hsaId);
    rename(other.db, 'Omdöpt av en annan process');
    other.close();
    expect((await env.tidbok.units()).find((u) => u.hsaId === unit.hsaId)?.name).toBe('Omdöpt av en annan process');
    rename(env.tidbok.db, 'Omdöpt här');
    expect((await env.tidbok.units()).find((u) => u.hsaId === unit.hsaId)?.name).toBe('Omdöpt här');
    // The list handed out cannot be changed by a caller, so the next caller gets it whole.
    const list = await env.tidbok.units();
    expect(() => list.splice(0)).toThrow(TypeError);
    expect(await env.tidbok.units()).toHaveLength(before.length);
    // Until something changes, it is the same list: the catalogue built from it is reused.
    expect(await env.tidbok.units()).toBe(list);
  });
});

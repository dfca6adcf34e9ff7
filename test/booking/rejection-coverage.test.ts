import { afterAll, describe, expect, it } from 'vitest';
import { REJECTION_CODES, type Rejection } from '../../booking/rejections.js';
import { BOOK_CASES, CANCEL_CASES, nowOf, REBOOK_CASES, TERMS_CASES } from './policy-cases.js';
import { freshTidbok, TEST_NOW, TOLVAN } from '../support/tidbok.js';

// Every rejection code must be produced by some real call, not just declared.
const produced = new Set<string>();
const record = (r: { ok: boolean; rejection?: Rejection }) => {
  if (!r.ok) produced.add(r.rejection!.code);
};

describe('every rejection code', () => {
  const env = freshTidbok();
  afterAll(() => env.cleanup());

  it('is produced by a real call: the policy tables and the booking system itself', async () => {
    for (const c of [...CANCEL_CASES, ...REBOOK_CASES, ...BOOK_CASES, ...TERMS_CASES]) record(c.run(nowOf(c)));
    const slots = await env.service.freeSlots(
      TOLVAN,
      { kind: 'open', careServiceId: 'blod-blodgivning' },
      {},
      TEST_NOW,
    );
    const slotId = slots.ok ? slots.value[0]!.id : '';
    record(await env.service.book(TOLVAN, slotId, { termsAccepted: true }, TEST_NOW));
    record(await env.service.book('191111111111', slotId, { termsAccepted: true }, TEST_NOW));
    record(await env.service.book(TOLVAN, 'missing', { termsAccepted: true }, TEST_NOW));
    // A second and a third time of the same care service: the konfiguration allows two.
    for (const slot of slots.ok ? slots.value.slice(1, 3) : [])
      record(await env.service.book(TOLVAN, slot.id, { termsAccepted: true }, TEST_NOW));
    record(await env.service.bookInvitation(TOLVAN, 'missing', slotId, { termsAccepted: true }, TEST_NOW));
    expect([...produced].sort()).toEqual([...REJECTION_CODES].sort());
  });
});

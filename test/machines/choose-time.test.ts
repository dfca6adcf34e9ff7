import { describe, expect, it } from 'vitest';
import { fromPromise } from 'xstate';
import { matchesWish, type TimeWish } from '../../booking/slot-filter.js';
import { chooseTimeMachine, type ChooseTimeInput } from '../../machines/choose-time.machine.js';
import type { CommitTimeInput, FindSlotsInput } from '../../booking/effects.js';
import type { BookingSummary, FoundSlots, Outcome } from '../../booking/views.js';
import { choices, keys, outbox, slot, started, state, summary, turn, understanding } from '../support/machines.js';

// Six free times on one day: the times themselves are offered (free days at a glance are tested below).
const SLOTS = Array.from({ length: 6 }, (_, i) => slot(`s${i}`, `2026-12-10T1${i}:00:00+01:00`));
const found = (slots = SLOTS, alternatives: FoundSlots['alternatives'] = []): Outcome<FoundSlots> => ({
  ok: true,
  value: { slots, alternatives },
});

function withActors(opts: {
  find?: (wish: TimeWish, input: FindSlotsInput) => Outcome<FoundSlots> | Error;
  commit?: (slotId: string) => Outcome<BookingSummary> | Error;
}) {
  const searches: FindSlotsInput[] = [];
  const writes: CommitTimeInput[] = [];
  const machine = chooseTimeMachine.provide({
    actors: {
      findSlots: fromPromise<Outcome<FoundSlots>, FindSlotsInput>(async ({ input }) => {
        searches.push(input);
        const r = (opts.find ?? (() => found()))(input.wish, input);
        if (r instanceof Error) throw r;
        return r;
      }),
      commitTime: fromPromise<Outcome<BookingSummary>, CommitTimeInput>(async ({ input }) => {
        writes.push(input);
        const r = (opts.commit ?? (() => ({ ok: true, value: summary() })))(input.slotId);
        if (r instanceof Error) throw r;
        return r;
      }),
    },
  });
  return { machine, searches, writes };
}

const base = {
  patientId: 'p',
  termsAccepted: true,
  service: 'Läkarbesök',
  careServiceId: 'svc',
  unit: 'Vårdcentralen Fyrisdal',
  phone: '018',
  reasonMaxLength: 20,
};
const rebook: ChooseTimeInput = {
  ...base,
  target: { kind: 'rebook', bookingId: 'b1' },
  reason: 'none',
  replacing: summary(),
};
const open: ChooseTimeInput = {
  ...base,
  target: { kind: 'open', careServiceId: 'svc', viaGuide: false },
  reason: 'none',
};
const invitation: ChooseTimeInput = { ...base, target: { kind: 'invitation', invitationId: 'i1' }, reason: 'none' };

describe('choosing a time (rebook, invitation, open booking)', () => {
  it('offers four times at a time, then later times', async () => {
    const a = await started(withActors({}).machine, rebook);
    expect(choices(a)).toEqual(['s0', 's1', 's2', 's3', 'more', 'other-day', 'keep']);
    await turn(a, { type: 'user.chose', value: 'more' });
    expect(keys(a)).toEqual(['time.offerMore']);
    expect(choices(a)).toEqual(['s4', 's5', 'other-day', 'keep']);
  });

  it('narrows the search by what the resident says', async () => {
    const { machine, searches } = withActors({});
    const a = await started(machine, rebook);
    await turn(a, {
      type: 'user.said',
      text: 'på förmiddagen',
      understanding: understanding({ wish: { partOfDay: 'morning' } }),
    });
    expect(searches.at(-1)).toMatchObject({
      target: { kind: 'rebook', bookingId: 'b1' },
      wish: { partOfDay: 'morning' },
    });
    expect(state(a)).toBe('offering');
  });

  it('shows the nearest times when none fit the wish', async () => {
    const { machine, searches } = withActors({ find: (wish) => found(Object.keys(wish).length ? [] : SLOTS) });
    const a = await started(machine, { ...open, wish: { weekday: 6 } });
    expect(keys(a)).toEqual(['time.noSlotsForWish', 'time.offer']);
    expect(searches.map((s) => s.wish)).toEqual([{ weekday: 6 }, {}]);
  });

  it('shows the times from an hour before a clock time that is not free, on the same day', async () => {
    // Found by a new user: «halv fyra» listed the day from its first time.
    const { machine, searches } = withActors({ find: (wish) => found(SLOTS.filter((s) => matchesWish(s, wish))) });
    const day = { dateFrom: '2026-12-10', dateTo: '2026-12-10' };
    const a = await started(machine, { ...open, wish: { ...day, timeFrom: '14:30', timeTo: '14:31' } });
    expect(keys(a)).toEqual(['time.noSlotsForWish', 'time.offer']);
    expect(searches.map((s) => s.wish)).toEqual([
      { ...day, timeFrom: '14:30', timeTo: '14:31' },
      { ...day, timeFrom: '13:30' },
    ]);
    expect(choices(a)).toEqual(expect.arrayContaining(['s4', 's5']));
    expect(choices(a)).not.toContain('s0');
  });

  it('names the rule when a wish lies outside what may be booked, and shows the nearest times', async () => {
    const outside = {
      code: 'outside_invitation_window' as const,
      earliestDate: '2026-12-01',
      latestDate: '2026-12-31',
    };
    const { machine } = withActors({
      find: (wish) => (wish.dateFrom ? { ok: true, value: { slots: [], alternatives: [], outside } } : found()),
    });
    const a = await started(machine, invitation);
    await turn(a, {
      type: 'user.said',
      text: 'i februari',
      understanding: understanding({ wish: { dateFrom: '2027-02-01', dateTo: '2027-02-28' } }),
    });
    expect(keys(a)).toEqual(['booking.rejected.outside_invitation_window', 'time.nearest', 'time.offer']);
  });

  it('offers other units when there are no free times at all', async () => {
    const { machine, searches } = withActors({
      find: (_, input) =>
        input.target.kind === 'open' && input.target.careServiceId === 'svc'
          ? found(
              [],
              [
                {
                  careServiceId: 'other',
                  unitName: 'Vårdcentralen Sävjaberg',
                  unitPhone: '018-611 00 02',
                  firstStart: '2026-12-03T08:00:00+01:00',
                },
              ],
            )
          : found(),
    });
    const a = await started(machine, open);
    expect(keys(a)).toEqual(['time.noSlots', 'time.alternatives']);
    expect(choices(a)).toEqual(['alt:other', 'keep']);
    await turn(a, { type: 'user.chose', value: 'alt:other' });
    expect(searches.at(-1)?.target).toEqual({ kind: 'open', careServiceId: 'other', viaGuide: false });
    expect(state(a)).toBe('offering');
    // The other unit's name and number are the ones shown from now on.
    expect(a.getSnapshot().context).toMatchObject({
      unit: 'Vårdcentralen Sävjaberg',
      phone: '018-611 00 02',
    });
  });

  it('asks for another day, and searches everything again on "visa alla"', async () => {
    const { machine, searches } = withActors({});
    const a = await started(machine, { ...rebook, wish: { weekday: 5 } });
    await turn(a, { type: 'user.chose', value: 'other-day' });
    expect(keys(a)).toEqual(['time.askWish']);
    await turn(a, { type: 'user.chose', value: 'any-time' });
    expect(searches.at(-1)?.wish).toEqual({});
  });

  it('rebooks after an explicit yes, naming old and new time', async () => {
    const { machine, writes } = withActors({});
    const a = await started(machine, rebook);
    await turn(a, { type: 'user.chose', value: 's2' });
    expect(keys(a)).toEqual(['rebook.confirm', 'booking.phone']);
    await turn(a, { type: 'user.confirmed' });
    expect(a.getSnapshot().output).toMatchObject({ outcome: 'booked' });
    expect(keys(a)).toEqual(['rebook.done', 'booking.where']);
    expect(writes).toEqual([
      {
        patientId: 'p',
        target: { kind: 'rebook', bookingId: 'b1' },
        slotId: 's2',
        termsAccepted: true,
        reason: undefined,
      },
    ]);
  });

  it('asks for a reason for a new booking where configured, and tells what to bring', async () => {
    const { machine, writes } = withActors({
      commit: () => ({ ok: true, value: summary({ instructionsKey: 'instructions.provtagning' }) }),
    });
    const a = await started(machine, { ...open, reason: 'required' });
    await turn(a, { type: 'user.chose', value: 's0' });
    expect(keys(a)).toEqual(['book.reason.required']);
    await turn(a, { type: 'user.text', text: 'x'.repeat(21) });
    expect(keys(a)).toEqual(['booking.rejected.reason_too_long', 'book.reason.required']);
    await turn(a, { type: 'user.text', text: 'Ont i knät' });
    await turn(a, { type: 'user.confirmed' });
    expect(writes[0]).toMatchObject({ reason: 'Ont i knät', target: { kind: 'open' } });
    expect(keys(a)).toEqual(['book.done', 'booking.where', 'book.instructions', 'instructions.provtagning']);
  });

  it('goes back to the times on no', async () => {
    const { machine, writes } = withActors({});
    const a = await started(machine, rebook);
    await turn(a, { type: 'user.chose', value: 's2' });
    await turn(a, { type: 'user.declined' });
    expect(state(a)).toBe('offering');
    expect(writes).toHaveLength(0);
  });

  it('offers fresh times when the chosen one was taken meanwhile, without starting over', async () => {
    const { machine, searches } = withActors({
      commit: (id) => (id === 's0' ? { ok: false, rejection: { code: 'slot_taken' } } : { ok: true, value: summary() }),
    });
    const a = await started(machine, invitation);
    await turn(a, { type: 'user.chose', value: 's0' });
    await turn(a, { type: 'user.confirmed' });
    expect(keys(a)).toEqual(['time.slotTaken', 'time.offer']);
    expect(searches).toHaveLength(2);
    await turn(a, { type: 'user.chose', value: 's1' });
    await turn(a, { type: 'user.confirmed' });
    expect(a.getSnapshot().output).toMatchObject({ outcome: 'booked' });
  });

  it('ends with the reason when the rules refuse at the moment of writing', async () => {
    const { machine } = withActors({ commit: () => ({ ok: false, rejection: { code: 'invitation_used' } }) });
    const a = await started(machine, invitation);
    await turn(a, { type: 'user.chose', value: 's0' });
    await turn(a, { type: 'user.confirmed' });
    expect(a.getSnapshot().output).toEqual({ outcome: 'refused' });
    expect(keys(a)).toEqual(['booking.rejected.invitation_used']);
  });

  it('ends with the reason when the search itself is refused', async () => {
    const { machine } = withActors({
      find: () => ({ ok: false, rejection: { code: 'invitation_not_started', earliestDate: '2026-12-15' } }),
    });
    const a = await started(machine, invitation);
    expect(a.getSnapshot().output).toEqual({ outcome: 'refused' });
  });

  it('stays at the confirmation when the booking system fails', async () => {
    const a = await started(withActors({ commit: () => new Error('timeout') }).machine, open);
    await turn(a, { type: 'user.chose', value: 's0' });
    await turn(a, { type: 'user.confirmed' });
    expect(state(a)).toBe('confirming');
    expect(keys(a)[0]).toBe('error.bookingSystem');
  });

  it('asks for a wish when the search fails, instead of ending', async () => {
    const a = await started(withActors({ find: () => new Error('down') }).machine, open);
    expect(keys(a)).toEqual(['error.bookingSystem', 'time.askWish']);
  });

  it('stops on request: keeps the old time, or books nothing', async () => {
    const a = await started(withActors({}).machine, rebook);
    await turn(a, { type: 'user.chose', value: 'keep' });
    expect(a.getSnapshot().output).toEqual({ outcome: 'kept' });
    expect(keys(a)).toEqual(['rebook.stopped']);
    const b = await started(withActors({}).machine, open);
    await turn(b, { type: 'user.chose', value: 'keep' });
    expect(keys(b)).toEqual(['book.stopped']);
  });
});

describe('wishes said one after another', () => {
  it('adds a weekday to a month: «i januari», then «helst en fredag»', async () => {
    const { machine, searches } = withActors({});
    const a = await started(machine, open);
    await turn(a, {
      type: 'user.said',
      text: 'i januari',
      understanding: understanding({ wish: { dateFrom: '2027-01-01', dateTo: '2027-01-31' } }),
    });
    await turn(a, {
      type: 'user.said',
      text: 'helst en fredag',
      understanding: understanding({ wish: { weekday: 5 } }),
    });
    expect(searches.at(-1)?.wish).toEqual({ dateFrom: '2027-01-01', dateTo: '2027-01-31', weekday: 5 });
    await turn(a, {
      type: 'user.said',
      text: 'nästa vecka',
      understanding: understanding({ wish: { dateFrom: '2026-12-07', dateTo: '2026-12-13' } }),
    });
    expect(searches.at(-1)?.wish).toEqual({ dateFrom: '2026-12-07', dateTo: '2026-12-13' });
  });
});

describe('free days at a glance', () => {
  // Three days with free times: 2, 3 and 1 of them.
  const DAYS = [
    slot('a1', '2026-12-02T08:00:00+01:00'),
    slot('a2', '2026-12-02T09:00:00+01:00'),
    slot('b1', '2026-12-03T08:00:00+01:00'),
    slot('b2', '2026-12-03T09:00:00+01:00'),
    slot('b3', '2026-12-03T10:00:00+01:00'),
    slot('c1', '2026-12-04T08:00:00+01:00'),
  ];

  it('offers the days with how many free times, and the first free time, when the wish is broad', async () => {
    const { machine } = withActors({ find: () => found(DAYS) });
    const a = await started(machine, open);
    expect(keys(a)).toEqual(['time.days']);
    expect(choices(a)).toEqual([
      'first-free',
      'day:2026-12-02',
      'day:2026-12-03',
      'day:2026-12-04',
      'other-day',
      'keep',
    ]);
    expect(outbox(a)[0]!.choices![2]!.label.params).toEqual({ date: '2026-12-03', count: 3 });
    await turn(a, { type: 'user.chose', value: 'day:2026-12-03' });
    expect(choices(a)).toEqual(['b1', 'b2', 'b3', 'days', 'other-day', 'keep']);
    await turn(a, { type: 'user.chose', value: 'days' });
    expect(state(a)).toBe('overview');
  });

  it('takes the first free time at once', async () => {
    const { machine } = withActors({ find: () => found(DAYS) });
    const a = await started(machine, open);
    await turn(a, { type: 'user.chose', value: 'first-free' });
    expect(keys(a)).toEqual(['book.confirm', 'booking.phone']);
    expect(a.getSnapshot().context.chosen).toMatchObject({ id: 'a1' });
  });

  it('goes straight to the times when one day is wished', async () => {
    const { machine } = withActors({ find: () => found(DAYS.slice(2, 5)) });
    const a = await started(machine, { ...open, wish: { weekday: 4 } });
    expect(keys(a)).toEqual(['time.offer']);
  });
});

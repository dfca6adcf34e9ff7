import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromPromise } from 'xstate';
import { bookingEffects } from '../../booking/effects.js';
import type { BookingSummary } from '../../booking/views.js';
import { understand } from '../../dialogs/understand.js';
import type { UnderstandingModel } from '../../dialogs/understanding-model.js';
import { pickBookingMachine, type ChangeAction } from '../../machines/pick-booking.machine.js';
import { choices, keys, started, state, turn, type TestFlow } from '../support/machines.js';
import { cleanupTidboks, freshTidbok, shippedModel, TEST_NOW, TOLVAN } from '../support/tidbok.js';

// Naming the booking picks it: Tolvan's own bookings from the demo tidbok (Tuesday
// 1 December 2026, 9.00), read by the shipped understanding, as the resident writes.
//   Mon 7 Dec 9.30 Läkarbesök, Fyrisdal (Anna Berg)   Tue 1 Dec Provtagning, Fyrisdal
//   Wed 9 and 16 Dec Återbesök hos fysioterapeut (a series, Sara Nyström)
//   Fri 11 Dec 13.00 Ljusbehandling (two resources)   Sat 5 Dec 11.00 Beroendecentrum (confidential)
//   Sun 13 Dec Hälsosamtal, Sävjaberg (Johan Ek)     Mon 21 Dec 14.10 Återbesök hudläkare (Maria Lindqvist)

let model: UnderstandingModel;
let bookings: BookingSummary[];
beforeAll(async () => {
  model = await shippedModel();
  const { service } = freshTidbok();
  bookings = await bookingEffects(service, () => TEST_NOW).listBookings({ patientId: TOLVAN });
});
afterAll(cleanupTidboks);

const machine = () => pickBookingMachine.provide({ actors: { listBookings: fromPromise(async () => bookings) } });
/** The booking taken: picked (and so the output), or refused with its reason. */
const idOf = (a: TestFlow) =>
  (a.getSnapshot().output as { booking?: BookingSummary } | undefined)?.booking?.id ??
  (a.getSnapshot().context.selected as BookingSummary | undefined)?.id;

async function asked(text: string, action: ChangeAction = 'cancel') {
  const hint = await understand(text, TEST_NOW, model);
  return started(machine(), { patientId: TOLVAN, action, hint });
}
const said = async (a: TestFlow, text: string) =>
  turn(a, { type: 'user.said', text, understanding: await understand(text, TEST_NOW, model) });

describe('naming the booking picks it', () => {
  it.each([
    ['avboka läkarbesöket', 'tolvan-lakarbesok'],
    ['avboka tiden hos doktorn', 'tolvan-lakarbesok'],
    ['jag vill avboka min tid hos Anna Berg', 'tolvan-lakarbesok'],
    ['avboka läkartiden på vårdcentralen', 'tolvan-lakarbesok'],
    ['avboka provtagningen', 'tolvan-provtagning-snart'],
    ['kan jag avboka hudläkaren', 'tolvan-hud-aterbesok'],
    ['avboka tiden hos sjuksköterskan på sävjaberg', 'tolvan-halsosamtal'],
    ['avboka tiden på måndag kl 9.30', 'tolvan-lakarbesok'],
    ['avboka min tid kl 14.10', 'tolvan-hud-aterbesok'],
    ['avboka mitt besök hos maria lindqvist', 'tolvan-hud-aterbesok'],
    ['avboka tiden hos sköterskan', 'tolvan-halsosamtal'],
    ['avboka tiden hos syster', 'tolvan-halsosamtal'],
    ['avboka min tid hos dr berg', 'tolvan-lakarbesok'],
  ])('«%s» → %s', async (text, id) => {
    const a = await asked(text);
    expect(idOf(a)).toBe(id);
  });

  it('answers a booking that cannot be changed with its reason at once, never another booking', async () => {
    const a = await asked('avboka provtagningen');
    expect(state(a)).toBe('refused');
    expect(keys(a)).toContain('booking.rejected.too_late_to_cancel');
    expect(a.getSnapshot().output).toBeUndefined();
  });

  it('after a refusal offers only the bookings that can be changed', async () => {
    const a = await asked('avboka provtagningen');
    expect(choices(a)).toEqual(['tolvan-lakarbesok', 'tolvan-hud-aterbesok', 'menu']);
  });

  it('ends with the reason when no booking at all can be changed', async () => {
    const unchangeable = bookings.filter((b) => !b.cancel.ok);
    const hint = await understand('avboka sjukgymnasten', TEST_NOW, model);
    const only = pickBookingMachine.provide({ actors: { listBookings: fromPromise(async () => unchangeable) } });
    const a = await started(only, { patientId: TOLVAN, action: 'cancel', hint });
    expect(keys(a).filter((k) => k === 'booking.rejected.series_booking')).toHaveLength(2);
    expect(a.getSnapshot().output).toMatchObject({ outcome: 'declined' });
  });

  it('answers several bookings that fit but none of which can be changed with their reasons', async () => {
    const a = await asked('avboka sjukgymnasten');
    expect(state(a)).toBe('refused');
    expect(keys(a).filter((k) => k === 'booking.rejected.series_booking')).toHaveLength(2);
  });

  it('lists only the bookings that fit when several do, changeable first', async () => {
    const a = await asked('avboka mitt återbesök');
    expect(state(a)).toBe('narrowed');
    expect(keys(a)).toEqual(['pick.several']);
    expect(choices(a)).toEqual(['tolvan-hud-aterbesok', 'tolvan-fysio-serie-1', 'tolvan-fysio-serie-2', 'menu']);
  });

  it('says so when nothing fits what was named, and lists every booking', async () => {
    const a = await asked('avboka tiden hos tandläkaren');
    expect(keys(a)).toEqual(['pick.noneNamed', 'cancel.choose']);
    expect(choices(a)).toHaveLength(6); // four, «fler» and «meny»
  });

  it('uses a stated clock time: «måndag kl 11» is not the Monday booking at 9.30', async () => {
    const a = await asked('jag har en tid på måndag kl 11 som jag vill avboka');
    expect(idOf(a)).toBeUndefined();
    expect(keys(a)).toEqual(['pick.noneNamed', 'cancel.choose']);
  });

  it('keeps a confidential booking invisible: naming it answers as naming something that does not exist', async () => {
    const hidden = await asked('avboka tiden hos beroendecentrum på lördag kl 11');
    const unknown = await asked('avboka tiden hos kiropraktorn på lördag kl 11');
    expect(hidden.said).toEqual(unknown.said);
    expect(JSON.stringify(hidden.said)).not.toMatch(/beroende/i);
  });

  it('does not take a question about bookings for an answer, though it names one', async () => {
    const a = await asked('jag vill avboka en tid');
    await said(a, 'har jag nån tid hos doktorn snart?');
    expect(state(a)).toBe('choosing');
  });

  it('takes the name as an answer to «Vilken tid …?»', async () => {
    const a = await asked('jag vill avboka en tid');
    expect(state(a)).toBe('choosing');
    await said(a, 'läkarbesöket');
    expect(idOf(a)).toBe('tolvan-lakarbesok');
  });

  it('narrows the list step by step: «återbesöket», then «hudläkaren»', async () => {
    const a = await asked('avboka en tid');
    await said(a, 'återbesöket');
    expect(state(a)).toBe('narrowed');
    await said(a, 'den hos hudläkaren');
    expect(idOf(a)).toBe('tolvan-hud-aterbesok');
  });

  it('lists changeable bookings first, each group in time order', async () => {
    const a = await asked('jag vill avboka');
    await turn(a, { type: 'user.chose', value: 'more' });
    const all = [...choices(await asked('jag vill avboka')).slice(0, 4), ...choices(a).slice(0, 3)];
    expect(all).toEqual([
      'tolvan-lakarbesok',
      'tolvan-hud-aterbesok',
      'tolvan-provtagning-snart',
      'tolvan-fysio-serie-1',
      'tolvan-ljusbehandling',
      'tolvan-halsosamtal',
      'tolvan-fysio-serie-2',
    ]);
  });
});

describe('the wish is not the booking', () => {
  it('«flytta min läkartid till torsdag eftermiddag»: the läkartid, with Thursday afternoon as the wish', async () => {
    const a = await asked('kan jag flytta min läkartid till torsdag eftermiddag?', 'rebook');
    expect(idOf(a)).toBe('tolvan-lakarbesok');
    expect(a.getSnapshot().output).toMatchObject({ wish: { weekday: 4, partOfDay: 'afternoon' } });
  });

  it('a day with no booking on it is the wish when rebooking, even without «till»', async () => {
    const a = await asked('boka om läkarbesöket, helst på fredag', 'rebook');
    expect(idOf(a)).toBe('tolvan-lakarbesok');
    expect(a.getSnapshot().output).toMatchObject({ wish: { weekday: 5 } });
  });

  it('a day with a booking on it picks that booking, and only the rest is the wish', async () => {
    const a = await asked('boka om tiden på måndag till eftermiddagen', 'rebook');
    expect(idOf(a)).toBe('tolvan-lakarbesok');
    expect(a.getSnapshot().output).toMatchObject({ wish: { partOfDay: 'afternoon' } });
  });

  it('«flytta tiden på måndag till tisdag»: Monday names the booking, Tuesday is the wish', async () => {
    const a = await asked('flytta tiden på måndag den 7 till tisdag', 'rebook');
    expect(idOf(a)).toBe('tolvan-lakarbesok');
    expect(a.getSnapshot().output).toMatchObject({ wish: { weekday: 2 } });
  });
});

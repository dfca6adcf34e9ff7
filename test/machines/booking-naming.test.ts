import { beforeAll, describe, expect, it } from 'vitest';
import { understand } from '../../dialogs/understand.js';
import type { UnderstandingModel } from '../../dialogs/understanding-model.js';
import { bookingsNamed } from '../../machines/booking-naming.js';
import { at } from '../support/fixtures.js';
import { summary } from '../support/machines.js';
import { shippedModel } from '../support/tidbok.js';

// Which of four vaccinations a resident means by a day (found by a new user: «den på
// torsdag den 10e» took the booking of Thursday 3 December, as «den 10e» was no date).

const NOW = at('2026-11-26T09:00');
let model: UnderstandingModel;
beforeAll(async () => {
  model = await shippedModel();
});

const vaccination = (id: string, start: string) =>
  summary({
    id,
    start,
    end: start,
    careServiceId: 'fyrisdal-vaccination',
    serviceName: 'Vaccination mot influensa',
    names: { service: ['Vaccination mot influensa', 'vaccination'], unit: ['Vårdcentralen Fyrisdal', 'fyrisdal'] },
  });
const bookings = [
  vaccination('thu-3', '2026-12-03T13:30:00+01:00'),
  vaccination('fri-4', '2026-12-04T10:00:00+01:00'),
  vaccination('thu-10', '2026-12-10T13:30:00+01:00'),
  vaccination('mon-14', '2026-12-14T09:00:00+01:00'),
];
const named = async (text: string, action: 'cancel' | 'rebook' = 'cancel') =>
  bookingsNamed(bookings, await understand(text, NOW, model), action).fits.map((b) => b.id);

describe('a booking named by its day', () => {
  it('takes a weekday said alone as the coming one, as «på måndag» is everywhere', async () => {
    expect(await named('torsdagen')).toEqual(['thu-3']);
  });

  it('takes a day of the month, with or without its weekday, as that date', async () => {
    expect(await named('den på torsdag den 10e')).toEqual(['thu-10']);
    expect(await named('den 10:e')).toEqual(['thu-10']);
    expect(await named('den 3 december')).toEqual(['thu-3']);
  });

  it('keeps a day after «till» as the wish for the new time when rebooking', async () => {
    const u = await understand('flytta vaccinationen den 14:e till torsdag', NOW, model);
    const naming = bookingsNamed(bookings, u, 'rebook');
    expect(naming.fits.map((b) => b.id)).toEqual(['mon-14']);
    expect(naming.wish.weekday).toBe(4);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeOpeningHours, encodeOpeningHours } from '../../booking/opening-hours.js';
import { conversation, login, startTestApp, TEST_CLOCK, type TestApp } from '../support/app.js';
import { seededTemplate } from '../support/seeded-template.js';

// Units that take no bookings say what to do instead, each in its own words.

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, seededTemplate(TEST_CLOCK));
});
afterAll(async () => {
  await t.stop();
});

let n = 0;
const chat = async () => conversation(t.url, `kinds-${n++}`, await login(t.url, '190101012020'));

describe('units outside the booking service', () => {
  it('akuten: no bookings, 112 in an emergency, 1177 for advice, never «Ring 112 om du behöver en tid»', async () => {
    const c = await chat();
    await c.say('jag vill boka en tid på akuten');
    expect(c.text()).toContain('Akutmottagningen Akademiska tar inte emot bokningar. Ring 112 om det är akut.');
    expect(c.text()).toContain('ring 1177');
    expect(c.text()).not.toContain('om du behöver en tid');
  });

  it('drop-in: come without booking, in the opening hours', async () => {
    const c = await chat();
    await c.say('boka provtagning på provtagningen centrum');
    expect(c.text()).toContain(
      'Till Provtagningen Centrum (drop-in) kommer du utan att boka tid. Öppet måndag–fredag 7.30–12.00.',
    );
  });

  it('maternity: book with the midwife by phone, with the number', async () => {
    const c = await chat();
    await c.say('boka tid hos barnmorskemottagningen');
    expect(c.text()).toContain(
      'Tider hos Barnmorskemottagningen Fyrisdal bokar du med din barnmorska. Ring 018-611 00 06',
    );
  });
});

describe('opening hours carried in a refusal', () => {
  it('survive the trip through a plain string', () => {
    const hours = [
      { weekdays: [1, 2, 3, 4], from: '07:30', to: '18:00' },
      { weekdays: [5], from: '07:30', to: '15:00' },
    ];
    expect(decodeOpeningHours(encodeOpeningHours(hours))).toEqual(hours);
    expect(decodeOpeningHours('nonsense; 9 25:00-26:00')).toEqual([]);
  });
});

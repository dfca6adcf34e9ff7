import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversation, login, startTestApp, type TestApp } from '../support/app.js';
import { seededTemplate } from '../support/seeded-template.js';

// Answers residents give inside a flow, read against what is on the screen.

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp({}, seededTemplate('2026-12-01T09:00'));
  token = await login(t.url);
});
afterAll(() => t.stop());

describe('answers inside a flow', () => {
  it('reads a clock time said while one day is shown as that time on that day', async () => {
    const c = conversation(t.url, 'day-time', token);
    await c.say('boka provtagning på fyrisdal');
    await c.click('Ja, boka en till');
    const day = c.buttons().find((b) => /^onsdag 2 december/.test(b));
    expect(day, c.buttons().join(' | ')).toBeDefined();
    await c.click(day!);
    expect(c.buttons()[0]).toBe('onsdag 2 december kl. 7.30');
    await c.say('kl 9 funkar');
    expect(c.buttons().filter((b) => b.startsWith('onsdag 2 december kl. 9.'))).toHaveLength(4);
    expect(c.buttons().every((b) => !/december kl\. (7|8|1\d)\./.test(b))).toBe(true);
    await c.say('den sista');
    expect(c.text()).toContain('onsdag 2 december kl. 9.40');
  });

  it('keeps the day when the time said is not free on it, and takes a free time said exactly', async () => {
    const c = conversation(t.url, 'one-time', token);
    await c.say('boka provtagning på fyrisdal');
    await c.click('Ja, boka en till');
    await c.click(c.buttons().find((b) => /^onsdag 2 december/.test(b))!);
    // 9.05 is not a free time: that day's times from an hour before it instead, not every day.
    await c.say('kl 9.05');
    expect(c.text()).toContain('Jag hittar inga lediga tider som passar det du skrev.');
    expect(c.buttons()).toContain('onsdag 2 december kl. 9.00');
    expect(c.buttons().some((b) => /^(torsdag|fredag) /.test(b))).toBe(false);
    // A listed time said is that time, asked about as a click would be.
    await c.say('klockan nio');
    expect(c.text()).toContain('Vill du boka Provtagning på Vårdcentralen Fyrisdal onsdag 2 december kl. 9.00?');
  });

  it('reads «nope fortsätt» as staying, and «tillbaka» as the button back to the menu', async () => {
    const c = conversation(t.url, 'switch-no', token);
    await c.say('avboka läkarbesöket');
    await c.say('nej förresten, visa mina tider');
    expect(c.buttons()).toEqual(['Ja, byt', 'Nej, fortsätt']);
    await c.say('nope fortsätt');
    expect(c.text()).not.toContain('bokade tider:');
    expect(c.buttons()).toContain('Ja, avboka');

    const list = conversation(t.url, 'back-button', token);
    await list.say('avboka');
    expect(list.buttons()).toContain('Tillbaka till menyn');
    await list.say('tillbaka');
    expect(list.text()).not.toContain('Jag förstod inte');
    expect(list.text()).toMatch(/Vad vill du göra|Vad kan jag hjälpa/);
  });

  it('goes on to later days with «Fler dagar» past what one search found, in order, to the end of the window', async () => {
    const c = conversation(t.url, 'more-days', token);
    await c.say('boka provtagning på fyrisdal');
    await c.click('Ja, boka en till');
    const seen: string[] = [];
    for (let i = 0; i < 30 && c.buttons().includes('Fler dagar'); i++) {
      seen.push(...c.buttons().filter((b) => /^\w+dag \d+ \w+( \d{4})? \(\d+ st\)$/.test(b)));
      await c.click('Fler dagar');
    }
    seen.push(...c.buttons().filter((b) => /\(\d+ st\)$/.test(b)));
    // Every day once, in order, on to January (one search holds about two weeks of these times).
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.some((d) => d.includes('januari'))).toBe(true);
    expect(c.buttons()).not.toContain('Fler dagar');
  });
});

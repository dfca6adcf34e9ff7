import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { conversation, login, startTestApp, TEST_CLOCK, type TestApp } from '../support/app.js';
import { seededTemplate } from '../support/seeded-template.js';

// Bookings a resident can trust, over HTTP against fresh demo data for every test.

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp({}, seededTemplate(TEST_CLOCK));
});
afterEach(async () => {
  await t.stop();
});

const chat = async (personnummer = '191212121212') => conversation(t.url, 'trust', await login(t.url, personnummer));

describe('the same clinician', () => {
  it('rebooking shows the same clinician’s times first', async () => {
    const c = await chat();
    await c.say('boka om läkarbesöket');
    expect(c.text()).toContain('Lediga tider hos Leg. läkare Anna Berg, Läkarbesök på Vårdcentralen Fyrisdal:');
    expect(c.buttons()).toContain('Tider hos alla');
    await c.click(c.buttons()[0]!);
    expect(c.text()).toContain('Vill du boka om din tid');
    expect(c.text()).not.toContain('Observera');
  });

  it('«vem som helst» shows everyone’s times, and a time with someone else is named before the yes', async () => {
    const c = await chat();
    await c.say('boka om läkarbesöket');
    await c.say('vem som helst');
    expect(c.text()).toContain('Lediga tider för Läkarbesök på Vårdcentralen Fyrisdal:');
    const omar = c.buttons().find((b) => b.includes('Omar Haddad'));
    expect(omar).toBeDefined();
    await c.click(omar!);
    expect(c.text()).toContain(
      'Observera: den nya tiden är hos Leg. läkare Omar Haddad, inte hos Leg. läkare Anna Berg.',
    );
  });

  it('«helst hos Omar Haddad» shows his times; «samma läkare» goes back to Anna Berg', async () => {
    const c = await chat();
    await c.say('boka om läkarbesöket');
    await c.say('helst hos Omar Haddad');
    expect(c.text()).toContain('Lediga tider hos Leg. läkare Omar Haddad');
    await c.say('nej förresten, samma läkare som förut');
    expect(c.text()).toContain('Lediga tider hos Leg. läkare Anna Berg');
  });
});

describe('no double booking by mistake', () => {
  it('says so when the resident already has this kind of care booked, and asks', async () => {
    const c = await chat('191111111111');
    await c.say('jag vill boka vaccination på sävjaberg');
    await c.click('Jag godkänner');
    expect(c.text()).toContain('Du har redan en bokad tid för det här:');
    expect(c.text()).toContain('Vaccination mot influensa, Vårdcentralen Sävjaberg');
    await c.click('Nej, det räcker');
    expect(c.text()).toContain('Okej, jag har inte bokat någon tid.');
    await c.say('jag vill boka vaccination på sävjaberg');
    await c.click('Jag godkänner');
    await c.click('Ja, boka en till');
    expect(c.text()).toContain('Lediga tider för Vaccination mot influensa på Vårdcentralen Sävjaberg');
  });

  it('points out a time that overlaps another booking before the yes', async () => {
    const c = await chat();
    await c.say('boka provtagning på sävjaberg måndag 14 december kl 10');
    await c.click('måndag 14 december kl. 10.10');
    expect(c.text()).toContain('Vill du boka Provtagning på Vårdcentralen Sävjaberg måndag 14 december kl. 10.10?');
    expect(c.text()).toContain(
      'Observera: den här tiden krockar med din bokade tid måndag 14 december kl. 9.45, Hälsosamtal.',
    );
  });
});

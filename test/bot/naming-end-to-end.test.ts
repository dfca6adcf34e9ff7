import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { conversation, login, startTestApp, TEST_CLOCK, type TestApp } from '../support/app.js';
import { seededTemplate } from '../support/seeded-template.js';

// Residents name things, over HTTP against fresh demo data (Tuesday 1 December 2026, 9.00)
// for every test: each exchange of the issue that asked for it, as a resident writes it.

const TOLVAN = '191212121212';
const SIV = '191111111111';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp({}, seededTemplate(TEST_CLOCK));
});
afterEach(async () => {
  await t.stop();
});

const chat = async (personnummer = TOLVAN) => conversation(t.url, 'naming', await login(t.url, personnummer));

describe('naming the booking picks it', () => {
  it('«avboka läkarbesöket» goes straight to that booking, with its address and phone', async () => {
    const c = await chat();
    await c.say('avboka läkarbesöket');
    expect(c.text()).toContain('Vill du avboka den här tiden?');
    expect(c.text()).toContain('måndag 7 december kl. 9.30');
    expect(c.text()).toContain('Fyrisdalsvägen 12, 753 20 Uppsala. Telefon 018-611 00 01');
  });

  it('«läkarbesöket» as the answer to «Vilken tid vill du avboka?» is understood', async () => {
    const c = await chat();
    await c.say('jag vill avboka en tid');
    expect(c.text()).toContain('Vilken tid vill du avboka?');
    await c.say('läkarbesöket');
    expect(c.text()).toContain('Vill du avboka den här tiden?');
    expect(c.text()).toContain('Läkarbesök, Vårdcentralen Fyrisdal');
  });

  it('a stated clock time counts: nothing at 11 on Monday is said so, not swapped for the 9.30 booking', async () => {
    const c = await chat();
    await c.say('jag har en tid hos beroendecentrum på måndag kl 11 som jag vill avboka');
    expect(c.text()).toContain('Jag hittar ingen bokad tid som passar det du skrev.');
    expect(c.text()).not.toContain('Vill du avboka den här tiden?');
    expect(c.text()).not.toMatch(/beroende/i);
  });

  it('a booking that cannot be changed is answered with its reason and the number to call', async () => {
    const c = await chat();
    await c.say('jag vill avboka sjukgymnasten');
    expect(c.text()).toContain('en del av en serie av besök');
    expect(c.text()).toContain('Ring Fysioterapin Eriksdal på 018-611 00 03');
  });
});

describe('asking about some bookings shows those', () => {
  it('«har jag nån tid hos doktorn snart?» shows the läkarbesök alone', async () => {
    const c = await chat();
    await c.say('har jag nån tid hos doktorn snart?');
    expect(c.text()).toContain('Den här bokade tiden passar det du frågade om:');
    expect(c.text()).toContain('Läkarbesök, Vårdcentralen Fyrisdal');
    expect(c.text()).not.toContain('Provtagning');
  });

  it('a question that names nothing shows every booking', async () => {
    const c = await chat();
    await c.say('vilka tider har jag');
    expect(c.text()).toContain('Du har 7 bokade tider:');
  });
});

describe('the wish is not the booking', () => {
  it('«kan jag flytta min läkartid till torsdag eftermiddag?» offers Thursday afternoon for the läkarbesök', async () => {
    const c = await chat();
    await c.say('kan jag flytta min läkartid till torsdag eftermiddag?');
    expect(c.text()).not.toContain('Det finns ingen bokad tid den dagen');
    expect(c.text()).toContain('Läkarbesök på Vårdcentralen Fyrisdal:');
    const times = c.buttons().filter((b) => b.includes(' kl. '));
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) expect(time).toMatch(/^torsdag \d+ december kl\. (1[2-6])\.\d\d$/);
  });
});

describe('invitations recognised from ordinary words', () => {
  it('Siv: «jag vill boka min diabeteskontroll» books from her invitation', async () => {
    const c = await chat(SIV);
    await c.say('jag vill boka min diabeteskontroll');
    expect(c.text()).not.toContain('Den här typen av tid bokar du när mottagningen har skickat');
    expect(c.text()).toContain('Dags för din årliga diabeteskontroll');
    expect(c.text()).toContain('Lediga tider för Diabeteskontroll på Vårdcentralen Fyrisdal');
  });

  it('Siv: «fått brev om diabeteskontroll. Kan jag boka den» does the same', async () => {
    const c = await chat(SIV);
    await c.say('Jag har fått brev om diabeteskontroll. Kan jag boka den');
    expect(c.text()).toContain('Lediga tider för Diabeteskontroll på Vårdcentralen Fyrisdal');
  });

  it('Tolvan: «fick en kallelse till mammografi, vill boka en tid i januari» tells when the invitation opens', async () => {
    const c = await chat();
    await c.say('fick en kallelse till mammografi, vill boka en tid i januari');
    expect(c.text()).toContain('Du kan boka med det här bokningsunderlaget från och med tisdag 15 december.');
    expect(c.text()).not.toContain('Den här typen av tid bokar du när mottagningen har skickat');
  });

  it('Tolvan: «boka min diabeteskontroll» gets the expired invitation’s own answer', async () => {
    const c = await chat();
    await c.say('jag vill boka min diabeteskontroll');
    expect(c.text()).toContain('Tiden för att boka med det här bokningsunderlaget gick ut');
  });

  it('Tolvan: «boka hudläkare», a service booked by invitation, books from the invitation', async () => {
    const c = await chat();
    await c.say('jag vill boka tid hos hudläkare');
    expect(c.text()).toContain('Lediga tider för Nybesök hudläkare på Hudmottagningen Akademiska');
  });
});

describe('two wishes in one message', () => {
  it('«avboka tiden på måndag och boka en ny nästa vecka»: cancels, then books the same kind of time', async () => {
    const c = await chat();
    await c.say('avboka tiden på måndag och boka en ny nästa vecka');
    expect(c.text()).toContain('Vill du avboka den här tiden?');
    await c.click('Ja, avboka');
    expect(c.text()).toContain('Klart! Tiden måndag 7 december kl. 9.30');
    expect(c.text()).toContain('Nu bokar vi din nya tid.');
    expect(c.text()).toContain('Läkarbesök på Vårdcentralen Fyrisdal. Vilken dag passar dig?');
    // Next week's days, and its first free time.
    for (const day of c.buttons().filter((b) => b.includes('december')))
      expect(day).toMatch(/^(Första lediga: )?(måndag|tisdag|onsdag|torsdag|fredag) (7|8|9|10|11) december/);
  });

  it('«boka om läkarbesöket och avboka hudläkaren»: both, in order', async () => {
    const c = await chat();
    await c.say('boka om läkarbesöket och avboka hudläkaren');
    expect(c.text()).toContain('Lediga tider hos Leg. läkare Anna Berg, Läkarbesök på Vårdcentralen Fyrisdal.');
    await c.click(c.buttons()[0]!);
    await c.click('Ja, boka om');
    expect(c.text()).toContain('Den gamla tiden är avbokad.');
    expect(c.text()).toContain('Nu tar vi avbokningen.');
    expect(c.text()).toContain('Läs villkoren');
    expect(c.text()).toContain('Återbesök hudläkare');
  });

  it('when the first is not done, the second waits until asked again', async () => {
    const c = await chat();
    await c.say('avboka tiden på måndag och boka en ny nästa vecka');
    await c.click('Nej, behåll tiden');
    expect(c.text()).toContain('Du bad också om att boka en ny tid.');
    expect(c.text()).not.toContain('Lediga tider');
  });
});

describe('questions answered from data', () => {
  it('«var ligger vårdcentralen fyrisdal?» gives the address', async () => {
    const c = await chat();
    await c.say('var ligger vårdcentralen fyrisdal?');
    expect(c.text()).toContain('Adress: Fyrisdalsvägen 12, 753 20 Uppsala');
    expect(c.text()).not.toContain('Vad vill du boka?');
  });

  it('«vilket nummer har hudmottagningen» and «när öppnar blodcentralen» answer the fact asked', async () => {
    const c = await chat();
    await c.say('vilket nummer har hudmottagningen');
    expect(c.text()).toContain('Telefon: 018-611 00 04');
    await c.say('när öppnar blodcentralen');
    expect(c.text()).toContain('Öppet: måndag–onsdag 8.00–18.00, torsdag och fredag 8.00–14.00');
  });

  it('«var ligger den?» in the middle of an errand answers for its unit and asks the question again', async () => {
    const c = await chat();
    await c.say('avboka läkarbesöket');
    await c.say('var ligger den?');
    expect(c.text()).toContain('Adress: Fyrisdalsvägen 12, 753 20 Uppsala');
    expect(c.text()).toContain('Vill du avboka den här tiden?');
  });

  it('«vad kostar ett besök på vårdcentralen?» gets the patient fee text with its link, no booking', async () => {
    const c = await chat();
    await c.say('vad kostar ett besök på vårdcentralen?');
    expect(c.text()).toContain('patientavgiften');
    expect(c.text()).toContain('https://www.1177.se/Uppsala-lan/Regler-och-rattigheter/Patientavgifter-i-Uppsala-lan/');
    expect(c.text()).not.toContain('Rättspsykiatriska');
  });

  it('«tack!» and «hej då» get a short close; neither starts a booking', async () => {
    const c = await chat();
    await c.say('hej');
    await c.say('tack!');
    expect(c.text()).toContain('Varsågod!');
    await c.say('hej då');
    expect(c.text()).toContain('Hej då!');
    expect(c.text()).not.toContain('Vad vill du boka?');
  });
});

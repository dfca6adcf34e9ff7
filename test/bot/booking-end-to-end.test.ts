import { afterEach, describe, expect, it } from 'vitest';
import { conversation, login, startTestApp, type TestApp } from '../support/app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

const bookingsOf = async (url: string, personnummer = '191212121212') =>
  (await (await fetch(`${url}/api/demo/bookings?personnummer=${personnummer}`)).json()) as {
    bookingId: string;
    status: string;
    start: string;
    careServiceId: string;
    fromInvitationId: string | null;
  }[];

describe('booking over HTTP', () => {
  it('books against the open invitation inside its window, and cannot use it twice', async () => {
    t = await startTestApp();
    const c = conversation(t.url, 'inv', await login(t.url));
    await c.say('jag har fått en kallelse');
    expect(c.text()).toContain('Du har fått en remiss till Hudmottagningen');
    expect(c.text()).toContain('Du kan boka från tisdag 1 december till och med torsdag 31 december.');
    expect(c.text()).toContain('Du kan boka med det här bokningsunderlaget från och med tisdag 15 december.');
    await c.click('Nybesök hudläkare, Hudmottagningen Akademiska');
    expect(c.text()).toContain('Lediga tider för Nybesök hudläkare på Hudmottagningen Akademiska');
    const times = c.buttons().filter((b) => b.includes(' kl. '));
    expect(times.length).toBeGreaterThan(0);
    await c.say('i februari');
    expect(c.text()).toContain(
      'Bokningsunderlaget gäller tider från tisdag 1 december till och med torsdag 31 december. Välj en tid inom den perioden.',
    );
    expect(c.text()).toContain('Här är de närmaste lediga tiderna.');
    await c.click(c.buttons()[0]!);
    await c.click('Ja, boka');
    expect(c.text()).toMatch(/Klart! Du har bokat Nybesök hudläkare på Hudmottagningen Akademiska (.+) kl\./);
    const booked = (await bookingsOf(t.url)).find((b) => b.fromInvitationId === 'tolvan-underlag-hud')!;
    expect(booked.careServiceId).toBe('hud-nybesok');
    expect(booked.start.slice(0, 10) <= '2026-12-31').toBe(true);

    await c.say('boka med bokningsunderlag');
    expect(c.text()).not.toContain('Nybesök hudläkare, Hudmottagningen Akademiska\n');
    expect(c.buttons()).not.toContain('Nybesök hudläkare, Hudmottagningen Akademiska');
  });

  it('books an open time with a required reason and tells what to bring', async () => {
    t = await startTestApp();
    const c = conversation(t.url, 'open', await login(t.url, '190101012020'));
    await c.say('Hej, jag skulle vilja boka en läkartid på Fyrisdal nästa vecka på förmiddagen');
    expect(c.text()).toContain('Lediga tider för Läkarbesök på Vårdcentralen Fyrisdal');
    const first = c.buttons()[0]!;
    // The days of next week come first, with the first free time in the morning.
    expect(first).toMatch(
      /^Första lediga: (måndag|tisdag|onsdag|torsdag|fredag) (7|8|9|10|11) december kl\. (8|9|10|11)\.\d\d$/,
    );
    await c.click(first);
    expect(c.text()).toContain('Skriv kort varför du vill komma');
    await c.say('x'.repeat(200));
    expect(c.text()).toContain('Texten är för lång: 200 tecken. Skriv högst 150 tecken.');
    await c.say('Ont i knät sedan i somras');
    await c.click('Ja, boka');
    expect(c.text()).toContain(
      `Klart! Du har bokat Läkarbesök på Vårdcentralen Fyrisdal ${first.replace('Första lediga: ', '')}`,
    );
    expect(await bookingsOf(t.url, '190101012020')).toHaveLength(1);

    await c.say('boka blodprov på Sävjaberg i april');
    expect(c.text()).toContain(
      'Så långt fram går det inte att boka. Du kan boka tider till och med tisdag 12 januari 2027.',
    );
    await c.say('avbryt');
    await c.say('boka vaccination');
    await c.click('Vårdcentralen Fyrisdal');
    await c.click(c.buttons()[0]!);
    await c.click('Ja, boka');
    expect(c.text()).toContain('Inför besöket:');
    expect(c.text()).toContain('Ha på dig kläder så att det är lätt att komma åt överarmen.');
  });

  it('gives one booking and one clear message with fresh times when two conversations race for a slot', async () => {
    t = await startTestApp();
    const pelle = conversation(t.url, 'race-1', await login(t.url, '190101012020'));
    const siv = conversation(t.url, 'race-2', await login(t.url, '191111111111'));
    for (const c of [pelle, siv]) {
      await c.say('jag vill ge blod');
      await c.click(c.buttons()[0]!);
    }
    expect(pelle.text()).toEqual(siv.text());
    const [a, b] = await Promise.all([pelle.click('Ja, boka'), siv.click('Ja, boka')]);
    const texts = [a, b].map((said) => said.map((s) => s.text).join('\n'));
    expect(texts.filter((x) => x.includes('Klart! Du har bokat Blodgivning'))).toHaveLength(1);
    const loser = texts.find((x) => !x.includes('Klart!'))!;
    expect(loser).toContain('Tyvärr hann någon annan boka den tiden. Här är de lediga tiderna just nu.');
    expect(loser).toContain('Lediga tider för Blodgivning på Blodcentralen Uppsala');
  });

  it('never offers excluded units or services for free booking', async () => {
    t = await startTestApp();
    const c = conversation(t.url, 'what', await login(t.url));
    await c.say('boka en ny tid');
    expect(c.buttons()).toEqual([
      'Blodgivning',
      'Nybesök hos fysioterapeut',
      'Besök hos sjuksköterska',
      'Läkarbesök',
      'Provtagning',
      'Vaccination mot influensa',
      'Hälsosamtal',
      'Tillbaka till menyn',
    ]);
    await c.say('tandläkare');
    expect(c.text()).toContain('Folktandvården Enköping går inte att boka via 1177 ännu. Ring 018-611 00 08');
    await c.say('boka tid på barnmorskemottagningen');
    expect(c.text()).toContain('Tider hos Barnmorskemottagningen Fyrisdal bokar du med din barnmorska.');
  });
});

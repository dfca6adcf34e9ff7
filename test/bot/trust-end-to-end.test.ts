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
    expect(c.text()).toContain('Lediga tider hos Leg. läkare Anna Berg, Läkarbesök på Vårdcentralen Fyrisdal.');
    expect(c.buttons()).toContain('Tider hos alla');
    await c.click(c.buttons()[0]!);
    expect(c.text()).toContain('Vill du boka om tiden');
    expect(c.text()).not.toContain('Observera');
  });

  it('«vem som helst» shows everyone’s times, and a time with someone else is named before the yes', async () => {
    const c = await chat();
    await c.say('boka om läkarbesöket');
    await c.say('vem som helst');
    expect(c.text()).toContain('Lediga tider för Läkarbesök på Vårdcentralen Fyrisdal. Vilken dag passar dig?');
    // Tomorrow is Omar Haddad's day; its times name who they are with.
    await c.click(c.buttons()[1]!);
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
    // Tolvan has a provtagning booked already (at Fyrisdal): asked first.
    await c.click('Ja, boka en till');
    await c.click('måndag 14 december kl. 10.10');
    expect(c.text()).toContain('Vill du boka Provtagning på Vårdcentralen Sävjaberg måndag 14 december kl. 10.10?');
    expect(c.text()).toContain(
      'Observera: den här tiden krockar med din bokade tid måndag 14 december kl. 9.45, Hälsosamtal.',
    );
  });
});

const bookingsOf = async (personnummer: string) =>
  (await (await fetch(`${t.url}/api/demo/bookings?personnummer=${personnummer}`)).json()) as {
    bookingId: string;
    status: string;
    careServiceId: string;
  }[];

describe('booking for a child (ombud)', () => {
  const LILLA = '201812122385';

  it('books in the child’s name, says whom it is for, and explains the child of 13', async () => {
    const c = await chat();
    // «min dotter» is the daughter: no question, and nothing about her brother.
    await c.say('jag vill boka vaccination åt min dotter');
    expect(c.text()).not.toContain('Tore');
    expect(c.text()).toContain('Det här gäller Lilla Tolvansson.');
    await c.click('Vårdcentralen Sävjaberg');
    await c.click('Jag godkänner');
    // Lilla already has a flu vaccination (at Fyrisdal): said and asked.
    expect(c.text()).toContain('Lilla Tolvansson har redan en bokad tid för det här:');
    await c.click('Ja, boka en till');
    await c.click(c.buttons()[0]!);
    expect(c.text()).toContain('Tiden gäller Lilla Tolvansson.');
    await c.click('Ja, boka');
    expect(c.text()).toContain('Klart! Du har bokat Vaccination mot influensa på Vårdcentralen Sävjaberg');
    expect(c.text()).toContain('Tiden gäller Lilla Tolvansson.');
    expect((await bookingsOf(LILLA)).filter((b) => b.status === 'booked')).toHaveLength(2);
    expect((await bookingsOf('191212121212')).some((b) => b.careServiceId === 'savjaberg-vaccination')).toBe(false);
  });

  it('shows and cancels the child’s bookings, not the guardian’s', async () => {
    const c = await chat();
    await c.say('vilka tider har min dotter');
    expect(c.text()).toContain('Lilla Tolvansson har en bokad tid:');
    expect(c.text()).toContain('Vaccination mot influensa, Vårdcentralen Fyrisdal');
    expect(c.text()).not.toContain('Läkarbesök');
    await c.say('avboka min dotters tid');
    expect(c.text()).toContain('Vill du avboka den här tiden?');
    expect(c.text()).toContain('Tiden gäller Lilla Tolvansson.');
    await c.click('Ja, avboka');
    expect((await bookingsOf(LILLA)).find((b) => b.bookingId === 'lilla-vaccination')?.status).toBe('cancelled');
  });

  it('says so to a resident who is guardian of no child, and books nothing', async () => {
    const c = await chat('190101012020');
    await c.say('jag vill boka en tid åt mitt barn');
    expect(c.text()).toContain('Jag hittar inget barn som du är vårdnadshavare för.');
    expect(c.text()).not.toContain('Lediga tider');
  });

  it('guidance for «Ett barn» ends on the child, never in the guardian’s name', async () => {
    const c = await chat();
    await c.say('hjälp mig välja vad jag ska boka');
    await c.click('Vårdcentralen Fyrisdal');
    await c.click('Nej');
    await c.click('Ett barn');
    await c.say('5');
    await c.click('Vaccination');
    await c.click('Influensa');
    // The only child one may act for is taken at once.
    expect(c.text()).toContain('Det här gäller Lilla Tolvansson.');
  });

  it('explains that a son of 13 is booked by himself, and never offers the daughter instead', async () => {
    const c = await chat();
    await c.say('boka tid åt min son');
    expect(c.text()).toContain('Tore Tolvansson har fyllt 13 år.');
    expect(c.buttons()).not.toContain('Lilla Tolvansson');
    expect(c.text()).not.toContain('Det här gäller');
    // Asking about the son's times never shows the guardian's own as if they were his.
    for (const question of ['vilka tider har min son', 'har min son nån tid?']) {
      await c.say(question);
      expect(c.text()).toContain('Tore Tolvansson har fyllt 13 år.');
      expect(c.text()).not.toMatch(/Du har \d+ bokade tider/);
    }
    const pelle = await chat('190101012020');
    await pelle.say('vilka tider har min son');
    expect(pelle.text()).toContain('Jag hittar inget barn som du är vårdnadshavare för.');
  });
});

describe('a calendar entry', () => {
  it('is offered with every booking, at a link that serves that booking only', async () => {
    const c = await chat('190101012020');
    await c.say('boka provtagning på fyrisdal');
    await c.click(c.buttons()[0]!);
    await c.click('Ja, boka');
    const link = c.buttonValue('Lägg till i kalendern') as string | undefined;
    expect(link).toBeDefined();
    expect(link!.startsWith(`${t.url}/api/calendar?t=`)).toBe(true);
    const res = await fetch(link!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const ics = await res.text();
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('SUMMARY:Provtagning\\, Vårdcentralen Fyrisdal');
    const forged = link!.replace(/.{6}$/, 'AAAAAA');
    expect(forged).not.toBe(link);
    expect((await fetch(forged)).status).toBe(404);
  });
});

describe('logging in and out on the page', () => {
  const event = async (conversationId: string, name: string, token: string) => {
    const res = await fetch(`${t.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'event',
        name,
        channelId: 'test',
        serviceUrl: 'http://localhost',
        deliveryMode: 'expectReplies',
        conversation: { id: conversationId },
        from: { id: 'user-1' },
        recipient: { id: 'bot' },
        channelData: { authToken: token },
      }),
    });
    return ((await res.json()) as { activities?: { text?: string }[] }).activities ?? [];
  };

  it('greets the resident by name on login', async () => {
    const token = await login(t.url);
    const said = await event('page-1', 'tidbokschatten.login', token);
    expect(said.map((a) => a.text).join('\n')).toContain('Hej Tolvan Tolvansson! Du är inloggad.');
  });

  it('forgets the conversation on the server when the page logs out', async () => {
    const token = await login(t.url);
    const c = conversation(t.url, 'page-2', token);
    await c.say('avboka läkarbesöket');
    expect(c.text()).toContain('Vill du avboka den här tiden?');
    await event('page-2', 'tidbokschatten.logout', token);
    // A «ja» in the same conversation no longer answers the question: nothing is cancelled.
    await c.say('ja');
    expect(c.text()).not.toContain('Klart!');
    expect((await bookingsOf('191212121212')).find((b) => b.bookingId === 'tolvan-lakarbesok')?.status).toBe('booked');
  });
});

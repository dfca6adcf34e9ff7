import { afterEach, describe, expect, it } from 'vitest';
import { conversation, login, postMessages, rawActivity, send, startTestApp, type TestApp } from '../support/app.js';

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
    seriesId: string | null;
  }[];

describe('the bot over HTTP with expectReplies', () => {
  it('greets a new conversation with the menu', async () => {
    t = await startTestApp();
    const said = await send(t.url, 'greet', { text: 'hej' });
    expect(said[0]!.text).toMatch(/^Hej! Jag hjälper dig/);
    expect(said[0]!.buttons).toEqual([
      'Mina bokade tider',
      'Avboka en tid',
      'Boka om en tid',
      'Boka en ny tid',
      'Boka med bokningsunderlag',
      'Hjälp mig välja vad jag ska boka',
    ]);
  });

  it('lets Tolvan list, cancel the ordinary booking, and be refused for the series booking', async () => {
    t = await startTestApp();
    const c = conversation(t.url, 'tolvan-1', await login(t.url));
    await c.say('vilka tider har jag');
    expect(c.text()).toContain('Du har 7 bokade tider');
    expect(c.text()).toContain('måndag 7 december kl. 9.30\nLäkarbesök, Vårdcentralen Fyrisdal');
    expect(c.text()).not.toContain('Beroendecentrum');
    expect(c.text()).toContain('Den här tiden är en del av en serie av besök');

    await c.click('Avboka en tid');
    expect(c.text()).toContain('Vilken tid vill du avboka?');
    await c.click('måndag 7 december kl. 9.30, Läkarbesök');
    expect(c.text()).toContain('Vill du avboka den här tiden?');
    await c.click('Ja, avboka');
    expect(c.text()).toContain('Klart! Tiden måndag 7 december kl. 9.30');
    expect((await bookingsOf(t.url)).find((b) => b.bookingId === 'tolvan-lakarbesok')?.status).toBe('cancelled');

    await c.say('avboka');
    await c.click('onsdag 9 december kl. 10.00, Återbesök hos fysioterapeut');
    expect(c.text()).toContain('en del av en serie av besök och går inte att ändra här');
    expect(c.text()).toContain('Vill du välja en annan av dina bokade tider?');
    expect((await bookingsOf(t.url)).filter((b) => b.seriesId).every((b) => b.status === 'booked')).toBe(true);
  });

  it('rebooks by what the resident says and shows the new time', async () => {
    t = await startTestApp();
    const c = conversation(t.url, 'tolvan-2', await login(t.url));
    await c.say('kan jag flytta tiden på måndag till eftermiddagen?');
    expect(c.text()).toMatch(/Lediga tider (för|hos Leg. läkare Anna Berg,) Läkarbesök på Vårdcentralen Fyrisdal/);
    expect(
      c
        .buttons()
        .filter((b) => b.includes('kl.'))
        .every((b) => Number(/kl\. (\d+)/.exec(b)![1]) >= 12),
    ).toBe(true);
    await c.click(c.buttons()[0]!);
    await c.click('Ja, boka om');
    expect(c.text()).toMatch(/Klart! Den nya tiden är .* kl\. 1\d\.\d\d, Läkarbesök på Vårdcentralen Fyrisdal/);
    const lakarbesok = (await bookingsOf(t.url)).find((b) => b.bookingId === 'tolvan-lakarbesok')!;
    expect(lakarbesok.status).toBe('booked');
    expect(Number(lakarbesok.start.slice(11, 13))).toBeGreaterThanOrEqual(12);
  });

  it('shows nothing personal without a valid token', async () => {
    t = await startTestApp();
    for (const token of [undefined, 'not-a-token', (await login(t.url)).slice(0, -3) + 'abc']) {
      const said = await send(t.url, `anon-${String(token).length}`, { text: 'visa mina tider', token });
      expect(said.map((s) => s.text).join('\n')).toContain('Du behöver logga in');
      expect(said.map((s) => s.text).join('\n')).not.toContain('Läkarbesök');
    }
  });

  it("does not continue one resident's flow for another token in the same conversation", async () => {
    t = await startTestApp();
    const tolvan = await login(t.url);
    await send(t.url, 'shared', { text: 'avboka', token: tolvan });
    const siv = await login(t.url, '191111111111');
    const said = await send(t.url, 'shared', { text: '1', token: siv });
    expect(said.map((s) => s.text).join('\n')).not.toContain('Provtagning, Vårdcentralen Fyrisdal');
  });

  it('acts once on a double click: the second identical answer finds the question already answered', async () => {
    t = await startTestApp();
    const token = await login(t.url);
    const c = conversation(t.url, 'double', token);
    await c.say('avboka');
    const confirm = await c.click('måndag 7 december kl. 9.30, Läkarbesök');
    const value = confirm.find((s) => s.buttons.includes('Ja, avboka'))!.values[0];
    const [first, second] = await Promise.all([
      send(t.url, 'double', { text: 'Ja, avboka', value, token }),
      send(t.url, 'double', { text: 'Ja, avboka', value, token }),
    ]);
    const all = [...first, ...second].map((s) => s.text).join('\n');
    expect(all.match(/är avbokad\. Den kan nu bokas/g)).toHaveLength(1);
    expect(all).toContain('Den knappen hörde till en tidigare fråga');
    expect((await bookingsOf(t.url)).filter((b) => b.status === 'cancelled')).toHaveLength(1);
  });

  it('continues a flow after a restart of the bot', async () => {
    t = await startTestApp();
    const token = await login(t.url);
    await send(t.url, 'restart', { text: 'avboka', token });
    await t.restart();
    const said = await send(t.url, 'restart', { text: '1', token });
    expect(said.map((s) => s.text).join('\n')).toContain('Vill du avboka den här tiden?');
  });

  it('does not read a very long message, answers at once and keeps the question', async () => {
    t = await startTestApp();
    const started = Date.now();
    const said = await send(t.url, 'long', { text: 'avboka flytta tisdag '.repeat(9000) });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(said[0]!.text).toBe('Ditt meddelande är för långt för mig. Skriv kortare, högst 1000 tecken.');
  });

  it('starts an idle conversation over, and says so', async () => {
    t = await startTestApp({ CONVERSATION_IDLE_MINUTES: '5' });
    const token = await login(t.url);
    await send(t.url, 'idle', { text: 'avboka', token });
    await fetch(`${t.url}/api/demo/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"now":"2026-12-01T09:10"}',
    });
    const said = await send(t.url, 'idle', { text: '2', token });
    expect(said[0]!.text).toBe('Det har gått en stund sedan vi skrev, så jag har börjat om från början.');
    expect(said.map((s) => s.text).join('\n')).not.toContain('Vill du avboka');
  });

  it('requires Bot Connector tokens once an app id is configured', async () => {
    t = await startTestApp({
      MicrosoftAppId: '1b2c3d4e-0000-4000-8000-123456789abc',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppType: 'MultiTenant',
    });
    const res = await postMessages(t.url, rawActivity());
    expect(res.status).toBe(401);
  });

  it('asks the flow question again after help, also after a restart (the question is stored once)', async () => {
    t = await startTestApp();
    const c = conversation(t.url, 'help-after-restart', await login(t.url));
    await c.say('avboka');
    expect(c.text()).toContain('Vilken tid vill du avboka?');
    await t.restart();
    const again = conversation(t.url, 'help-after-restart', await login(t.url));
    await again.say('hjälp');
    expect(again.text()).toContain('Vilken tid vill du avboka?');
    expect(again.buttons()).toContain('Tillbaka till menyn');
  });

  it('lists the demo residents in the order of the demo data, the richest example first', async () => {
    t = await startTestApp();
    const people = (await (await fetch(`${t.url}/api/demo/people`)).json()) as { name: string }[];
    expect(people[0]?.name).toBe('Tolvan Tolvansson');
    expect(people.map((p) => p.name)).toContain('Lilla Tolvansson');
  });

  it('answers a malformed request with 400 and stays healthy', async () => {
    t = await startTestApp();
    const res = await fetch(`${t.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"no":"type"}',
    });
    expect(res.status).toBe(400);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });
});

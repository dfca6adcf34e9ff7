import { afterEach, describe, expect, it } from 'vitest';
import { conversation, login, send, startTestApp, type TestApp } from '../support/app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

describe('guided booking over HTTP', () => {
  it('guides from "jag vet inte vad jag ska boka" to a booked time of a service hidden from free choice', async () => {
    t = await startTestApp();
    const c = conversation(t.url, 'guided', await login(t.url, '190101012020'));
    await c.say('jag vet inte vad jag ska boka');
    await c.click('Vårdcentralen Fyrisdal');
    expect(c.text()).toContain('svårt att andas, ont i bröstet');
    await c.say('nej');
    await c.click('Mig själv');
    await c.say('45 år');
    await c.say('besvär eller symtom');
    await c.say('nej');
    await c.click('Nya besvär');
    await c.click('Några dagar');
    expect(c.text()).toContain('Lediga tider för Bedömning hos sjuksköterska på Vårdcentralen Fyrisdal');
    await c.click(c.buttons()[0]!);
    await c.click('Ja, boka');
    expect(c.text()).toContain('Klart! Du har bokat Bedömning hos sjuksköterska');
  });

  it("ends in advice instead of a booking, with the unit's phone number", async () => {
    t = await startTestApp();
    const c = conversation(t.url, 'advice', await login(t.url));
    await c.say('hjälp mig att välja');
    await c.click('Vårdcentralen Fyrisdal');
    await c.say('nej');
    await c.click('Mig själv');
    await c.say('50');
    await c.click('Intyg');
    expect(c.text()).toContain('Intyg beställer du genom att ringa Vårdcentralen Fyrisdal på 018-611 00 01.');
    expect(c.text()).toContain('Vill du göra något mer?');
  });

  it('says "Ring 112" at once on an emergency answer, without further questions', async () => {
    t = await startTestApp();
    const c = conversation(t.url, 'akut', await login(t.url));
    await c.say('hjälp mig välja');
    await c.click('Fysioterapin Eriksdal');
    await c.say('ja');
    expect(c.text()).toMatch(/^Ring 112 nu\./);
    expect(c.buttons()).toContain('Mina bokade tider');
  });

  it('answers a message describing an emergency with "Ring 112" in any flow, and goes on only when the resident says so', async () => {
    t = await startTestApp();
    const token = await login(t.url);
    const c = conversation(t.url, 'anywhere', token);
    await c.say('avboka');
    const said = await send(t.url, 'anywhere', { text: 'jag har plötsligt fått jätteont i bröstet', token });
    expect(said.map((s) => s.text)).toEqual([
      'Ring 112 nu. Det du beskriver kan vara allvarligt och behöver vård direkt. Om du inte kan ringa själv, be någon annan ringa.',
    ]);
    // The next answer does not carry the flow on: first the bot asks whether to go on at all.
    const next = await send(t.url, 'anywhere', { text: 'ja', token });
    expect(next.map((s) => s.text).join('\n')).toContain('Vill du fortsätta med det vi höll på med?');
    const resumed = await send(t.url, 'anywhere', { text: 'ja', token });
    expect(resumed.map((s) => s.text).join('\n')).toContain('Vilken tid vill du avboka?');
    const after = await send(t.url, 'anywhere', { text: '1', token });
    expect(after.map((s) => s.text).join('\n')).toContain('Vill du avboka den här tiden?');
  });

  it('ends the halted flow when the resident says no after emergency advice', async () => {
    t = await startTestApp();
    const token = await login(t.url);
    const c = conversation(t.url, 'halted', token);
    await c.say('hjälp mig välja');
    await c.click('Vårdcentralen Fyrisdal');
    await c.say('min pappa pratar konstigt och ena mungipan hänger');
    expect(c.text()).toContain('Ring 112 nu');
    await c.say('nej');
    expect(c.text()).toContain('Vill du fortsätta med det vi höll på med?');
    await c.say('nej');
    expect(c.text()).toContain('Okej, jag avbryter.');
  });

  it('asks to log in before booking what the questionnaire found', async () => {
    t = await startTestApp();
    const c = conversation(t.url, 'anon');
    await c.say('hjälp mig välja');
    await c.click('Fysioterapin Eriksdal');
    for (const answer of ['nej', 'nej']) await c.say(answer);
    await c.click('Knä eller höft');
    await c.click('En vecka eller längre');
    await c.say('nej');
    expect(c.text()).toContain('För att boka tiden behöver du logga in');
  });
});

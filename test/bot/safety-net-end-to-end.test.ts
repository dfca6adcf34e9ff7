import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversation, login, startTestApp, type TestApp } from '../support/app.js';
import { seededTemplate } from '../support/seeded-template.js';

// The safety net through the whole bot, at the menu and in the middle of a flow: every
// emergency gets the advice at once, and no harmless look-alike does.

const EMERGENCIES = [
  'jag har ont i bröstet',
  'det trycker över bröstkorgen och strålar ut i armen',
  'pappa får ingen luft',
  'min mamma har svårt att andas',
  'bebisen är blå runt munnen och andas konstigt',
  'han är medvetslös',
  'hon svarar inte när jag pratar med henne',
  'barnet har kramper',
  'ena sidan av ansiktet hänger',
  'kan inte lyfta armen och pratar konstigt',
  'farmor sluddrar plötsligt',
  'pappa blev svag i vänster sida nyss',
  'det sprutar blod från ett sår',
  'blödningen slutar inte',
  'halsen svullnar efter ett getingstick',
  'allergisk chock',
  'min son har druckit propplösare',
  'jag har tagit en hel burk tabletter',
  'jag orkar inte leva längre',
  'jag vill ta mitt liv',
  'jag har tankar på att dö',
  'jag vill boka en tid, men egentligen vill jag inte leva mer',
  'ont i brostet sen en timme',
  'kan inte andas',
  'my dad cannot move his arm and his speech is slurred',
  'min man har svimmat och vaknar inte',
  'jag har skurit mig djupt och det blöder jättemycket',
  'hon har tagit en överdos',
  'stroke',
  'hjärtattack',
];

const HARMLESS = [
  'bröstmottagningen',
  'boka tid på bröstmottagningen',
  'jag vill boka mammografi',
  'andas tungt när jag springer i backar',
  'jag vill avboka min tid',
  'kan jag flytta tiden på tisdag',
  'jag vill ge blod',
  'boka blodprov på fyrisdal',
  'vaccination mot influensa',
  'jag har lite hosta',
  'ont i knät när jag går',
  'jag har eksem i ansiktet',
  'uppföljning efter min stroke i våras',
  'ont i brösten när jag ammar',
  'min son får näsblod ibland',
  'jag är allergisk mot pollen',
  'förnya recept på astmamedicin',
  'svårt att sova',
  'vill inte dö men är orolig',
  'tack för hjälpen',
  'vad kostar ett besök',
  'var ligger vårdcentralen',
  'hjälp mig välja',
  'nästa vecka på förmiddagen',
  'mig själv',
  'ett barn',
  '45 år',
  'ja',
  'nej',
  'jag har ont i ryggen',
  'halv tio',
  'kvart över nio',
  'halv',
];

const EMERGENCY_TEXT = /Ring 112|Självmordslinjen/;

let t: TestApp;
let token: string;
let n = 0;
beforeAll(async () => {
  t = await startTestApp({}, seededTemplate('2026-12-01T09:00'));
  token = await login(t.url);
});
afterAll(() => t.stop());

async function at(where: 'menu' | 'flow', text: string): Promise<string> {
  const c = conversation(t.url, `net-${where}-${++n}`, token);
  await c.say(where === 'menu' ? 'hej' : 'avboka');
  if (where === 'flow') expect(c.text()).toContain('Vilken tid vill du avboka?');
  await c.say(text);
  return c.text();
}

describe('the safety net in the running bot', () => {
  it(`answers ${EMERGENCIES.length} described emergencies with the advice, at the menu and mid-flow`, async () => {
    for (const text of EMERGENCIES) {
      for (const where of ['menu', 'flow'] as const)
        expect(await at(where, text), `${where}: ${text}`).toMatch(EMERGENCY_TEXT);
    }
  });

  it(`answers ${HARMLESS.length} harmless look-alikes without the advice, at the menu and mid-flow`, async () => {
    for (const text of HARMLESS) {
      for (const where of ['menu', 'flow'] as const)
        expect(await at(where, text), `${where}: ${text}`).not.toMatch(EMERGENCY_TEXT);
    }
  });

  it('gives suicidal thoughts their own advice, with Självmordslinjen and 1177', async () => {
    const text = await at('menu', 'jag orkar inte leva längre');
    expect(text).toContain('Självmordslinjen på 90101');
    expect(text).toContain('1177');
    expect(text).toContain('ring 112');
  });

  it('reads an emergency told late in a message too long to be read otherwise', async () => {
    const story = `${'Jag ska berätta hur det har varit den senaste tiden. '.repeat(40)}Och nu har jag ont i bröstet och svårt att andas.`;
    expect(story.length).toBeGreaterThan(2000);
    expect(await at('menu', story)).toMatch(EMERGENCY_TEXT);
    const harmless = 'Jag ska berätta hur det har varit den senaste tiden. '.repeat(40);
    const answer = await at('menu', harmless);
    expect(answer).not.toMatch(EMERGENCY_TEXT);
    expect(answer).toContain('för långt');
  });

  it('after advice mid-flow, takes a new errand as said and answers a question with the question to go on', async () => {
    const c = conversation(t.url, 'after-advice', token);
    await c.say('boka om läkarbesöket');
    await c.say('min fru har kraftig bröstsmärta sedan en halvtimme');
    expect(c.text()).toMatch(EMERGENCY_TEXT);
    await c.say('hej');
    expect(c.text()).toContain('Vill du fortsätta med det vi höll på med?');
    await c.say('vad kostar det');
    expect(c.text()).toContain('patientavgiften');
    expect(c.buttons()).toEqual(['Ja, fortsätt', 'Nej, avsluta']);
    await c.say('fick en inbjudan till hudmottagningen och vill boka den');
    expect(c.text()).toContain('Lediga tider för Nybesök hudläkare på Hudmottagningen Akademiska');
    expect(c.text()).not.toContain('Vill du fortsätta');
  });
});

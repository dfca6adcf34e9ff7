import { beforeAll, describe, expect, it } from 'vitest';
import { emergencyByPhrase, emergencyIn } from '../../dialogs/emergency.js';
import type { UnderstandingModel } from '../../dialogs/understanding-model.js';
import { shippedModel } from '../support/tidbok.js';

// The safety net, recall first. The full measurement is the emergency regression file
// (test/understanding/akut-regression.yaml) in the evaluation; these pin the rules.
let model: UnderstandingModel;
beforeAll(async () => {
  model = await shippedModel();
});

describe('the emergency safety net', () => {
  it.each([
    'jag har ont i bröstet',
    'Ont i bröstet sedan en timme',
    'ont i brostet',
    'ont i bröstät',
    'min mamma har svårt att andas',
    'han kan inte andas',
    'jag får inte luft',
    'andnöd',
    'hon är medvetslös',
    'pappa är medvetslos',
    'medvetlös',
    'min man har svimmat',
    'han går inte att väcka',
    'jag tror det är en stroke',
    'hon sluddrar och hänger i ansiktet',
    'han är förlamad i ena armen',
    'blöder mycket från ett sår',
    'kraftig blödning',
    'det slutar inte blöda',
    'allergisk chock efter getingstick',
    'har tagit en överdos',
    'tagit en överdos av tabletter',
    'overdos',
    'jag har tagit för många tabletter',
    'barnet har kramper',
    'jag har fått jätteont i bröstet',
    'smärta i bröstet och ont i armen',
    'JAG HAR ONT I BRÖSTET',
    'bröstsmärtor sedan i morse',
    'tryck över bröstet',
  ])('"%s" gets the emergency advice', async (text) => expect(await emergencyIn(text, model)).toBeDefined());

  it.each([
    'jag vill ta livet av mig',
    'tänker på självmord',
    'sjalvmord',
    'jag vill inte leva längre',
    'jag vill dö',
    'vill skada mig själv',
    'jag orkar inte leva längre',
  ])('"%s" gets the advice for suicidal thoughts', async (text) =>
    expect(await emergencyIn(text, model)).toBe('suicide'),
  );

  it.each([
    ['ena sidan av ansiktet hänger', 'stroke'],
    ['kan inte lyfta armen och pratar konstigt', 'stroke'],
    ['jag vill boka en tid, men egentligen har jag svalt alla mina tabletter', 'poisoning'],
  ])('catches "%s" in words the phrase list does not have', async (text, category) => {
    expect(await emergencyIn(text, model)).toBe(category);
  });

  it.each([
    'ont i halsen',
    'ont i ryggen',
    'ont i knät',
    'bröstmottagningen',
    'jag har en tid på bröströntgen',
    'ont i magen sedan i går',
    'jag vill avboka min tid',
    'kan jag flytta tiden på tisdag',
    'hosta och snuva',
    'jag behöver förnya ett recept',
    'blodprov på fyrisdal',
    'jag vill ge blod',
    'vaccination mot influensa',
    'andas in och ut',
    'svårt att sova',
    'min dotter har feber',
    'vill inte dö men är orolig',
    'jag har astma sedan länge',
    'bröstcancerkontroll',
    'mammografi',
    'jag blöder lite näsblod',
    'ont i foten',
    'jag är trött',
    'hjälp mig välja',
    'börja om',
    'nästa vecka på förmiddagen',
    'kan inte komma',
    'andningsövningar hos fysioterapeut',
    'boka tid på bröstmottagningen',
    'andas tungt när jag springer i backar',
  ])('"%s" is not an emergency', async (text) => expect(await emergencyIn(text, model)).toBeUndefined());

  it('takes out harmless phrases only when they are written as they are', () => {
    // «ont i brösten» (breasts) is harmless; «ont i bröstet», one letter away, must still be caught.
    expect(emergencyByPhrase('jag har ont i brösten', model.lexicon)).toBeUndefined();
    expect(emergencyByPhrase('jag har ont i bröstet', model.lexicon)).toBe('chest');
  });
});

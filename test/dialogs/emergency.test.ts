import { describe, expect, it } from 'vitest';
import { isEmergency } from '../../dialogs/emergency.js';
import { compileLexicon } from '../../dialogs/lexicon.js';
import { shippedContent } from '../support/tidbok.js';

const lex = compileLexicon(shippedContent());

describe('the emergency safety net', () => {
  it.each([
    'jag har ont i bröstet', 'Ont i bröstet sedan en timme', 'ont i brostet', 'ont i bröstät', 'min mamma har svårt att andas',
    'han kan inte andas', 'jag får inte luft', 'andnöd', 'hon är medvetslös', 'pappa är medvetslos', 'medvetlös',
    'min man har svimmat', 'han går inte att väcka', 'jag tror det är en stroke', 'hon sluddrar och hänger i ansiktet',
    'han är förlamad i ena armen', 'blöder mycket från ett sår', 'kraftig blödning', 'det slutar inte blöda',
    'allergisk chock efter getingstick', 'har tagit en överdos', 'tagit en överdos av tabletter', 'overdos', 'jag har tagit för många tabletter',
    'jag vill ta livet av mig', 'tänker på självmord', 'sjalvmord', 'jag vill inte leva längre', 'jag vill dö', 'vill skada mig själv',
    'barnet har kramper', 'jag har fått jätteont i bröstet', 'smärta i bröstet och ont i armen', 'JAG HAR ONT I BRÖSTET', 'bröstsmärtor sedan i morse', 'tryck över bröstet',
  ])('"%s" gets the emergency advice', (text) => expect(isEmergency(text, lex)).toBe(true));

  it.each([
    'ont i halsen', 'ont i ryggen', 'ont i knät', 'bröstmottagningen', 'jag har en tid på bröströntgen', 'ont i magen sedan i går',
    'jag vill avboka min tid', 'kan jag flytta tiden på tisdag', 'hosta och snuva', 'jag behöver förnya ett recept',
    'blodprov på fyrisdal', 'jag vill ge blod', 'vaccination mot influensa', 'andas in och ut', 'svårt att sova',
    'min dotter har feber', 'vill inte dö men är orolig', 'jag har astma sedan länge', 'bröstcancerkontroll', 'mammografi',
    'jag blöder lite näsblod', 'ont i foten', 'jag är trött', 'hjälp mig välja', 'börja om', 'nästa vecka på förmiddagen',
    'kan inte komma', 'andningsövningar hos fysioterapeut',
  ])('"%s" is not an emergency', (text) => expect(isEmergency(text, lex)).toBe(false));
});

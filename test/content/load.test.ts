import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_DIR, loadContent } from '../../content/load.js';
import { formatProblem } from '../../content/yaml-source.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A copy of the shipped content with one file changed by `edit`. */
function contentWith(file: string, edit: (text: string) => string): string {
  dir = mkdtempSync(join(tmpdir(), 'content-test-'));
  cpSync(CONTENT_DIR, dir, { recursive: true });
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit changed nothing in ${file}`);
  writeFileSync(path, after);
  return dir;
}

const problemsOf = (d: string) => {
  const result = loadContent(d);
  if (result.ok) throw new Error('expected the content to be refused');
  return result.problems.map(formatProblem);
};

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('content loading', () => {
  it('accepts the shipped content', () => {
    const result = loadContent();
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  it.each([
    [
      'a YAML syntax error',
      'demo/enheter.yaml',
      (t: string) => t.replace('    kind: primary-care\n', '    kind: primary-care\n   oops: [\n'),
      'demo/enheter.yaml:',
      'YAML',
    ],
    [
      'a misspelt field',
      'demo/enheter.yaml',
      (t: string) => t.replace('    phone: 018-611 00 02', '    phnoe: 018-611 00 02'),
      'demo/enheter.yaml:',
      'Okänt fält "phnoe"',
    ],
    [
      'a villkorstext whose deadline disagrees with the konfiguration',
      'konfiguration.yaml',
      (t: string) => t.replace('    changeDeadlineHours: 72\n', '    changeDeadlineHours: 24\n'),
      'terms.change.specialist',
      'säger 72 timmar, men konfigurationen säger',
    ],
    [
      'a villkorstext with a deadline in working days',
      'texter.yaml',
      (t: string) => t.replace('senast 72 timmar (tre dygn) före', 'senast tre hela vardagar före'),
      'terms.change.specialist',
      'räknar tidsgränsen i vardagar',
    ],
    [
      'a phone number with letters',
      'demo/enheter.yaml',
      (t: string) => t.replace('    phone: 018-611 00 02', '    phone: ring växeln'),
      'units[1].phone',
      'Skriv telefonnumret med siffror',
    ],
    [
      'a web link without https',
      'demo/enheter.yaml',
      (t: string) => t.replace('    web: https://www.1177.se/hitta-vard/', '    web: http://www.1177.se/'),
      'units[0].web',
      'https://',
    ],
    [
      'opening hours that end before they begin',
      'demo/enheter.yaml',
      (t: string) => t.replace('from: "08:00", to: "17:00"', 'from: "17:00", to: "08:00"'),
      'openingHours',
      'Öppettiden måste sluta efter att den börjar',
    ],
    [
      'a postal code of four digits',
      'demo/enheter.yaml',
      (t: string) => t.replace('postalCode: "753 20"', 'postalCode: "7532"'),
      'postalCode',
      'fem siffror',
    ],
    [
      'a word where a number belongs',
      'demo/enheter.yaml',
      (t: string) =>
        t.replace(
          'durationMinutes: 45\n        synonyms: [hälsosamtal]',
          'durationMinutes: fyrtiofem\n        synonyms: [hälsosamtal]',
        ),
      'durationMinutes',
      'Ska vara ett tal',
    ],
    [
      'a missing field',
      'demo/personer.yaml',
      (t: string) => t.replace('    name: Siv Sivsson\n', ''),
      'people[1].name',
      'Fältet saknas',
    ],
    [
      'a value not in the list',
      'demo/enheter.yaml',
      (t: string) => t.replace('kind: physiotherapy', 'kind: hospital'),
      'units[2].kind',
      'Tillåtna värden',
    ],
    [
      'a badly written time',
      'demo/personer.yaml',
      (t: string) => t.replace('at: "09:30"', 'at: "9.30"'),
      'bookings[0].at',
      'TT:MM',
    ],
    [
      'a care service id used twice',
      'demo/enheter.yaml',
      (t: string) => t.replace('id: savjaberg-provtagning', 'id: fyrisdal-provtagning'),
      'services[0].id',
      'finns redan',
    ],
    [
      'a booking of a care service that does not exist',
      'demo/personer.yaml',
      (t: string) => t.replace('careServiceId: savjaberg-vaccination', 'careServiceId: savjaberg-vacc'),
      'careServiceId',
      'savjaberg-vacc finns inte',
    ],
    [
      'konfiguration for an unknown care service',
      'konfiguration.yaml',
      (t: string) => t.replace('  fyrisdal-diabetes:\n', '  fyrisdal-diabetis:\n'),
      'konfiguration.yaml:',
      'fyrisdal-diabetis finns inte',
    ],
    [
      'other words for a button that does not exist',
      'sprak.yaml',
      (t: string) => t.replace('    choice.moreDays: [', '    choice.fleraDagar: ['),
      'sprak.yaml:',
      'Knappen choice.fleraDagar finns inte',
    ],
    [
      'a holiday on a day that does not exist',
      'sprak.yaml',
      (t: string) =>
        t.replace('{ words: [julafton, christmas eve], from: "12-24" }', '{ words: [julafton], from: "24-12" }'),
      'sprak.yaml:',
      'MM-DD',
    ],
    [
      'a villkorstext that does not exist',
      'konfiguration.yaml',
      (t: string) => t.replace('book: terms.book.personal', 'book: terms.book.personlig'),
      'konfiguration.yaml:',
      'Villkorstexten terms.book.personlig finns inte',
    ],
    [
      'a text with a value the code never gives',
      'texter.yaml',
      (t: string) => t.replace('Ring {phone} om du behöver en tid.', 'Ring {telefon} om du behöver en tid.'),
      'texter.yaml:',
      '{telefon}',
    ],
    [
      'a text with an unknown format',
      'texter.yaml',
      (t: string) => t.replace('{earliestDate|date}.', '{earliestDate|datum}.'),
      'texter.yaml:',
      'formatet "datum"',
    ],
    [
      'a text the code needs removed',
      'texter.yaml',
      (t: string) => t.replace(/ {4}slot_taken: >-\n.*\n/, ''),
      'texter.yaml:',
      'booking.rejected.slot_taken saknas',
    ],
    [
      'a broken placeholder',
      'texter.yaml',
      (t: string) => t.replace('  plain: Vad vill du göra?', '  plain: Vad vill du {göra}?'),
      'texter.yaml:',
      '{göra}, som inte är ett giltigt värde',
    ],
    [
      'the same key twice',
      'konfiguration.yaml',
      (t: string) => t.replace('  mayRebook: true\n', '  mayRebook: true\n  mayRebook: false\n'),
      'konfiguration.yaml:',
      'Samma nyckel',
    ],
    [
      'an invitation window that ends before it starts',
      'demo/personer.yaml',
      (t: string) => t.replace('fromInDays: 14\n        toInDays: 45', 'fromInDays: 14\n        toInDays: 4'),
      'invitations[1]',
      'toInDays',
    ],
  ])('reports %s with file, line and a plain explanation', (_, file, edit, where, message) => {
    const problems = problemsOf(contentWith(file, edit));
    expect(
      problems.some((p) => p.includes(where) && p.includes(message)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('points at the line of the mistake', () => {
    const d = contentWith('demo/enheter.yaml', (t) =>
      t.replace('    phone: 018-611 00 02', '    phnoe: 018-611 00 02'),
    );
    const line = lineOf(readFileSync(join(d, 'demo/enheter.yaml'), 'utf8'), 'phnoe');
    expect(problemsOf(d)).toContainEqual(expect.stringMatching(new RegExp(`^demo/enheter\\.yaml:${line}:5 `)));
  });

  it('lists every problem at once, not only the first', () => {
    const d = contentWith('demo/enheter.yaml', (t) =>
      t
        .replace('kind: physiotherapy', 'kind: hospital')
        .replace('    phone: 018-611 00 02', '    phnoe: 018-611 00 02'),
    );
    expect(problemsOf(d).length).toBeGreaterThanOrEqual(2);
  });

  it('names a missing file', () => {
    dir = mkdtempSync(join(tmpdir(), 'content-test-'));
    cpSync(CONTENT_DIR, dir, { recursive: true });
    rmSync(join(dir, 'konfiguration.yaml'));
    expect(problemsOf(dir)).toContainEqual(expect.stringContaining('konfiguration.yaml:1:1: Filen saknas'));
  });
});

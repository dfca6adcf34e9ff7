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

const FILE = 'fragor/fysioterapi-eriksdal.yaml';

function problemsAfter(edit: (text: string) => string, file = FILE): string[] {
  dir = mkdtempSync(join(tmpdir(), 'questionnaire-test-'));
  cpSync(CONTENT_DIR, dir, { recursive: true });
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error('the edit changed nothing');
  writeFileSync(path, after);
  const result = loadContent(dir);
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('checking a questionnaire', () => {
  it.each([
    [
      'a question that can never be reached',
      (t: string) => t.replace('start: varningstecken', 'start: olycka'),
      'Frågan varningstecken ställs aldrig',
    ],
    [
      'a path that ends without an outcome',
      (t: string) => t.replace('      - outcome: boka-nybesok\n', ''),
      'Svaret "nej" på frågan remiss leder ingenstans',
    ],
    [
      'an answer option no rule handles',
      (t: string) => t.replace('      - goto: remiss\n', '      - if: { hur-lange: veckor }\n        goto: remiss\n'),
      'Svaret "under-vecka" på frågan hur-lange leder ingenstans',
    ],
    [
      'the same words under two answers of one question',
      (t: string) => t.replace('alsoSaid: [en vecka, två veckor', 'alsoSaid: [några dagar, två veckor'),
      '"några dagar" står redan under svaret under-vecka',
    ],
    [
      'a cycle',
      (t: string) => t.replace('      - outcome: boka-nybesok\n', '      - goto: var\n'),
      'kan ställas två gånger på samma väg',
    ],
    [
      'a rule to a question that does not exist',
      (t: string) => t.replace('      - goto: remiss', '      - goto: remis'),
      'frågan remis, som inte finns',
    ],
    [
      'a rule to an outcome that does not exist',
      (t: string) => t.replace('        outcome: underlag', '        outcome: underlaget'),
      'utfallet underlaget, som inte finns',
    ],
    [
      'a condition on an answer the question cannot have',
      (t: string) => t.replace('{ var: rygg }', '{ var: ländrygg }'),
      'Frågan var kan bara besvaras med rygg, nacke, kna, annat',
    ],
    [
      'an outcome naming a care service that does not exist',
      (t: string) => t.replace('book: eriksdal-nybesok', 'book: eriksdal-nybesk'),
      'Vårdtjänsten eriksdal-nybesk finns inte',
    ],
    [
      'an outcome naming a care service not bookable online',
      (t: string) => t.replace('book: eriksdal-nybesok', 'book: eriksdal-aterbesok'),
      'Vårdtjänsten eriksdal-aterbesok går inte att boka på nätet (invitation_required)',
    ],
    [
      'an advice text that does not exist',
      (t: string) => t.replace('advice: advice.selfCareBack', 'advice: advice.selfCare'),
      'Texten advice.selfCare finns inte',
    ],
    [
      'an emergency answer that does not lead straight to emergency advice',
      (t: string) => t.replace('        outcome: akut\n', '        goto: olycka\n'),
      'är ett akut svar men leder inte direkt',
    ],
    [
      'a misspelt field',
      (t: string) =>
        t.replace('    answer: yesno\n    emergencyOnYes: true', '    answer: yesno\n    emergencyOnYess: true'),
      'Okänt fält "emergencyOnYess"',
    ],
    [
      'a choice question without options',
      (t: string) => t.replace(/ {4}answer: choice\n {4}options:\n( {6}- .*\n)+/, '    answer: choice\n'),
      'minst två svarsalternativ',
    ],
  ])('reports %s, with file and line', (_, edit, message) => {
    const problems = problemsAfter(edit);
    expect(
      problems.some((p) => p.startsWith(`${FILE}:`) && p.includes(message)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('reports two questionnaires with the same id', () => {
    const problems = problemsAfter((t) => t.replace('id: fysioterapi-eriksdal', 'id: vardcentral-fyrisdal'));
    expect(problems.some((p) => p.includes('Frågeformuläret vardcentral-fyrisdal finns redan'))).toBe(true);
  });
});

import type { BotReply, HttpBotClient } from './http-client.js';
import type { BotStep, Script, UserStep } from './script.js';

// Plays a transcript against the bot and compares each answer with what the transcript
// expects. The first difference ends the run with the file, the line, what was expected
// and what the bot said.

export interface Failure {
  file: string;
  line: number;
  expected: string;
  actual: string;
}

export type RunResult = { ok: true; turns: number } | { ok: false; failure: Failure };

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Whether an actual text matches an expected one: exact, with * wildcards, or a /regex/. */
export function textMatches(expected: string, actual: string): boolean {
  const e = fold(expected);
  const a = fold(actual);
  if (e.length > 2 && e.startsWith('/') && e.endsWith('/')) return new RegExp(e.slice(1, -1), 's').test(a);
  if (e.includes('*')) {
    const pattern = e
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    return new RegExp(`^${pattern}$`, 's').test(a);
  }
  return e === a;
}

const describe = (r: BotReply) =>
  `${fold(r.text)}${r.buttons.length ? ` [Suggestions=${r.buttons.map((b) => b.title).join('|')}]` : ''}`;

function compare(step: BotStep, actual: BotReply | undefined, file: string): Failure | undefined {
  const expected = `${step.text}${step.buttons ? ` [Suggestions=${step.buttons.join('|')}]` : ''}`;
  if (!actual) return { file, line: step.line, expected, actual: '(the bot said nothing more)' };
  const buttonsDiffer =
    step.buttons !== undefined && step.buttons.join('|') !== actual.buttons.map((b) => b.title).join('|');
  const cardsDiffer =
    step.cardTexts !== undefined && step.cardTexts.map(fold).join('|') !== actual.cardTexts.map(fold).join('|');
  if ((step.text && !textMatches(step.text, actual.text)) || buttonsDiffer || cardsDiffer) {
    return { file, line: step.line, expected, actual: describe(actual) };
  }
  return undefined;
}

async function perform(
  step: UserStep,
  client: HttpBotClient,
  last: BotReply[],
  file: string,
): Promise<BotReply[] | Failure> {
  if (step.reset) await client.reset();
  if (step.clock) await client.setClock(step.clock);
  if (step.login === '') client.logout();
  else if (step.login) await client.login(step.login);
  if (step.start) return client.start();
  if (step.click) {
    // A button by its label, or by a pattern: «[Click=onsdag 2 december (*]» for a label whose count varies.
    const button = last
      .flatMap((r) => r.buttons)
      .find((b) => b.title === step.click || textMatches(step.click ?? '', b.title));
    if (!button) {
      const offered = last.flatMap((r) => r.buttons.map((b) => b.title));
      return {
        file,
        line: step.line,
        expected: `a button "${step.click}"`,
        actual: offered.length ? `buttons: ${offered.join(' | ')}` : '(no buttons)',
      };
    }
    return client.send({ text: button.title, value: button.value });
  }
  if (step.text === undefined && step.value === undefined) return [];
  return client.send({ text: step.text, value: step.value });
}

export async function runScript(script: Script, client: HttpBotClient): Promise<RunResult> {
  if (script.login) await client.login(script.login);
  const clients = new Map<string, HttpBotClient>([['main', client]]);
  const lastIn = new Map<string, BotReply[]>();
  let replies: BotReply[] = [];
  let next = 0;
  let turns = 0;
  const leftover = (line: number): Failure | undefined =>
    next < replies.length
      ? {
          file: script.file,
          line,
          expected: '(nothing more from the bot)',
          actual: replies.slice(next).map(describe).join('\n          '),
        }
      : undefined;
  for (const step of script.steps) {
    if (step.kind === 'bot') {
      const failure = compare(step, replies[next], script.file);
      if (failure) return { ok: false, failure };
      next++;
      continue;
    }
    const extra = leftover(step.line);
    if (extra) return { ok: false, failure: { ...extra, line: Math.max(1, step.line - 1) } };
    const name = step.conversation ?? 'main';
    const speaking = clients.get(name) ?? client.another();
    clients.set(name, speaking);
    const result = await perform(step, speaking, lastIn.get(name) ?? [], script.file);
    if (!Array.isArray(result)) return { ok: false, failure: result };
    lastIn.set(name, result);
    if (step.start || step.text !== undefined || step.value !== undefined || step.click) turns++;
    replies = result;
    next = 0;
  }
  const lastLine = script.steps.at(-1)?.line ?? 1;
  const extra = leftover(lastLine);
  return extra ? { ok: false, failure: extra } : { ok: true, turns };
}

/** Plays the user's side of a transcript and keeps what the bot answers to each step, by the step's line. */
export async function recordAnswers(script: Script, client: HttpBotClient): Promise<Map<number, BotReply[]> | Failure> {
  if (script.login) await client.login(script.login);
  const clients = new Map<string, HttpBotClient>([['main', client]]);
  const lastIn = new Map<string, BotReply[]>();
  const answers = new Map<number, BotReply[]>();
  for (const step of script.steps) {
    if (step.kind === 'bot') continue;
    const name = step.conversation ?? 'main';
    const speaking = clients.get(name) ?? client.another();
    clients.set(name, speaking);
    const result = await perform(step, speaking, lastIn.get(name) ?? [], script.file);
    if (!Array.isArray(result)) return result;
    lastIn.set(name, result);
    answers.set(step.line, result);
  }
  return answers;
}

/** Whether a bot line of a transcript still holds for an answer (wildcards and patterns kept as written). */
export const stillHolds = (step: BotStep, actual: BotReply, file: string): boolean =>
  compare(step, actual, file) === undefined;

export const formatFailure = (f: Failure) => `${f.file}:${f.line}\n  expected: ${f.expected}\n  actual:   ${f.actual}`;

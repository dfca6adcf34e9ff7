import type { BotReply } from './http-client.js';
import { stillHolds } from './runner.js';
import type { BotStep, Script } from './script.js';

// A transcript brought up to date with what the bot says now: the user's lines, comments
// and header stay as written; each answer the bot gives is written in place of the lines
// that expected it. A line that still holds (also a * wildcard or a /pattern/) is kept.

const isBoundary = (line: string | undefined) =>
  line === undefined || line.trim() === '' || line.trim().startsWith('#');

/** The lines [from, to) a bot step takes: its first line and the lines that continue it. */
function rangeOf(step: BotStep, lines: readonly string[], starts: ReadonlySet<number>): [number, number] {
  let end = step.line; // lines are 1-based; `end` is the 0-based index after the last line
  while (end < lines.length && !isBoundary(lines[end]) && !starts.has(end + 1)) end++;
  return [step.line - 1, end];
}

/** How the recorder writes an answer: text lines, buttons after the last one. */
export function answerLines(reply: BotReply, bot: string): string[] {
  const buttons = reply.buttons.length > 0 ? ` [Suggestions=${reply.buttons.map((b) => b.title).join('|')}]` : '';
  const [first = '', ...rest] = reply.text.split(/\n+/);
  const all = [`${bot}: ${first}`, ...rest];
  return all.map((line, i) => (i === all.length - 1 ? `${line}${buttons}` : line));
}

export function updatedChatdown(
  text: string,
  script: Script,
  answers: ReadonlyMap<number, BotReply[]>,
  bot: string,
): string {
  const lines = text.split('\n');
  const starts = new Set(script.steps.map((s) => s.line));
  const replaced = new Map<number, { end: number; with: string[] }>();
  const steps = script.steps;
  steps.forEach((step, i) => {
    if (step.kind !== 'user') return;
    const expected: BotStep[] = [];
    for (let j = i + 1; j < steps.length && steps[j]?.kind === 'bot'; j++) expected.push(steps[j] as BotStep);
    const actual = answers.get(step.line) ?? [];
    const ranges = expected.map((b) => rangeOf(b, lines, starts));
    const written = actual.flatMap((reply, k) => {
      const old = expected[k];
      const range = ranges[k];
      return old && range && stillHolds(old, reply, script.file) ? lines.slice(...range) : answerLines(reply, bot);
    });
    const [first, ...others] = ranges;
    if (first) {
      replaced.set(first[0], { end: first[1], with: written });
      for (const [from, end] of others) replaced.set(from, { end, with: [] });
    } else if (written.length > 0) {
      // The user's step had no answer written: the answers follow its own lines.
      let after = step.line;
      while (after < lines.length && !isBoundary(lines[after]) && !starts.has(after + 1)) after++;
      replaced.set(after, { end: after, with: written });
    }
  });
  const out: string[] = [];
  for (let i = 0; i <= lines.length;) {
    const r = replaced.get(i);
    if (r) {
      out.push(...r.with);
      if (r.end > i) {
        i = r.end;
        continue;
      }
    }
    if (i < lines.length) out.push(lines[i] ?? '');
    i++;
  }
  return out.join('\n');
}

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HttpBotClient } from '../tools/transcripts/http-client.js';
import { loadTranscript } from '../tools/transcripts/load.js';
import { formatFailure, runScript } from '../tools/transcripts/runner.js';
import type { Script } from '../tools/transcripts/script.js';
import { startTestApp } from './support/app.js';
import { seededTemplate } from './support/seeded-template.js';

// Every test/transcripts/**/*.chat and *.transcript, each against the real bot with its own
// fresh demo data and fixed clock. A failure names the file, the line, what was expected
// and what the bot said. Afterwards the bot's own logs (at debug level) are searched for
// anything personal.

const ROOT = 'test/transcripts';
const files = (readdirSync(ROOT, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.chat') || f.endsWith('.transcript'))
  .map((f) => join(ROOT, f))
  .sort();

// A personnummer standing on its own (12 digits, or 10 with a dash): not a run of digits
// inside an id such as a UUID, whose parts are joined by dashes.
const PERSONNUMMER = /(?<![\w-])(?:(?:19|20)\d{10}|\d{6}[-+]\d{4}|(?:19|20)\d{6}[-+]\d{4})(?![\w-])/;
const JWT = /\beyJ[\w-]+\.[\w-]+\.[\w-]*/;

/**
 * What the logs of a conversation must never hold: a personnummer, a token, or anything
 * the resident wrote in their own words (a reason for a visit is health information).
 */
function leaksIn(logs: readonly string[], script: Script): string[] {
  const written = script.steps.flatMap((s) =>
    s.kind === 'user' && s.text && s.text.length >= 12 && !s.click ? [s.text] : [],
  );
  return logs.flatMap((line) => {
    const found: string[] = [];
    if (PERSONNUMMER.test(line)) found.push(`personnummer in: ${line}`);
    if (JWT.test(line)) found.push(`token in: ${line}`);
    for (const text of written) if (line.includes(text)) found.push(`"${text}" in: ${line}`);
    return found;
  });
}

describe('dialog transcripts', () => {
  it('finds the transcripts', () => expect(files.length).toBeGreaterThan(0));

  it.each(files.map((f) => [f]))('%s', async (file) => {
    const script = loadTranscript(file);
    const app = await startTestApp({ CLOCK: script.clock }, seededTemplate(script.clock));
    try {
      const result = await runScript(script, new HttpBotClient(app.url));
      if (!result.ok) expect.fail(`\n${formatFailure(result.failure)}`);
      expect(leaksIn(app.logs, script)).toEqual([]);
    } finally {
      await app.stop();
    }
  });
});

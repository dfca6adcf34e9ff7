import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HttpBotClient } from '../tools/transcripts/http-client.js';
import { loadTranscript } from '../tools/transcripts/load.js';
import { formatFailure, runScript } from '../tools/transcripts/runner.js';
import { startTestApp } from './support/app.js';
import { seededTemplate } from './support/seeded-template.js';

// Every test/transcripts/**/*.chat and *.transcript, each against the real bot with its own
// fresh demo data and fixed clock. A failure names the file, the line, what was expected
// and what the bot said.

const ROOT = 'test/transcripts';
const files = (readdirSync(ROOT, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.chat') || f.endsWith('.transcript'))
  .map((f) => join(ROOT, f))
  .sort();

describe('dialog transcripts', () => {
  it('finds the transcripts', () => expect(files.length).toBeGreaterThan(0));

  it.each(files.map((f) => [f]))('%s', async (file) => {
    const script = loadTranscript(file);
    const app = await startTestApp({ CLOCK: script.clock }, seededTemplate(script.clock));
    try {
      const result = await runScript(script, new HttpBotClient(app.url));
      if (!result.ok) expect.fail(`\n${formatFailure(result.failure)}`);
    } finally {
      await app.stop();
    }
  });
});

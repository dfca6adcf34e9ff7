import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContentOrThrow } from '../content/load.js';
import { startLocalBot } from './local-bot.js';
import { HttpBotClient } from './transcripts/http-client.js';
import { loadTranscript } from './transcripts/load.js';
import { formatFailure, recordAnswers } from './transcripts/runner.js';
import { updatedChatdown } from './transcripts/update.js';

// `npm run transcripts:update -- [file.chat ...]`: plays each transcript (all of
// test/transcripts without arguments) and writes what the bot says now in place of the
// bot lines that no longer hold. For a change of wording or layout made on purpose; read
// the result with `git diff test/transcripts` before committing it.

const ROOT = 'test/transcripts';
const args = process.argv.slice(2);
const files = args.length
  ? args
  : (readdirSync(ROOT, { recursive: true }) as string[]).filter((f) => f.endsWith('.chat')).map((f) => join(ROOT, f));

const content = loadContentOrThrow();
let changed = 0;
let failed = 0;
for (const file of files.sort()) {
  if (!file.endsWith('.chat')) {
    console.log(`skipped   ${file} (only .chat files are updated)`);
    continue;
  }
  const script = loadTranscript(file);
  const bot = await startLocalBot(content, script.clock);
  try {
    const answers = await recordAnswers(script, new HttpBotClient(bot.url));
    if (!(answers instanceof Map)) {
      failed++;
      console.log(`failed    ${formatFailure(answers)}`);
      continue;
    }
    const before = readFileSync(file, 'utf8');
    const botName = /^bot\s*=\s*(.*)$/im.exec(before)?.[1]?.trim() ?? 'bot';
    const after = updatedChatdown(before, script, answers, botName);
    if (after !== before) {
      writeFileSync(file, after);
      changed++;
      console.log(`updated   ${file}`);
    }
  } finally {
    await bot.stop();
  }
}
console.log(`\n${changed} of ${files.length} transcripts updated${failed ? `, ${failed} could not be played` : ''}.`);
if (failed) process.exitCode = 1;

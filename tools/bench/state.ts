import { join } from 'node:path';
import Database from 'better-sqlite3';
import { login } from './client.js';
import { Conversation, readPhrases } from './script.js';
import { startServer } from './servers.js';
import { fmtNum, heading, table } from './stats.js';

// Part 4: how many bytes the stored conversation state takes in each kind of state.
//
// Our bot runs in a child process as tools/local-bot.ts starts it; servers.ts finds its
// data folder (and CONVERSATION_DB in it). Each
// state is reached in a conversation of its own; then the row of bot/sqlite-storage.ts
// (table `state`, JSON in column `data`, key "<channelId>/conversations/<id>") is read
// through a read-only connection.

interface StoredShape {
  data?: { chart?: unknown; prompt?: unknown; flowPrompt?: unknown };
  seen?: unknown;
}

const bytes = (value: unknown) => (value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value), 'utf8'));

export async function statePart(): Promise<void> {
  heading('4. Stored conversation state per conversation');
  const phrases = readPhrases();
  const ours = await startServer('ours');
  try {
    const file = join(ours.dataDir ?? '', 'conversations.sqlite');
    const token = await login(ours.url, phrases.resident);
    const db = new Database(file, { readonly: true, fileMustExist: true });
    const read = db.prepare('SELECT data, length(CAST(data AS BLOB)) AS size FROM state WHERE key = ?');
    const rows: string[][] = [];
    for (const [i, state] of phrases.states.entries()) {
      const conversation = new Conversation(ours.url, `state-${i}`, token);
      for (const step of state.steps) await conversation.run(step);
      const row = read.get(`test/conversations/${conversation.id}`) as { data: string; size: number } | undefined;
      if (!row) throw new Error(`No stored state for ${conversation.id}`);
      const stored = JSON.parse(row.data) as StoredShape;
      rows.push([
        state.name,
        fmtNum(state.steps.length),
        fmtNum(row.size),
        fmtNum(bytes(stored.data?.chart)),
        fmtNum(bytes(stored.data?.prompt) + bytes(stored.data?.flowPrompt)),
        fmtNum(bytes(stored.seen)),
      ]);
    }
    db.close();
    console.log(
      `  One fresh conversation per state, logged in as the demo resident; bytes of the stored JSON (UTF-8).\n` +
        `  chart = the XState persisted snapshot, prompts = the last question and flow question kept for the next turn,\n` +
        `  seen = the ids of recently handled activities.`,
    );
    console.log(table(['state', 'turns', 'stored bytes', 'chart', 'prompts', 'seen'], rows));
  } finally {
    await ours.stop();
  }
}

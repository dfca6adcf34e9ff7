import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../bot/app.js';
import { loadConfig } from '../bot/config.js';
import type { Content } from '../content/load.js';
import { silentLogger } from '../bot/log.js';

// The bot on its own fresh demo data in a temporary folder, listening on a free loopback
// port, for the testers' tools (console chat, transcript update).

export interface LocalBot {
  url: string;
  stop(): Promise<void>;
}

export async function startLocalBot(content: Content, clock: string): Promise<LocalBot> {
  const dir = mkdtempSync(join(tmpdir(), 'tidbokschatten-'));
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'development',
    PORT: '0',
    HOST: '127.0.0.1',
    CLOCK: clock,
    DEMO_MODE: 'true',
    TIDBOK_DB: join(dir, 'tidbok.sqlite'),
    CONVERSATION_DB: join(dir, 'conversations.sqlite'),
    DEMO_TOKEN_SECRET: randomBytes(24).toString('hex'),
  });
  const app = await createApp(config, content, silentLogger());
  const url = await app.listen();
  return {
    url,
    stop: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

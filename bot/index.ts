import { existsSync } from 'node:fs';
import { inspect } from 'node:util';
import { CONTENT_DIR, ContentError, loadContentOrThrow } from '../content/load.js';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';

// Composition root: configuration and content are checked before anything starts; a
// problem in either stops the bot with a message that names it.

const log = (message: string, error?: unknown) => {
  const detail =
    error instanceof Error ? `: ${error.stack ?? error.message}` : error === undefined ? '' : `: ${inspect(error)}`;
  console.error(`[${new Date().toISOString()}] ${message}${detail}`);
};

try {
  // A .env file in the working folder is read first; real environment variables win.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const content = loadContentOrThrow();
  const app = await createApp(config, content, log);
  const url = await app.listen();
  if (process.argv.includes('--watch-content')) {
    app.live.watch(CONTENT_DIR, (m) => console.log(m));
    console.log(`  Watching ${CONTENT_DIR} for content changes`);
  }
  console.log(`Tidbokschatten is listening on ${url}`);
  console.log(
    `  Bot Framework endpoint: ${url}/api/messages${config.MicrosoftAppId ? '' : ' (no app id: unauthenticated, local use only)'}`,
  );
  if (config.demoMode)
    console.log(`  Demo mode: log in with POST ${url}/api/demo/login {"personnummer":"191212121212"}`);
  console.log(`  Embedded tidbok: ${config.TIDBOK_DB}${app.seededNow ? ' (demo data seeded now)' : ''}`);
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
} catch (error) {
  if (error instanceof ConfigError || error instanceof ContentError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { useModelCache } from '../dialogs/understanding-model.js';
import { CONTENT_DIR, ContentError, loadContentOrThrow } from '../content/load.js';
import { createApp } from './app.js';
import { ConfigError, isLoopback, loadConfig, type Config } from './config.js';
import { createLogger, REDACTED_FIELDS } from './log.js';

// Composition root: configuration and content are checked before anything starts; a
// problem in either stops the bot with a message that names it (and no stack trace).

/** Readable lines outside production when pino-pretty is installed (it is a development tool). */
function prettyLogs(config: Config): boolean {
  if (config.LOG_FORMAT) return config.LOG_FORMAT === 'pretty';
  if (config.NODE_ENV === 'production') return false;
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

try {
  // A .env file in the working folder is read first; real environment variables win.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const content = loadContentOrThrow();
  const log = createLogger({
    level: config.LOG_LEVEL,
    pretty: prettyLogs(config),
    redact: [...REDACTED_FIELDS, ...config.LOG_REDACT],
  });
  // Trained classifiers are kept beside the data, so a start with unchanged examples loads them.
  useModelCache(join(dirname(config.CONVERSATION_DB), 'model-cache'));
  const app = await createApp(config, content, log);
  const url = await app.listen();
  if (process.argv.includes('--watch-content')) {
    app.live.watch(CONTENT_DIR, (m) => log.info(m));
    log.info(`watching ${CONTENT_DIR} for content changes`);
  }
  log.info(
    {
      url,
      messages: `${url}/api/messages`,
      authenticated: Boolean(config.MicrosoftAppId),
      demo: config.demoMode,
      tidbok: config.TIDBOK_DB,
      seededNow: app.seededNow,
    },
    `Tidbokschatten is listening on ${url}`,
  );
  if (!config.MicrosoftAppId && !isLoopback(config.host))
    log.warn(`${config.host} is reachable from the network and /api/messages is unauthenticated (no MicrosoftAppId)`);
  if (config.demoMode) log.info(`demo mode: open ${url} in a browser and log in as a test person`);
  const stop = async () => {
    log.info('stopping');
    await app.close();
    log.flush();
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

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { Content } from '../content/load.js';
import { t } from '../machines/reply.js';
import { resetTidbok } from '../scheduling/open-tidbok.js';
import { timedBookingEffects } from './booking-effects.js';
import { BookingBot } from './booking-bot.js';
import { Clock } from './clock.js';
import { calendarPath, calendarToken } from './calendar.js';
import { summaryOf } from '../booking/views.js';
import { DirectLine } from './directline.js';
import type { Config } from './config.js';
import { DEMO_ISSUER, DemoIssuer, JwtVerifier } from './identity.js';
import { LiveContent } from './live-content.js';
import { renderText } from './render.js';
import { createServer, type Server } from './server.js';
import { SqliteStorage } from './sqlite-storage.js';
import { demoSeedOf, startTidbok } from './tidbok.js';
import { TurnLock } from './turn-lock.js';

// The composition root's body: builds every part from configuration and content.

export interface App {
  server: Server;
  live: LiveContent;
  clock: Clock;
  seededNow: boolean;
  listen(): Promise<string>;
  close(): Promise<void>;
}

export type Log = (message: string, error?: unknown) => void;

/** The demo issuer's secret: from configuration, or created once and kept beside the data. */
function demoSecret(config: Config): Uint8Array {
  if (config.DEMO_TOKEN_SECRET) return new TextEncoder().encode(config.DEMO_TOKEN_SECRET);
  const file = join(dirname(config.CONVERSATION_DB), 'demo-token-secret');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}

export async function createApp(config: Config, content: Content, log: Log): Promise<App> {
  const clock = new Clock(config.CLOCK);
  const { tidbok, bookingService, seededNow } = startTidbok(content, config.TIDBOK_DB, clock.now(), (s, u) =>
    live.rulesFor(s, u),
  );
  const live: LiveContent = await LiveContent.create(
    content,
    timedBookingEffects(bookingService, clock, config.BOOKING_TIMEOUT_MS),
  );
  const storage = new SqliteStorage(config.CONVERSATION_DB);
  const secret = config.demoMode ? demoSecret(config) : undefined;
  const issuer = config.AUTH_ISSUER ?? DEMO_ISSUER;
  const verifier = await JwtVerifier.fromConfig(
    {
      issuer,
      audience: config.AUTH_AUDIENCE,
      jwksUrl: config.AUTH_JWKS_URL,
      publicKeyPem: config.AUTH_PUBLIC_KEY,
      secret,
    },
    (reason) => log(`Resident token rejected: ${reason}`),
  );
  const auth = new ConfigurationBotFrameworkAuthentication(
    config as unknown as ConfigurationBotFrameworkAuthenticationOptions,
  );
  const adapter = new CloudAdapter(auth);
  const onTurnError = async (context: TurnContext, error: Error) => {
    log('Unhandled turn error', error);
    await context.sendActivity({ type: 'message', text: renderText(live.texts, t('error.technical'), clock.now()) });
  };
  adapter.onTurnError = onTurnError;
  const linkSecret = config.LINK_SECRET ?? randomBytes(32).toString('hex');
  const bot = new BookingBot({
    // Absolute, as clients open links only by their full address: PUBLIC_URL behind a proxy, else where we listen.
    calendarUrl: (bookingId, patientId) =>
      `${(config.PUBLIC_URL ?? server.url).replace(/\/$/, '')}${calendarPath(calendarToken(linkSecret, bookingId, patientId, clock.now().toMillis()))}`,
    storage,
    lock: new TurnLock(),
    verifier,
    clock,
    log,
    live,
    idleMinutes: config.CONVERSATION_IDLE_MINUTES,
    settleTimeoutMs: config.BOOKING_TIMEOUT_MS * 3,
  });
  let open = true;
  const directLine = new DirectLine({
    logic: (context) => bot.run(context),
    onTurnError,
    log,
    idleMs: config.CONVERSATION_IDLE_MINUTES * 60_000 * 2,
  });
  const server = createServer({
    adapter,
    bot,
    directLine,
    texts: () => live.texts,
    demoMode: config.demoMode,
    healthy: () => open,
    calendar: {
      secret: linkSecret,
      booking: async (patientId, bookingId) => {
        const view = await bookingService.myBooking(patientId, bookingId, clock.now());
        return view && summaryOf(view);
      },
      texts: () => live.texts,
      nowMs: () => clock.now().toMillis(),
    },
    demo:
      config.demoMode && secret
        ? {
            issuer: new DemoIssuer(secret, issuer, config.AUTH_AUDIENCE),
            tidbok,
            bookingService,
            clock,
            reseed: () => resetTidbok(tidbok, demoSeedOf(content), clock.now()),
          }
        : undefined,
  });
  const sweep = setInterval(
    () => storage.deleteIdle(Date.now() - config.CONVERSATION_IDLE_MINUTES * 60_000 * 4),
    10 * 60_000,
  );
  sweep.unref();

  return {
    server,
    clock,
    seededNow,
    live,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.PORT, config.host, () => resolve(server.url));
      }),
    close: async () => {
      open = false;
      clearInterval(sweep);
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
      storage.close();
      tidbok.close();
    },
  };
}

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
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
import { DirectLineStore } from './directline-store.js';
import { publicKeyOf, type Config } from './config.js';
import { HttpPolicy, waitFor } from './http-policy.js';
import { DEMO_ISSUER, DemoIssuer, JwtVerifier } from './identity.js';
import type { Logger } from './log.js';
import { MessagesAdapter } from './messages.js';
import { LiveContent } from './live-content.js';
import { renderText } from './render.js';
import { createServer, type Server } from './server.js';
import { SqliteStorage } from './sqlite-storage.js';
import { demoSeedOf, startTidbok } from './tidbok.js';
import { TurnLock } from './turn-lock.js';

// The composition root's body: builds every part from configuration and content.

/** How long a closing server lets requests under way finish before their connections are closed. */
const CLOSE_GRACE_MS = 2000;

export interface App {
  server: Server;
  live: LiveContent;
  clock: Clock;
  seededNow: boolean;
  log: Logger;
  listen(): Promise<string>;
  close(): Promise<void>;
}

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

/** How long a web conversation's history is kept after its last use */
const directLineIdleMs = (config: Config) => config.CONVERSATION_IDLE_MINUTES * 60_000 * 2;

export async function createApp(config: Config, content: Content, log: Logger): Promise<App> {
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
  const verifier = JwtVerifier.fromConfig(
    {
      issuer,
      audience: config.AUTH_AUDIENCE,
      algorithms: config.AUTH_ALGORITHMS,
      maxLifetimeSeconds: config.AUTH_MAX_TOKEN_HOURS * 3600,
      jwksUrl: config.AUTH_JWKS_URL,
      publicKey: config.AUTH_PUBLIC_KEY ? publicKeyOf(config.AUTH_PUBLIC_KEY) : undefined,
      secret,
    },
    (why) => log.info({ why }, 'resident token refused'),
  );
  const auth = new ConfigurationBotFrameworkAuthentication(
    config as unknown as ConfigurationBotFrameworkAuthenticationOptions,
  );
  const adapter = new MessagesAdapter(auth);
  const onTurnError = async (context: TurnContext, error: Error) => {
    log.error({ err: error }, 'unhandled turn error');
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
    turnsPerMinute: config.RATE_TURNS_PER_MINUTE,
  });
  let open = true;
  const policy = new HttpPolicy({
    frameAncestors: config.FRAME_ANCESTORS,
    trustProxy: config.TRUST_PROXY,
    requestsPerMinute: config.RATE_REQUESTS_PER_MINUTE,
    conversationsPerHour: config.RATE_CONVERSATIONS_PER_HOUR,
    hsts: config.PUBLIC_URL?.startsWith('https:') ?? false,
  });
  const dlStore = new DirectLineStore(config.CONVERSATION_DB, {
    maxConversations: config.DIRECTLINE_MAX_CONVERSATIONS,
    maxActivities: 300,
    maxBytes: 512 * 1024,
    pageSize: 50,
    tokenMs: config.DIRECTLINE_TOKEN_MINUTES * 60_000,
    idleMs: directLineIdleMs(config),
  });
  const directLine = new DirectLine({
    logic: (context) => bot.run(context),
    onTurnError,
    log,
    store: dlStore,
    startWait: (req) => waitFor(policy.conversationStarts, policy.client(req)),
  });
  const server = createServer({
    log,
    policy,
    appId: config.MicrosoftAppId,
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
  // Idle state is purged on a schedule: an expired conversation starts over anyway, and
  // what it held (who the resident is, what they wrote) should not outlive it.
  const purge = () => {
    const states = storage.deleteIdle(Date.now() - config.CONVERSATION_IDLE_MINUTES * 60_000);
    const histories = directLine.sweep();
    if (states + histories > 0) log.debug({ states, histories }, 'idle conversations purged');
  };
  purge();
  const sweep = setInterval(purge, 5 * 60_000);
  sweep.unref();

  return {
    server,
    clock,
    seededNow,
    live,
    log,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.PORT, config.host, () => resolve(server.url));
      }),
    close: async () => {
      open = false;
      clearInterval(sweep);
      // Open keep-alive connections (a page polling for answers) would hold the close for
      // as long as they are used: idle ones are closed at once, the rest after a short grace.
      const http = server.server as { closeIdleConnections?: () => void; closeAllConnections?: () => void };
      const grace = setTimeout(() => http.closeAllConnections?.(), CLOSE_GRACE_MS);
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        http.closeIdleConnections?.();
      });
      clearTimeout(grace);
      storage.close();
      dlStore.close();
      tidbok.close();
    },
  };
}

import restify from 'restify';
import type { BookingBot } from './booking-bot.js';
import type { Texts } from '../content/texts.js';
import { registerDemoRoutes, type DemoDeps } from './demo-routes.js';
import type { DirectLine } from './directline.js';
import type { HttpPolicy } from './http-policy.js';
import { bindRequestLog, requestLog, type Logger } from './log.js';
import { registerMessages, type MessagesAdapter } from './messages.js';
import { registerWebRoutes } from './web-routes.js';
import { jsonBody } from './json-body.js';
import { icsOf, readCalendarToken, type CalendarDeps } from './calendar.js';

// The HTTP surface: the Bot Framework endpoint, the local Direct Line and the web page, a
// health check and, in demo mode only, the demo login and inspection endpoints for
// testers. Every answer carries the security headers; every request has an id in the
// log; no answer ever carries an internal error text or a stack trace.

export interface ServerDeps {
  log: Logger;
  policy: HttpPolicy;
  appId?: string;
  adapter: MessagesAdapter;
  bot: BookingBot;
  directLine: DirectLine;
  texts: () => Texts;
  demoMode: boolean;
  demo?: DemoDeps;
  /** Whether the bot can serve right now (storage and tidbok open) */
  healthy: () => boolean;
  calendar: CalendarDeps;
}

export type Server = restify.Server;

/** The largest request body read, before and after decompression. */
export const MAX_BODY_BYTES = 256 * 1024;

function observe(server: restify.Server, log: Logger): void {
  server.pre((req, _res, next) => {
    bindRequestLog(req, log.child({ req: req.getId() }));
    next();
  });
  server.on('after', (req: restify.Request, res: restify.Response) => {
    const status = res.statusCode;
    const level = status >= 500 ? 'error' : status >= 400 ? 'info' : 'debug';
    requestLog(req)[level]({ method: req.method, path: req.getPath(), status, ms: Date.now() - req.time() }, 'request');
  });
  // restify answers a thrown error with its message; only a generic text leaves the process.
  server.on(
    'restifyError',
    (
      req: restify.Request,
      _res: restify.Response,
      err: Error & { statusCode?: number; toJSON?: () => unknown },
      done: () => void,
    ) => {
      const status = err.statusCode ?? 500;
      if (status >= 500) {
        requestLog(req).error({ err }, 'request failed');
        err.toJSON = () => ({ error: { code: 'Internal', message: 'Something went wrong.' } });
      } else {
        // The same shape as every other error answer: { error: { code, message } }.
        const code = (err as { body?: { code?: unknown } }).body?.code;
        const message = err.message;
        err.toJSON = () => ({ error: { code: typeof code === 'string' ? code : err.name, message } });
      }
      done();
    },
  );
}

export function createServer(deps: ServerDeps): restify.Server {
  const server = restify.createServer({
    name: 'tidbokschatten',
    handleUncaughtExceptions: false,
    // restify's types name Bunyan; it calls only the methods pino shares with it.
    log: deps.log as unknown as restify.ServerOptions['log'],
  });
  observe(server, deps.log);
  server.pre(deps.policy.handler());
  server.use(jsonBody({ maxBytes: MAX_BODY_BYTES }));
  server.use(restify.plugins.queryParser({ mapParams: false }));

  registerMessages(server, {
    adapter: deps.adapter,
    logic: (c) => deps.bot.run(c),
    appId: deps.appId,
    localEmulator: deps.demoMode,
    log: deps.log,
  });

  server.get('/healthz', async (_req, res) => {
    if (deps.healthy()) res.send(200, { status: 'ok' });
    else res.send(503, { status: 'unavailable' });
  });

  deps.directLine.register(server);
  registerWebRoutes(server, deps.texts, deps.demoMode);
  // A booking's calendar entry, at a signed link that expires (see calendar.ts).
  server.get('/api/calendar', async (req, res) => {
    const { calendar } = deps;
    const given = (req.query as { t?: unknown } | undefined)?.t;
    const token = typeof given === 'string' ? given : '';
    const claims = readCalendarToken(calendar.secret, token, calendar.nowMs());
    const booking = claims && (await calendar.booking(claims.patientId, claims.bookingId));
    if (!booking) {
      res.header('content-type', 'text/plain; charset=utf-8');
      res.send(404, calendar.texts().render('calendar.expired'));
      return;
    }
    res.header('content-type', 'text/calendar; charset=utf-8');
    res.header('content-disposition', 'attachment; filename="tid.ics"');
    res.header('cache-control', 'no-store');
    res.sendRaw(200, icsOf(booking, calendar.texts()));
  });
  if (deps.demo) registerDemoRoutes(server, deps.demo);
  return server;
}

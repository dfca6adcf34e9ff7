import type { CloudAdapter } from 'botbuilder';
import restify from 'restify';
import type { BookingBot } from './booking-bot.js';
import type { Texts } from '../content/texts.js';
import { registerDemoRoutes, type DemoDeps } from './demo-routes.js';
import type { DirectLine } from './directline.js';
import { registerWebRoutes } from './web-routes.js';
import { jsonBody } from './json-body.js';
import { icsOf, readCalendarToken, type CalendarDeps } from './calendar.js';

// The HTTP surface: the Bot Framework endpoint, a health check and, in demo mode only,
// the demo login and inspection endpoints for testers.

export interface ServerDeps {
  adapter: CloudAdapter;
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

export function createServer(deps: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'tidbokschatten', handleUncaughtExceptions: false });
  server.use(jsonBody({ maxBytes: MAX_BODY_BYTES }));
  server.use(restify.plugins.queryParser({ mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    if (!req.body || typeof req.body !== 'object' || typeof (req.body as { type?: unknown }).type !== 'string') {
      res.send(400, { error: { code: 'BadArgument', message: 'The body must be a Bot Framework activity in JSON.' } });
      return;
    }
    await deps.adapter.process(req, res, (context) => deps.bot.run(context));
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

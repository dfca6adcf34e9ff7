import type restify from 'restify';
import { z } from 'zod';
import type { BookingService } from '../booking/booking-service.js';
import type { EmbeddedTidbok } from '../scheduling/embedded-tidbok.js';
import type { Clock } from './clock.js';
import type { DemoIssuer } from './identity.js';

// Demo mode only: a local login that signs tokens for demo residents, and inspection
// endpoints for testers. None of these exist when NODE_ENV=production.

export interface DemoDeps {
  issuer: DemoIssuer;
  tidbok: EmbeddedTidbok;
  bookingService: BookingService;
  clock: Clock;
  /** Empties the tidbok and seeds the demo data as of the clock's now */
  reseed: () => void;
}

const personnummer = z
  .string()
  .trim()
  .transform((v) => v.replace(/[-\s]/g, ''))
  .pipe(z.string().regex(/^(19|20)\d{10}$/));
const loginBody = z.object({ personnummer });
const clockBody = z.object({
  now: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/)
    .optional(),
  reset: z.boolean().optional(),
});

function badRequest(res: restify.Response, message: string): void {
  res.send(400, { error: { code: 'BadArgument', message } });
}

export function registerDemoRoutes(server: restify.Server, deps: DemoDeps): void {
  server.get('/api/demo/people', async (_req, res) => {
    const people = await deps.tidbok.patients();
    res.send(
      200,
      people.map((p) => ({ personnummer: p.id, name: p.name })),
    );
  });

  server.post('/api/demo/login', async (req, res) => {
    const body = loginBody.safeParse(req.body);
    if (!body.success) {
      badRequest(res, 'Send {"personnummer":"191212121212"} (twelve digits).');
      return;
    }
    const person = (await deps.tidbok.patients()).find((p) => p.id === body.data.personnummer);
    if (!person) {
      res.send(404, {
        error: { code: 'NotFound', message: 'No demo resident has that personnummer. See GET /api/demo/people.' },
      });
      return;
    }
    const token = await deps.issuer.sign({ patientId: person.id, name: person.name });
    res.send(200, { token, personnummer: person.id, name: person.name });
  });

  server.get('/api/demo/bookings', async (req, res) => {
    const query = personnummer.safeParse((req.query as Record<string, unknown> | undefined)?.personnummer);
    if (!query.success) {
      badRequest(res, 'Give ?personnummer=191212121212 (twelve digits).');
      return;
    }
    const [units, services] = await Promise.all([deps.tidbok.units(), deps.tidbok.careServices()]);
    const unitName = new Map(units.map((u) => [u.hsaId.toLowerCase(), u]));
    const serviceName = new Map(services.map((s) => [s.id, s.name]));
    res.send(
      200,
      deps.tidbok.allBookingsOf(query.data).map((b) => {
        const unit = unitName.get(b.unitHsaId.toLowerCase());
        return {
          bookingId: b.id,
          unit: unit?.name,
          unitHsaId: b.unitHsaId,
          careService: serviceName.get(b.careServiceId),
          careServiceId: b.careServiceId,
          start: b.start,
          end: b.end,
          status: b.status,
          performer: b.performerName,
          resource: b.resourceName,
          seriesId: b.seriesId ?? null,
          resourceCount: b.resourceCount,
          confidentialUnit: unit?.confidential ?? false,
          fromInvitationId: b.fromInvitationId ?? null,
        };
      }),
    );
  });

  server.get('/api/demo/clock', async (_req, res) => {
    res.send(200, { now: deps.clock.now().toISO() });
  });

  server.post('/api/demo/clock', async (req, res) => {
    const body = clockBody.safeParse(req.body ?? {});
    const { now, reset } = body.success ? body.data : {};
    if (reset) deps.clock.reset();
    else if (now === undefined) {
      badRequest(res, 'Send {"now":"2026-12-01T09:00"} or {"reset":true}.');
      return;
    } else if (!deps.clock.set(now)) {
      badRequest(res, `Not a valid local time: ${now}`);
      return;
    }
    res.send(200, { now: deps.clock.now().toISO() });
  });

  server.post('/api/demo/reset', async (_req, res) => {
    deps.reseed();
    res.send(200, { seededAt: deps.clock.now().toISO() });
  });
}

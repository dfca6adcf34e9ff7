import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { BookingService } from '../../booking/booking-service.js';
import { bookingEffects, SLOTS_PER_SEARCH } from '../../booking/effects.js';
import { bookingWindow } from '../../booking/policy.js';
import { toIso, ZONE } from '../../booking/time.js';
import type { CareService, Unit } from '../../booking/types.js';
import type { Content } from '../../content/load.js';
import { EmbeddedTidbok } from '../../scheduling/embedded-tidbok.js';
import { BENCH_CLOCK } from './servers.js';
import { fmtBytes, fmtMs, fmtNum, heading, percentile, table, timeRepeatedly } from './stats.js';

// Part 3: the search for free times on generated tidboks of many free slots.
//
// The data is written straight into a temporary embedded tidbok: EmbeddedTidbok creates
// the schema (scheduling/schema.ts), and the units, care services and slots are inserted
// in one transaction with prepared statements in the schema's own row shapes. (The demo
// seed cannot make these: it names a slot by care service and start, so one care service
// cannot have two resources free at the same minute, which a dense tidbok needs.)
//
// Each level is called once, and a fast one up to 200 times more, untimed, before it is timed.
//
// Three levels of the call the bot makes for "free times for care service X in the next
// 42 days" (the default horizon in konfiguration.yaml) are timed:
//   sql      EmbeddedTidbok.freeSlots: the indexed SQL query and the mapping of rows
//   service  BookingService.freeSlots: catalog, rules, window, the query, wish filter and sort
//   effect   bookingEffects(...).findSlots: what the conversation invokes, the service
//            call plus the change deadline and a summary per slot

/** 12 weeks of weekdays, 08:00–17:00, 10-minute slots: twice the 42-day horizon. */
const SPAN_DAYS = 84;
const SLOT_MINUTES = 10;
const POSITIONS = (17 - 8) * (60 / SLOT_MINUTES);
/** In the spread shape each care service holds this many free slots, ten services a unit. */
const SLOTS_PER_SERVICE = 1000;
const SERVICES_PER_UNIT = 10;

export interface SlotOptions {
  sizes: number[];
  minRuns: number;
  maxRuns: number;
  budgetMs: number;
}

type Shape = 'spread' | 'dense';

interface Generated {
  tidbok: EmbeddedTidbok;
  serviceIds: string[];
  generateMs: number;
  fileBytes: number;
}

const clock = (minutes: number) =>
  `${String(8 + Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function workingDays(now: DateTime): { date: string; eightMs: number; offset: string }[] {
  const days = [];
  for (let d = 1; d <= SPAN_DAYS; d++) {
    const eight = now.plus({ days: d }).set({ hour: 8, minute: 0, second: 0, millisecond: 0 });
    if (eight.weekday > 5) continue;
    days.push({ date: eight.toISODate() ?? '', eightMs: eight.toMillis(), offset: toIso(eight).slice(19) });
  }
  return days;
}

function generate(file: string, total: number, shape: Shape, now: DateTime): Generated {
  const started = performance.now();
  const tidbok = new EmbeddedTidbok(file);
  const db = tidbok.db;
  db.pragma('synchronous = OFF');
  const serviceCount = shape === 'dense' ? 1 : Math.max(1, Math.round(total / SLOTS_PER_SERVICE));
  const days = workingDays(now);
  const times = Array.from({ length: POSITIONS + 1 }, (_, p) => clock(p * SLOT_MINUTES));
  const insertUnit = db.prepare('INSERT INTO units (hsa_id, data) VALUES (?, ?)');
  const insertService = db.prepare('INSERT INTO care_services (id, unit_hsa_id, data) VALUES (?, ?, ?)');
  const insertSlot = db.prepare(`INSERT INTO slots (id, unit_hsa_id, care_service_id, start, "end", start_ms,
    performer_name, resource_name, booking_id) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, NULL)`);
  const serviceIds: string[] = [];
  db.transaction(() => {
    for (let s = 0; s < serviceCount; s++) {
      const u = Math.floor(s / SERVICES_PER_UNIT);
      const hsaId = `SE-BENCH-UNIT-${u}`;
      if (s % SERVICES_PER_UNIT === 0) {
        const unit: Unit = {
          hsaId,
          name: `Bench unit ${u}`,
          kind: 'primary-care',
          bookingSystem: 'Cosmic',
          phone: '000-000 00 00',
          confidential: false,
          specialHandling: false,
          hasBookingBook: true,
          synonyms: [],
        };
        insertUnit.run(hsaId, JSON.stringify(unit));
      }
      const id = `bench-service-${s}`;
      const service: CareService = {
        id,
        unitHsaId: hsaId,
        name: `Bench service ${s % SERVICES_PER_UNIT}`,
        durationMinutes: SLOT_MINUTES,
        specialHandling: false,
        resourceCount: 1,
        hiddenFromFreeChoice: false,
        synonyms: [],
      };
      insertService.run(id, hsaId, JSON.stringify(service));
      serviceIds.push(id);
      // This service's share; slot j goes to day j mod D, then to the next free position and resource.
      const share = Math.floor(total / serviceCount) + (s < total % serviceCount ? 1 : 0);
      for (let j = 0; j < share; j++) {
        const day = days[j % days.length];
        if (!day) throw new Error('no working days');
        const rank = Math.floor(j / days.length);
        const position = rank % POSITIONS;
        const resource = Math.floor(rank / POSITIONS);
        const start = `${day.date}T${times[position] ?? ''}:00${day.offset}`;
        const end = `${day.date}T${times[position + 1] ?? ''}:00${day.offset}`;
        const startMs = day.eightMs + position * SLOT_MINUTES * 60_000;
        insertSlot.run(`${id}#${j}`, hsaId, id, start, end, startMs, `Room ${resource + 1}`);
      }
    }
  }).immediate();
  db.pragma('wal_checkpoint(TRUNCATE)');
  const fileBytes = statSync(file).size;
  return { tidbok, serviceIds, generateMs: performance.now() - started, fileBytes };
}

const PATIENT = '191212121212';

export async function slotsPart(content: Content, opts: SlotOptions): Promise<void> {
  heading('3. Free-slot search on generated tidboks');
  const now = DateTime.fromISO(BENCH_CLOCK, { zone: ZONE });
  console.log(
    `  Tidbok: weekdays 08-17 over ${SPAN_DAYS} days, ${SLOT_MINUTES}-minute slots, all free. "spread": ${fmtNum(SLOTS_PER_SERVICE)} free slots\n` +
      `  per care service, ${SERVICES_PER_UNIT} services per unit, a different service each call. "dense": every slot in one\n` +
      `  care service (parallel resources). Query: open booking, no wish, now = ${BENCH_CLOCK}, the rules' window.\n` +
      `  Levels: sql = EmbeddedTidbok.freeSlots; service = BookingService.freeSlots (what the findSlots effect calls);\n` +
      `  effect = bookingEffects(...).findSlots (what the conversation invokes: one page of at most ${SLOTS_PER_SEARCH} times, whole days). Runs per cell: ${opts.minRuns}-${opts.maxRuns}, about ${opts.budgetMs / 1000} s each.`,
  );
  const rows: string[][] = [];
  const genRows: string[][] = [];
  let rulesSeen = '';
  for (const size of opts.sizes) {
    for (const shape of ['spread', 'dense'] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'bench-tidbok-'));
      try {
        const g = generate(join(dir, 'tidbok.sqlite'), size, shape, now);
        genRows.push([fmtNum(size), shape, fmtNum(g.serviceIds.length), fmtMs(g.generateMs), fmtBytes(g.fileBytes)]);
        const service = new BookingService(g.tidbok, content.rulesFor);
        const effects = bookingEffects(service, () => now);
        const sample = g.serviceIds.filter((_, i) => i % Math.max(1, Math.floor(g.serviceIds.length / 64)) === 0);
        let next = 0;
        const pick = () => sample[next++ % sample.length] ?? '';
        const rulesOf = (careServiceId: string) => {
          const s = JSON.parse(
            (g.tidbok.db.prepare('SELECT data FROM care_services WHERE id = ?').get(careServiceId) as { data: string })
              .data,
          ) as CareService;
          const u = JSON.parse(
            (g.tidbok.db.prepare('SELECT data FROM units WHERE hsa_id = ?').get(s.unitHsaId) as { data: string }).data,
          ) as Unit;
          return content.rulesFor(s, u);
        };
        const rules = rulesOf(pick());
        rulesSeen = `horizon ${rules.horizonDays} days, minimum notice ${rules.minNoticeHours} h`;
        const window = bookingWindow(rules, { kind: 'open', viaGuide: false }, now);
        const query = (careServiceId: string) => ({ careServiceId, from: toIso(window.from), to: toIso(window.to) });
        // Each level counts what it found: the three must agree, and find something.
        const found = new Map<string, number>();
        // The effect first: the levels below return every slot, and their garbage (hundreds of MB at
        // 1 M dense) would otherwise be collected while the effect is timed.
        const levels: [string, () => Promise<number>][] = [
          [
            'effect',
            async () => {
              const target = { kind: 'open' as const, careServiceId: pick(), viaGuide: false };
              const r = await effects.findSlots({ patientId: PATIENT, target, wish: {} });
              if (!r.ok) throw new Error(`findSlots refused: ${JSON.stringify(r.rejection)}`);
              return r.value.slots.length;
            },
          ],
          [
            'service',
            async () => {
              const r = await service.freeSlots(PATIENT, { kind: 'open', careServiceId: pick() }, {}, now);
              if (!r.ok) throw new Error(`BookingService.freeSlots refused: ${JSON.stringify(r.rejection)}`);
              return r.value.length;
            },
          ],
          ['sql', async () => (await g.tidbok.freeSlots(query(pick()))).length],
        ];
        for (const [level, work] of levels) {
          // One warm-up call; a slow one (over half a second) is kept as a sample, as warming matters little there.
          const t0 = performance.now();
          found.set(level, await work());
          const first = performance.now() - t0;
          const kept = first > 500 ? [first] : [];
          // A fast level is warmed up further, untimed, as a running bot is: compiled, and the
          // garbage of generating the tidbok collected before the first timed call.
          if (first < 50) await timeRepeatedly(work, { minRuns: 0, maxRuns: 200, budgetMs: opts.budgetMs / 5 });
          const times = [
            ...kept,
            ...(await timeRepeatedly(
              async () => {
                const n = await work();
                if (n !== found.get(level)) throw new Error(`${level} found ${n}, before ${found.get(level) ?? 0}`);
              },
              { ...opts, minRuns: opts.minRuns - kept.length },
            )),
          ];
          rows.push([
            fmtNum(size),
            shape,
            level,
            fmtNum(found.get(level) ?? 0),
            fmtNum(times.length),
            fmtMs(percentile(times, 50)),
            fmtMs(percentile(times, 99)),
            fmtMs(Math.max(...times)),
          ]);
        }
        // The effect returns one page (at most SLOTS_PER_SEARCH, whole days); the levels below, every slot.
        const [bySql = 0, byService = 0, byEffect = 0] = [found.get('sql'), found.get('service'), found.get('effect')];
        if (bySql === 0 || bySql !== byService || byEffect === 0 || byEffect > Math.min(bySql, SLOTS_PER_SEARCH))
          throw new Error(
            `The levels disagree or find nothing: sql ${bySql}, service ${byService}, effect ${byEffect}`,
          );
        g.tidbok.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  console.log(`  Rules of the generated care services (konfiguration.yaml): ${rulesSeen}.`);
  console.log('\n  Generated tidboks:');
  console.log(table(['free slots', 'shape', 'care services', 'generation', 'file size'], genRows));
  console.log('\n  One search for free times (found = free slots in the window, per call):');
  console.log(table(['free slots', 'shape', 'level', 'found', 'runs', 'p50', 'p99', 'max'], rows));
}

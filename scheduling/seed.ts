import type Database from 'better-sqlite3';
import type { DateTime } from 'luxon';
import { ZONE, toIso } from '../booking/time.js';
import type { CareService, Unit } from '../booking/types.js';
import { clearAll, SCHEMA_VERSION } from './schema.js';

// The demo data the embedded tidbok is seeded from, with times relative to the moment of
// seeding so that the demo always has a future. Content's demo YAML produces this shape.

export interface SeedSchedule {
  /** ISO weekdays 1 (Monday) – 7 */
  weekdays: number[];
  /** local "HH:MM" of the first and the end of the last slot */
  from: string;
  to: string;
  everyMinutes: number;
  weeks: number;
  performers?: string[];
  resources?: string[];
  /** Every n-th generated slot is taken by someone else, so the book looks lived in. */
  takenEvery?: number;
}

export interface SeedService extends CareService {
  schedule?: SeedSchedule;
}

export interface SeedUnit extends Unit {
  services: SeedService[];
}

export interface SeedBooking {
  id: string;
  careServiceId: string;
  /** Either a whole number of days ahead at a local time, or the first daytime half hour at least this many hours ahead. */
  inDays?: number;
  at?: string;
  earliestInHours?: number;
  performerName?: string;
  resourceName?: string;
  seriesId?: string;
  resourceCount?: number;
  reason?: string;
}

export interface SeedInvitation {
  id: string;
  careServiceId: string;
  /** The window, in whole days from the day of seeding (0 = today) */
  fromInDays: number;
  toInDays: number;
  purpose: string;
}

export interface SeedPerson {
  personnummer: string;
  name: string;
  /** Guardians (vårdnadshavare), by personnummer, for a child */
  guardians: string[];
  bookings: SeedBooking[];
  invitations: SeedInvitation[];
}

export interface SeedData {
  units: SeedUnit[];
  people: SeedPerson[];
}

/** Marks a generated slot as taken by someone outside the demo. */
const OTHER_PATIENT = 'annan-patient';

interface SlotInsert {
  id: string;
  unit: string;
  service: string;
  start: DateTime;
  minutes: number;
  performer: string | null;
  resource: string | null;
  bookingId: string | null;
}

/** Replaces everything in the database with the demo data, seeded as of `now`. */
export function seed(db: Database.Database, data: SeedData, now: DateTime): void {
  const local = now.setZone(ZONE);
  const insertSlot = db.prepare(`INSERT INTO slots (id, unit_hsa_id, care_service_id, start, "end", start_ms,
    performer_name, resource_name, booking_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const addSlot = (s: SlotInsert) => {
    const end = s.start.plus({ minutes: s.minutes });
    insertSlot.run(
      s.id,
      s.unit,
      s.service,
      toIso(s.start),
      toIso(end),
      s.start.toMillis(),
      s.performer,
      s.resource,
      s.bookingId,
    );
  };
  const services = new Map(data.units.flatMap((u) => u.services.map((s) => [s.id, s] as const)));

  db.transaction(() => {
    clearAll(db);
    for (const unit of data.units) {
      const { services: unitServices, ...plain } = unit;
      db.prepare('INSERT INTO units (hsa_id, data) VALUES (?, ?)').run(unit.hsaId, JSON.stringify(plain));
      for (const service of unitServices) {
        // The schedule makes slots below; the stored service is what the booking system knows.
        const plainService = { ...service, schedule: undefined };
        db.prepare('INSERT INTO care_services (id, unit_hsa_id, data) VALUES (?, ?, ?)').run(
          service.id,
          unit.hsaId,
          JSON.stringify(plainService),
        );
      }
    }
    const bookedStarts = new Set<string>();
    for (const person of data.people) {
      db.prepare('INSERT INTO patients (id, name) VALUES (?, ?)').run(person.personnummer, person.name);
      for (const guardian of person.guardians)
        db.prepare('INSERT INTO guardianships (guardian_id, child_id) VALUES (?, ?)').run(
          guardian,
          person.personnummer,
        );
      for (const b of person.bookings) {
        const service = services.get(b.careServiceId);
        if (!service) throw new Error(`Seed booking ${b.id} names unknown care service ${b.careServiceId}`);
        const start = bookingStart(local, b);
        const slotId = `${service.id}@${toIso(start)}`;
        bookedStarts.add(slotId);
        addSlot({
          id: slotId,
          unit: service.unitHsaId,
          service: service.id,
          start,
          minutes: service.durationMinutes,
          performer: b.performerName ?? null,
          resource: b.resourceName ?? null,
          bookingId: b.id,
        });
        db.prepare(
          `INSERT INTO bookings (id, patient_id, unit_hsa_id, care_service_id, start, "end", start_ms, status,
          performer_name, resource_name, series_id, resource_count, slot_id, reason)
          VALUES (?, ?, ?, ?, ?, ?, ?, 'booked', ?, ?, ?, ?, ?, ?)`,
        ).run(
          b.id,
          person.personnummer,
          service.unitHsaId,
          service.id,
          toIso(start),
          toIso(start.plus({ minutes: service.durationMinutes })),
          start.toMillis(),
          b.performerName ?? null,
          b.resourceName ?? null,
          b.seriesId ?? null,
          b.resourceCount ?? 1,
          slotId,
          b.reason ?? null,
        );
      }
      for (const inv of person.invitations) {
        const service = services.get(inv.careServiceId);
        if (!service) throw new Error(`Seed invitation ${inv.id} names unknown care service ${inv.careServiceId}`);
        db.prepare(
          `INSERT INTO invitations (id, patient_id, unit_hsa_id, care_service_id, earliest_date, latest_date, purpose)
          VALUES (?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          inv.id,
          person.personnummer,
          service.unitHsaId,
          service.id,
          local.plus({ days: inv.fromInDays }).toISODate(),
          local.plus({ days: inv.toInDays }).toISODate(),
          inv.purpose,
        );
      }
    }
    for (const unit of data.units) {
      for (const service of unit.services) {
        if (!service.schedule) continue;
        for (const slot of generateSlots(local, service, service.schedule)) {
          if (!bookedStarts.has(slot.id)) addSlot(slot);
        }
      }
    }
    db.prepare(`INSERT INTO meta (key, value) VALUES ('seeded_at', ?), ('schema_version', ?)`).run(
      toIso(local),
      SCHEMA_VERSION,
    );
  }).immediate();
}

function bookingStart(local: DateTime, b: SeedBooking): DateTime {
  if (b.earliestInHours !== undefined) {
    // The first half hour during opening hours (8–17) that is far enough ahead, so that a
    // booking meant to be "soon" is always soon and never in the middle of the night.
    let t = local.plus({ hours: b.earliestInHours }).set({ second: 0, millisecond: 0 });
    t = t.plus({ minutes: (30 - (t.minute % 30)) % 30 });
    if (t.hour >= 17) t = t.plus({ days: 1 }).set({ hour: 8, minute: 0 });
    if (t.hour < 8) t = t.set({ hour: 8, minute: 0 });
    return t;
  }
  const [h = 9, m = 0] = (b.at ?? '09:00').split(':').map(Number);
  let day = local.plus({ days: b.inDays ?? 1 });
  // Clinics book on weekdays: a day that falls on a weekend moves to the Monday after.
  if (day.weekday > 5) day = day.plus({ days: 8 - day.weekday });
  return day.set({ hour: h, minute: m, second: 0, millisecond: 0 });
}

/** Swedish public holidays on fixed dates, and Christmas and New Year's Eves: no times. */
const CLOSED_DAYS = new Set(['01-01', '01-06', '05-01', '06-06', '12-24', '12-25', '12-26', '12-31']);

/** Slots from tomorrow on, at local wall-clock times, so a DST change keeps "kl. 8.00" at 8.00. */
export function* generateSlots(local: DateTime, service: SeedService, schedule: SeedSchedule): Generator<SlotInsert> {
  const [fh = 8, fm = 0] = schedule.from.split(':').map(Number);
  const [th = 16, tm = 0] = schedule.to.split(':').map(Number);
  let n = 0;
  for (let day = 1; day <= schedule.weeks * 7; day++) {
    const date = local.plus({ days: day }).startOf('day');
    if (!schedule.weekdays.includes(date.weekday) || CLOSED_DAYS.has(date.toFormat('MM-dd'))) continue;
    const end = date.set({ hour: th, minute: tm });
    for (
      let t = date.set({ hour: fh, minute: fm });
      t.plus({ minutes: service.durationMinutes }) <= end;
      t = t.plus({ minutes: schedule.everyMinutes })
    ) {
      n++;
      const performers = schedule.performers ?? [];
      const resources = schedule.resources ?? [];
      const taken = schedule.takenEvery !== undefined && n % schedule.takenEvery === 0;
      yield {
        id: `${service.id}@${toIso(t)}`,
        unit: service.unitHsaId,
        service: service.id,
        start: t,
        minutes: service.durationMinutes,
        // Each performer has their own days, as at a real unit.
        performer: performers[day % performers.length] ?? null,
        resource: resources[n % resources.length] ?? null,
        bookingId: taken ? OTHER_PATIENT : null,
      };
    }
  }
}

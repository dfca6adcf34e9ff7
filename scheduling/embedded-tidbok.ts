import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ok, refuse, type BookingResult, type Rejection } from '../booking/rejections.js';
import type {
  CancelRequest,
  MakeBookingRequest,
  RebookRequest,
  SchedulingSystem,
  SlotQuery,
} from '../booking/scheduling-system.js';
import { instantMillis } from '../booking/time.js';
import type { Booking, CareService, Invitation, Patient, Slot, Unit } from '../booking/types.js';
import {
  bookingOf,
  careServiceOf,
  invitationOf,
  slotOf,
  unitOf,
  type BookingRow,
  type InvitationRow,
  type SlotRow,
} from './rows.js';
import { migrate } from './schema.js';
import { openPrivateDatabase } from './sqlite-file.js';

/** Thrown inside a transaction to roll it back with an expected outcome. */
class Refusal extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.code);
  }
}

// A simulated booking system on SQLite. Every write is one IMMEDIATE transaction whose
// conditional UPDATEs (`... WHERE booking_id IS NULL`) decide races: of two bookings of
// one slot, from this process or another, exactly one changes a row.
export class EmbeddedTidbok implements SchedulingSystem {
  readonly db: Database.Database;
  /** Statements are prepared once per SQL text and reused (preparing costs more than most queries) */
  private readonly statements = new Map<string, Database.Statement>();
  /** Units and care services as last read, with the database version they were read at */
  private catalogCache: { version: string; units: Unit[]; careServices: CareService[] } | undefined;

  constructor(file: string) {
    this.db = openPrivateDatabase(file);
    migrate(this.db);
  }

  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /**
   * Units and care services change only when the tidbok is seeded, by this connection or
   * another process; data_version moves on another connection's commit and total_changes
   * on this one's, so a cached catalogue is never stale.
   */
  private catalog(): { units: Unit[]; careServices: CareService[] } {
    const version = `${String(this.sql('PRAGMA data_version').pluck().get())}/${String(this.sql('SELECT total_changes()').pluck().get())}`;
    if (this.catalogCache?.version !== version) {
      // The same lists are handed out until the tidbok changes; frozen, so no caller can change them.
      this.catalogCache = {
        version,
        units: Object.freeze(
          (this.sql('SELECT data FROM units').all() as { data: string }[]).map((r) => unitOf(r.data)),
        ) as Unit[],
        careServices: Object.freeze(
          (this.sql('SELECT data FROM care_services').all() as { data: string }[]).map((r) => careServiceOf(r.data)),
        ) as CareService[],
      };
    }
    return this.catalogCache;
  }

  close(): void {
    this.db.close();
  }

  async units(): Promise<Unit[]> {
    return this.catalog().units;
  }

  async careServices(): Promise<CareService[]> {
    return this.catalog().careServices;
  }

  async patients(): Promise<Patient[]> {
    return this.sql('SELECT id, name FROM patients ORDER BY rowid').all() as Patient[];
  }

  async childrenOf(guardianId: string): Promise<Patient[]> {
    return this.sql(
      `SELECT p.id, p.name FROM guardianships g JOIN patients p ON p.id = g.child_id
         WHERE g.guardian_id = ? ORDER BY p.id DESC`,
    ).all(guardianId) as Patient[];
  }

  async bookingsOf(patientId: string): Promise<Booking[]> {
    const rows = this.sql(`SELECT * FROM bookings WHERE patient_id = ? AND status = 'booked' ORDER BY start_ms`).all(
      patientId,
    ) as BookingRow[];
    return rows.map(bookingOf);
  }

  /** Every booking of a patient, cancelled ones included (for testers' inspection). */
  allBookingsOf(patientId: string): Booking[] {
    const rows = this.sql('SELECT * FROM bookings WHERE patient_id = ? ORDER BY start_ms').all(
      patientId,
    ) as BookingRow[];
    return rows.map(bookingOf);
  }

  async invitationsOf(patientId: string): Promise<Invitation[]> {
    const rows = this.sql('SELECT * FROM invitations WHERE patient_id = ? ORDER BY latest_date').all(
      patientId,
    ) as InvitationRow[];
    return rows.map(invitationOf);
  }

  async freeSlots(query: SlotQuery): Promise<Slot[]> {
    // A slot's start is stored as local time with its offset ("2026-12-01T09:30:00+01:00"),
    // so the local clock time and date are parts of the text and the wish is asked of the
    // database; the index on (care service, start) keeps this a range scan that stops at the limit.
    const rows = this.sql(
      `SELECT * FROM slots WHERE care_service_id = ? AND booking_id IS NULL AND start_ms >= ? AND start_ms <= ?
         AND (? IS NULL OR substr(start, 12, 5) >= ?) AND (? IS NULL OR substr(start, 12, 5) < ?)
         AND (? IS NULL OR (CAST(strftime('%w', substr(start, 1, 10)) AS INTEGER) + 6) % 7 + 1 = ?)
         AND (? IS NULL OR (CAST(strftime('%w', substr(start, 1, 10)) AS INTEGER) + 6) % 7 + 1 != ?)
       ORDER BY start_ms LIMIT ?`,
    ).all(
      query.careServiceId,
      instantMillis(query.from),
      instantMillis(query.to),
      query.timeFrom ?? null,
      query.timeFrom ?? null,
      query.timeTo ?? null,
      query.timeTo ?? null,
      query.weekday ?? null,
      query.weekday ?? null,
      query.notWeekday ?? null,
      query.notWeekday ?? null,
      query.limit ?? -1,
    ) as SlotRow[];
    return rows.map(slotOf);
  }

  async slot(slotId: string): Promise<(Slot & { free: boolean }) | undefined> {
    const row = this.sql('SELECT * FROM slots WHERE id = ?').get(slotId) as SlotRow | undefined;
    return row && { ...slotOf(row), free: row.booking_id === null };
  }

  async priorWrite(patientId: string, writeKey: string): Promise<Booking | undefined> {
    const id = this.priorBookingId(patientId, writeKey);
    return id === undefined ? undefined : this.bookingById(id);
  }

  private priorBookingId(patientId: string, writeKey: string): string | undefined {
    const row = this.sql('SELECT booking_id FROM writes WHERE key = ? AND patient_id = ?').get(writeKey, patientId) as
      { booking_id: string } | undefined;
    return row?.booking_id;
  }

  async makeBooking(request: MakeBookingRequest): Promise<BookingResult<Booking>> {
    return this.write(request, () => {
      const id = randomUUID();
      if (request.invitationId) {
        const used = this.sql(
          'UPDATE invitations SET used_by_booking_id = ? WHERE id = ? AND patient_id = ? AND used_by_booking_id IS NULL',
        ).run(id, request.invitationId, request.patientId);
        if (used.changes === 0)
          throw new Refusal(
            this.invitationExists(request) ? { code: 'invitation_used' } : { code: 'invitation_not_found' },
          );
      }
      const slot = this.claimSlot(request.slotId, id);
      this.sql(
        `INSERT INTO bookings (id, patient_id, unit_hsa_id, care_service_id, start, "end", start_ms, status,
                  performer_name, resource_name, resource_count, from_invitation_id, slot_id, reason)
                  VALUES (?, ?, ?, ?, ?, ?, ?, 'booked', ?, ?, 1, ?, ?, ?)`,
      ).run(
        id,
        request.patientId,
        slot.unit_hsa_id,
        slot.care_service_id,
        slot.start,
        slot.end,
        slot.start_ms,
        slot.performer_name,
        slot.resource_name,
        request.invitationId ?? null,
        slot.id,
        request.reason ?? null,
      );
      return this.bookingById(id);
    });
  }

  async rebook(request: RebookRequest): Promise<BookingResult<Booking>> {
    return this.write(request, () => {
      const current = this.ownBookedRow(request.patientId, request.bookingId);
      const slot = this.claimSlot(request.newSlotId, current.id);
      if (current.slot_id)
        this.sql('UPDATE slots SET booking_id = NULL WHERE id = ? AND booking_id = ?').run(current.slot_id, current.id);
      this.sql(
        `UPDATE bookings SET start = ?, "end" = ?, start_ms = ?, performer_name = ?, resource_name = ?, slot_id = ?
                  WHERE id = ?`,
      ).run(slot.start, slot.end, slot.start_ms, slot.performer_name, slot.resource_name, slot.id, current.id);
      return this.bookingById(current.id);
    });
  }

  async cancelBooking(request: CancelRequest): Promise<BookingResult<Booking>> {
    return this.write(request, () => {
      const current = this.ownBookedRow(request.patientId, request.bookingId);
      // A cancelled time is bookable again at once (crm:scheduling non-functional rules).
      if (current.slot_id)
        this.sql('UPDATE slots SET booking_id = NULL WHERE id = ? AND booking_id = ?').run(current.slot_id, current.id);
      this.sql(`UPDATE bookings SET status = 'cancelled', cancel_reason = ? WHERE id = ?`).run(
        request.reason ?? null,
        current.id,
      );
      return this.bookingById(current.id);
    });
  }

  /**
   * One write in one IMMEDIATE transaction. With a key, the first write's result is
   * recorded with it and a repeat returns that result: the check is inside the same
   * transaction, so two processes repeating one write cannot both do it.
   */
  private write(request: { patientId: string; writeKey?: string }, work: () => Booking): BookingResult<Booking> {
    const { patientId, writeKey } = request;
    const keyed = () => {
      const prior = writeKey === undefined ? undefined : this.priorBookingId(patientId, writeKey);
      if (prior !== undefined) return this.bookingById(prior);
      const booking = work();
      if (writeKey !== undefined)
        this.sql('INSERT INTO writes (key, patient_id, booking_id, created_ms) VALUES (?, ?, ?, ?)').run(
          writeKey,
          patientId,
          booking.id,
          Date.now(),
        );
      return booking;
    };
    try {
      return ok(this.db.transaction(keyed).immediate());
    } catch (error) {
      if (error instanceof Refusal) return refuse(error.rejection);
      throw error;
    }
  }

  private claimSlot(slotId: string, bookingId: string): SlotRow {
    const claimed = this.sql('UPDATE slots SET booking_id = ? WHERE id = ? AND booking_id IS NULL').run(
      bookingId,
      slotId,
    );
    const row = this.sql('SELECT * FROM slots WHERE id = ?').get(slotId) as SlotRow | undefined;
    if (!row) throw new Refusal({ code: 'slot_not_found' });
    if (claimed.changes === 0) throw new Refusal({ code: 'slot_taken' });
    return row;
  }

  private ownBookedRow(patientId: string, bookingId: string): BookingRow {
    const row = this.sql('SELECT * FROM bookings WHERE id = ? AND patient_id = ?').get(bookingId, patientId) as
      BookingRow | undefined;
    if (!row) throw new Refusal({ code: 'booking_not_found' });
    if (row.status === 'cancelled') throw new Refusal({ code: 'already_cancelled' });
    return row;
  }

  private invitationExists(request: MakeBookingRequest): boolean {
    return (
      this.sql('SELECT 1 FROM invitations WHERE id = ? AND patient_id = ?').get(
        request.invitationId,
        request.patientId,
      ) !== undefined
    );
  }

  private bookingById(id: string): Booking {
    return bookingOf(this.sql('SELECT * FROM bookings WHERE id = ?').get(id) as BookingRow);
  }
}

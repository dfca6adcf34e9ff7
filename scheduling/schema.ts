import type Database from 'better-sqlite3';

// Times are stored twice: the ISO text with the local offset (what the booking system
// says) and UTC milliseconds (what range queries and comparisons use), so that DST
// changes never reorder or lose a time.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS units (hsa_id TEXT PRIMARY KEY COLLATE NOCASE, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS care_services (
  id TEXT PRIMARY KEY, unit_hsa_id TEXT NOT NULL COLLATE NOCASE, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS patients (id TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS guardianships (
  guardian_id TEXT NOT NULL, child_id TEXT NOT NULL, PRIMARY KEY (guardian_id, child_id));
CREATE TABLE IF NOT EXISTS slots (
  id TEXT PRIMARY KEY,
  unit_hsa_id TEXT NOT NULL COLLATE NOCASE,
  care_service_id TEXT NOT NULL,
  start TEXT NOT NULL, "end" TEXT NOT NULL, start_ms INTEGER NOT NULL,
  performer_name TEXT, resource_name TEXT,
  booking_id TEXT);
CREATE INDEX IF NOT EXISTS slots_by_service_time ON slots (care_service_id, start_ms);
CREATE TABLE IF NOT EXISTS bookings (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL,
  unit_hsa_id TEXT NOT NULL COLLATE NOCASE,
  care_service_id TEXT NOT NULL,
  start TEXT NOT NULL, "end" TEXT NOT NULL, start_ms INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('booked', 'cancelled')),
  performer_name TEXT, resource_name TEXT, series_id TEXT,
  resource_count INTEGER NOT NULL DEFAULT 1,
  from_invitation_id TEXT, slot_id TEXT, reason TEXT, cancel_reason TEXT);
CREATE INDEX IF NOT EXISTS bookings_by_patient ON bookings (patient_id, start_ms);
CREATE TABLE IF NOT EXISTS writes (
  key TEXT PRIMARY KEY, patient_id TEXT NOT NULL, booking_id TEXT NOT NULL, created_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS invitations (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL,
  unit_hsa_id TEXT NOT NULL COLLATE NOCASE,
  care_service_id TEXT NOT NULL,
  earliest_date TEXT NOT NULL, latest_date TEXT NOT NULL,
  purpose TEXT NOT NULL,
  used_by_booking_id TEXT);
`;

export const SCHEMA_VERSION = '2';

export function migrate(db: Database.Database): void {
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
}

/** Seeded, and with the tables of this version: demo data from an older version is seeded again. */
export function isSeeded(db: Database.Database): boolean {
  const row = db.prepare(`SELECT value FROM meta WHERE key = 'schema_version'`).get() as { value: string } | undefined;
  return row?.value === SCHEMA_VERSION;
}

export function clearAll(db: Database.Database): void {
  db.exec(`DELETE FROM slots; DELETE FROM bookings; DELETE FROM invitations; DELETE FROM care_services;
           DELETE FROM units; DELETE FROM guardianships; DELETE FROM patients; DELETE FROM meta;
           DELETE FROM writes;`);
}

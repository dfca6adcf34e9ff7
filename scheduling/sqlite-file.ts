import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

// Every data file the bot keeps holds personal data (personnummer, bookings, what a
// resident wrote), so it is readable by its owner only, and deleted rows are overwritten
// rather than left in free pages of the file.

/** Opens (creating if needed) a SQLite file readable by its owner only, with secure delete and WAL. */
export function openPrivateDatabase(file: string): Database.Database {
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // SQLite gives its -wal and -shm files the mode of the database file.
    if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
    chmodSync(file, 0o600);
  }
  const db = new Database(file);
  db.pragma('secure_delete = ON');
  db.pragma('journal_mode = WAL');
  // Another connection holding the write lock makes us wait rather than fail at once.
  db.pragma('busy_timeout = 5000');
  return db;
}

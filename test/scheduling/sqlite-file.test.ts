import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openPrivateDatabase } from '../../scheduling/sqlite-file.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const MARKER = '199001019876-Kvastfesten';

/** Writes many rows holding the marker, deletes them and returns what is left in the file. */
function writeAndDelete(db: Database.Database, file: string): string {
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)');
  const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 200; i++) insert.run(`${MARKER} ${i}`);
  })();
  db.exec('DELETE FROM t');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return readFileSync(file).toString('latin1');
}

describe('private SQLite files', () => {
  it('creates the file and its directory for the owner only', () => {
    dir = mkdtempSync(join(tmpdir(), 'private-db-'));
    const file = join(dir, 'sub', 'data.sqlite');
    const db = openPrivateDatabase(file);
    db.exec('CREATE TABLE t (x)');
    db.close();
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(statSync(join(dir, 'sub')).mode & 0o077).toBe(0);
  });

  it('overwrites deleted rows, where a plain SQLite file keeps them', () => {
    dir = mkdtempSync(join(tmpdir(), 'private-db-'));
    const plainFile = join(dir, 'plain.sqlite');
    const plain = new Database(plainFile);
    plain.pragma('secure_delete = OFF');
    plain.pragma('journal_mode = WAL');
    expect(writeAndDelete(plain, plainFile)).toContain(MARKER);

    const privateFile = join(dir, 'private.sqlite');
    expect(writeAndDelete(openPrivateDatabase(privateFile), privateFile)).not.toContain(MARKER);
  });
});

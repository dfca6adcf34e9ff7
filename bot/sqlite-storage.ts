import type Database from 'better-sqlite3';
import type { Storage, StoreItems } from 'botbuilder';
import { openPrivateDatabase } from '../scheduling/sqlite-file.js';

// A botbuilder Storage on SQLite with real optimistic concurrency: a write that names an
// eTag only succeeds if the stored item still has it. botbuilder's own BotState writes
// with eTag '*', so the bot keeps its conversation data here itself and always passes the
// eTag it read.

/** A write whose eTag no longer matches: someone else saved the item meanwhile. */
export class StorageConflict extends Error {
  constructor(key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'StorageConflict';
  }
}

export class SqliteStorage implements Storage {
  private readonly db: Database.Database;

  private readonly statements;
  /** Every change in one transaction (made once: better-sqlite3 builds a wrapper per transaction() call). */
  private readonly writeAll;

  constructor(file: string) {
    this.db = openPrivateDatabase(file);
    this.db.exec(`CREATE TABLE IF NOT EXISTS state (
      key TEXT PRIMARY KEY, data TEXT NOT NULL, etag INTEGER NOT NULL, updated_ms INTEGER NOT NULL)`);
    this.statements = {
      get: this.db.prepare('SELECT data, etag FROM state WHERE key = ?'),
      upsert: this.db.prepare(
        `INSERT INTO state (key, data, etag, updated_ms) VALUES (?, ?, 1, ?)
         ON CONFLICT(key) DO UPDATE SET data = excluded.data, etag = state.etag + 1, updated_ms = excluded.updated_ms`,
      ),
      update: this.db.prepare('UPDATE state SET data = ?, etag = etag + 1, updated_ms = ? WHERE key = ? AND etag = ?'),
      delete: this.db.prepare('DELETE FROM state WHERE key = ?'),
      deleteIdle: this.db.prepare('DELETE FROM state WHERE updated_ms < ?'),
    };
    this.writeAll = this.db.transaction((changes: StoreItems, now: number) => {
      for (const [key, item] of Object.entries(changes)) {
        const { eTag, ...data } = (item ?? {}) as { eTag?: string };
        const json = JSON.stringify(data);
        if (eTag === undefined || eTag === '*') {
          this.statements.upsert.run(key, json, now);
          continue;
        }
        const updated = this.statements.update.run(json, now, key, Number(eTag));
        if (updated.changes === 0) throw new StorageConflict(key);
      }
    });
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    const get = this.statements.get;
    for (const key of keys) {
      const row = get.get(key) as { data: string; etag: number } | undefined;
      if (row) items[key] = { ...(JSON.parse(row.data) as object), eTag: String(row.etag) };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    this.writeAll.immediate(changes, Date.now());
  }

  async delete(keys: string[]): Promise<void> {
    const del = this.statements.delete;
    this.db.transaction(() => keys.forEach((k) => del.run(k)))();
  }

  /** Removes items not written since the cutoff; returns how many. */
  deleteIdle(olderThanMs: number): number {
    return this.statements.deleteIdle.run(olderThanMs).changes;
  }

  close(): void {
    this.db.close();
  }
}

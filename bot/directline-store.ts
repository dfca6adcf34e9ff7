import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { openPrivateDatabase } from '../scheduling/sqlite-file.js';

// The web conversations of the local Direct Line, kept in SQLite so they survive a
// restart: each conversation's token (only its hash is stored) with its expiry, and its
// history of activities numbered by a sequence that never restarts, so a watermark stays
// valid when old activities are dropped to keep a conversation within its caps.

export interface StoredConversation {
  id: string;
  expiresMs: number;
}

export interface HistoryPage {
  activities: unknown[];
  /** The sequence number of the last activity returned (the watermark to read on from) */
  watermark: number;
}

export interface DirectLineLimits {
  /** Conversations kept at most; the longest idle go first */
  maxConversations: number;
  /** Activities and bytes kept per conversation; the oldest go first */
  maxActivities: number;
  maxBytes: number;
  /** Activities returned per read */
  pageSize: number;
  tokenMs: number;
  /** Conversations unused this long are forgotten */
  idleMs: number;
}

const hash = (token: string) => createHash('sha256').update(token).digest('base64url');

export class DirectLineStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(
    file: string,
    readonly limits: DirectLineLimits,
  ) {
    this.db = openPrivateDatabase(file);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS dl_conversations (
        id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, expires_ms INTEGER NOT NULL,
        last_used_ms INTEGER NOT NULL, next_seq INTEGER NOT NULL DEFAULT 1, bytes INTEGER NOT NULL DEFAULT 0);
      CREATE INDEX IF NOT EXISTS dl_conversations_idle ON dl_conversations (last_used_ms);
      CREATE TABLE IF NOT EXISTS dl_activities (
        conversation_id TEXT NOT NULL, seq INTEGER NOT NULL, bytes INTEGER NOT NULL, body TEXT NOT NULL,
        PRIMARY KEY (conversation_id, seq));`);
    const db = this.db;
    this.statements = {
      insert: db.prepare('INSERT INTO dl_conversations (id, token_hash, expires_ms, last_used_ms) VALUES (?, ?, ?, ?)'),
      byToken: db.prepare('SELECT id, expires_ms AS expiresMs FROM dl_conversations WHERE token_hash = ?'),
      byId: db.prepare(
        'SELECT id, expires_ms AS expiresMs, token_hash AS tokenHash FROM dl_conversations WHERE id = ?',
      ),
      touch: db.prepare('UPDATE dl_conversations SET last_used_ms = ? WHERE id = ?'),
      renew: db.prepare('UPDATE dl_conversations SET token_hash = ?, expires_ms = ?, last_used_ms = ? WHERE id = ?'),
      count: db.prepare('SELECT count(*) AS n FROM dl_conversations'),
      idlest: db.prepare('SELECT id FROM dl_conversations ORDER BY last_used_ms LIMIT ?'),
      idleSince: db.prepare('SELECT id FROM dl_conversations WHERE last_used_ms < ? OR expires_ms < ? LIMIT 1000'),
      forget: db.prepare('DELETE FROM dl_conversations WHERE id = ?'),
      forgetHistory: db.prepare('DELETE FROM dl_activities WHERE conversation_id = ?'),
      claimSeq: db.prepare(
        'UPDATE dl_conversations SET next_seq = next_seq + 1 WHERE id = ? RETURNING next_seq - 1 AS seq',
      ),
      grow: db.prepare('UPDATE dl_conversations SET bytes = bytes + ? WHERE id = ? RETURNING bytes'),
      append: db.prepare('INSERT INTO dl_activities (conversation_id, seq, bytes, body) VALUES (?, ?, ?, ?)'),
      oldest: db.prepare('SELECT seq, bytes FROM dl_activities WHERE conversation_id = ? ORDER BY seq LIMIT 1'),
      countOf: db.prepare('SELECT count(*) AS n FROM dl_activities WHERE conversation_id = ?'),
      dropOne: db.prepare('DELETE FROM dl_activities WHERE conversation_id = ? AND seq = ?'),
      page: db.prepare(
        'SELECT seq, body FROM dl_activities WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?',
      ),
      last: db.prepare('SELECT next_seq - 1 AS seq FROM dl_conversations WHERE id = ?'),
    };
  }

  /** A new conversation and its token; the longest idle ones make room when full. */
  start(nowMs: number): { conversation: StoredConversation; token: string } {
    const token = randomBytes(32).toString('base64url');
    const conversation = { id: randomUUID(), expiresMs: nowMs + this.limits.tokenMs };
    this.db
      .transaction(() => {
        const { n } = this.statements.count.get() as { n: number };
        const over = n + 1 - this.limits.maxConversations;
        if (over > 0) for (const row of this.statements.idlest.all(over) as { id: string }[]) this.forgetNow(row.id);
        this.statements.insert.run(conversation.id, hash(token), conversation.expiresMs, nowMs);
      })
      .immediate();
    return { conversation, token };
  }

  /** The conversation this bearer token opens, if the token is its own and has not expired. */
  authorize(id: string, token: string, nowMs: number): StoredConversation | 'unknown' | 'denied' {
    const row = this.statements.byId.get(id) as (StoredConversation & { tokenHash: string }) | undefined;
    if (!row) return 'unknown';
    if (row.tokenHash !== hash(token) || row.expiresMs < nowMs) return 'denied';
    this.statements.touch.run(nowMs, id);
    return { id: row.id, expiresMs: row.expiresMs };
  }

  /** A fresh token for the conversation of a valid one; the old token stops working. */
  refresh(token: string, nowMs: number): { conversation: StoredConversation; token: string } | undefined {
    const row = this.statements.byToken.get(hash(token)) as StoredConversation | undefined;
    if (!row || row.expiresMs < nowMs) return undefined;
    const fresh = randomBytes(32).toString('base64url');
    const expiresMs = nowMs + this.limits.tokenMs;
    this.statements.renew.run(hash(fresh), expiresMs, nowMs, row.id);
    return { conversation: { id: row.id, expiresMs }, token: fresh };
  }

  /** Appends an activity, dropping the oldest ones beyond the caps; returns its sequence number. */
  append(id: string, make: (seq: number) => object): number {
    return this.db
      .transaction(() => {
        const claimed = this.statements.claimSeq.get(id) as { seq: number } | undefined;
        if (!claimed) return 0;
        const body = JSON.stringify(make(claimed.seq));
        const size = Buffer.byteLength(body);
        this.statements.append.run(id, claimed.seq, size, body);
        const { bytes } = this.statements.grow.get(size, id) as { bytes: number };
        this.trim(id, bytes);
        return claimed.seq;
      })
      .immediate();
  }

  private trim(id: string, bytes: number): void {
    const { maxActivities, maxBytes } = this.limits;
    let { n } = this.statements.countOf.get(id) as { n: number };
    while (n > 1 && (n > maxActivities || bytes > maxBytes)) {
      const oldest = this.statements.oldest.get(id) as { seq: number; bytes: number };
      this.statements.dropOne.run(id, oldest.seq);
      bytes = (this.statements.grow.get(-oldest.bytes, id) as { bytes: number }).bytes;
      n -= 1;
    }
  }

  /** Up to a page of activities after the watermark. */
  read(id: string, watermark: number): HistoryPage {
    const rows = this.statements.page.all(id, watermark, this.limits.pageSize) as { seq: number; body: string }[];
    const newest = (this.statements.last.get(id) as { seq: number } | undefined)?.seq ?? watermark;
    const last = rows.at(-1)?.seq ?? Math.min(watermark, newest);
    return { activities: rows.map((r) => JSON.parse(r.body) as unknown), watermark: last };
  }

  forget(id: string): void {
    this.db.transaction(() => this.forgetNow(id)).immediate();
  }

  private forgetNow(id: string): void {
    this.statements.forgetHistory.run(id);
    this.statements.forget.run(id);
  }

  /** Forgets conversations idle longer than the limit or with an expired token; returns how many. */
  sweep(nowMs: number): number {
    let forgotten = 0;
    for (;;) {
      const rows = this.statements.idleSince.all(nowMs - this.limits.idleMs, nowMs) as { id: string }[];
      if (rows.length === 0) return forgotten;
      this.db.transaction(() => rows.forEach((r) => this.forgetNow(r.id))).immediate();
      forgotten += rows.length;
    }
  }

  close(): void {
    this.db.close();
  }
}

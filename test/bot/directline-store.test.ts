import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DirectLineStore, type DirectLineLimits } from '../../bot/directline-store.js';

const limits: DirectLineLimits = {
  maxConversations: 3,
  maxActivities: 5,
  maxBytes: 2_000,
  pageSize: 2,
  tokenMs: 60_000,
  idleMs: 600_000,
};

let dir: string | undefined;
const stores: DirectLineStore[] = [];

function open(file = 'dl.sqlite', over: Partial<DirectLineLimits> = {}): DirectLineStore {
  dir ??= mkdtempSync(join(tmpdir(), 'dl-store-'));
  const store = new DirectLineStore(join(dir, file), { ...limits, ...over });
  stores.push(store);
  return store;
}

afterEach(() => {
  stores.splice(0).forEach((s) => s.close());
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function readAll(store: DirectLineStore, id: string): unknown[] {
  const all: unknown[] = [];
  for (let page = store.read(id, 0); page.activities.length > 0; page = store.read(id, page.watermark)) {
    all.push(...page.activities);
  }
  return all;
}

const say = (text: string) => (seq: number) => ({ id: `a-${seq}`, type: 'message', text });

describe('Direct Line store', () => {
  it('opens a conversation only with its own unexpired token', () => {
    const store = open();
    const a = store.start(1_000);
    const b = store.start(1_000);
    expect(store.authorize(a.conversation.id, a.token, 2_000)).toMatchObject({ id: a.conversation.id });
    expect(store.authorize(a.conversation.id, b.token, 2_000)).toBe('denied');
    expect(store.authorize('no-such-conversation', a.token, 2_000)).toBe('unknown');
    expect(store.authorize(a.conversation.id, a.token, 1_000 + limits.tokenMs + 1)).toBe('denied');
  });

  it('refreshes to a new token and the old one stops working', () => {
    const store = open();
    const a = store.start(0);
    const fresh = store.refresh(a.token, 30_000);
    expect(fresh?.token).toBeDefined();
    expect(fresh?.token).not.toBe(a.token);
    expect(fresh?.conversation.expiresMs).toBe(30_000 + limits.tokenMs);
    expect(store.authorize(a.conversation.id, a.token, 31_000)).toBe('denied');
    expect(store.authorize(a.conversation.id, fresh!.token, 31_000)).toMatchObject({ id: a.conversation.id });
    // An expired token cannot be refreshed.
    expect(store.refresh(fresh!.token, 30_000 + limits.tokenMs + 1)).toBeUndefined();
  });

  it('stores only a hash of the token', () => {
    const store = open('hash.sqlite');
    const a = store.start(0);
    store.close();
    stores.pop();
    const raw = new Database(join(dir!, 'hash.sqlite'), { readonly: true });
    const rows = raw.prepare('SELECT token_hash FROM dl_conversations').all() as { token_hash: string }[];
    raw.close();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).not.toBe(a.token);
  });

  it('pages the history by watermark', () => {
    const store = open();
    const { conversation } = store.start(0);
    for (const text of ['ett', 'två', 'tre']) store.append(conversation.id, say(text));
    const first = store.read(conversation.id, 0);
    expect(first.activities.map((a) => (a as { text: string }).text)).toEqual(['ett', 'två']);
    const second = store.read(conversation.id, first.watermark);
    expect(second.activities.map((a) => (a as { text: string }).text)).toEqual(['tre']);
    const none = store.read(conversation.id, second.watermark);
    expect(none).toEqual({ activities: [], watermark: second.watermark });
  });

  it('keeps each conversation within its count and byte caps, dropping the oldest', () => {
    const store = open();
    const { conversation } = store.start(0);
    for (let i = 1; i <= 8; i++) store.append(conversation.id, say(`nr ${i}`));
    const texts = readAll(store, conversation.id).map((a) => (a as { text: string }).text);
    expect(texts).toEqual(['nr 4', 'nr 5', 'nr 6', 'nr 7', 'nr 8']);

    const big = store.start(0).conversation;
    for (let i = 0; i < 5; i++) store.append(big.id, say('x'.repeat(700)));
    const kept = readAll(store, big.id);
    const bytes = kept.reduce((sum: number, a) => sum + JSON.stringify(a).length, 0);
    expect(kept.length).toBeLessThan(5);
    expect(bytes).toBeLessThanOrEqual(limits.maxBytes);
  });

  it('makes room by forgetting the longest idle conversation, not the oldest', () => {
    const store = open();
    const first = store.start(0);
    const second = store.start(1);
    const third = store.start(2);
    // The first, oldest conversation is in use; the second is the idlest.
    store.authorize(first.conversation.id, first.token, 10);
    store.append(second.conversation.id, say('hej'));
    store.start(20);
    expect(store.authorize(first.conversation.id, first.token, 30)).toMatchObject({ id: first.conversation.id });
    expect(store.authorize(second.conversation.id, second.token, 30)).toBe('unknown');
    expect(store.read(second.conversation.id, 0)).toEqual({ activities: [], watermark: 0 });
    expect(store.authorize(third.conversation.id, third.token, 30)).toMatchObject({ id: third.conversation.id });
  });

  it('sweeps idle and expired conversations with their history', () => {
    const store = open('sweep.sqlite', { tokenMs: 10 * 60_000, idleMs: 60_000 });
    const idle = store.start(0);
    store.append(idle.conversation.id, say('gammalt'));
    const active = store.start(0);
    store.authorize(active.conversation.id, active.token, 100_000);
    expect(store.sweep(120_000)).toBe(1);
    expect(store.authorize(idle.conversation.id, idle.token, 120_000)).toBe('unknown');
    expect(store.authorize(active.conversation.id, active.token, 120_000)).toMatchObject({
      id: active.conversation.id,
    });
    expect(store.sweep(11 * 60_000)).toBe(1);
  });

  it('survives a restart: the same file opens the same conversation with its history', () => {
    const store = open('restart.sqlite');
    const a = store.start(0);
    store.append(a.conversation.id, say('före omstart'));
    store.close();
    stores.pop();
    const again = open('restart.sqlite');
    expect(again.authorize(a.conversation.id, a.token, 1)).toMatchObject({ id: a.conversation.id });
    expect(again.read(a.conversation.id, 0).activities).toEqual([{ id: 'a-1', type: 'message', text: 'före omstart' }]);
    const next = again.append(a.conversation.id, say('efter'));
    expect(next).toBe(2);
  });

  it('creates its file readable by the owner only', () => {
    open('private.sqlite');
    expect(statSync(join(dir!, 'private.sqlite')).mode & 0o077).toBe(0);
  });
});

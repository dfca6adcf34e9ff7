import { describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../bot/sqlite-storage.js';
import { TurnLock } from '../../bot/turn-lock.js';

describe('conversation storage with eTags', () => {
  it('refuses a write with a stale eTag instead of losing the other update', async () => {
    const storage = new SqliteStorage(':memory:');
    await storage.write({ k: { n: 1 } });
    const a = (await storage.read(['k'])).k as { n: number; eTag: string };
    const b = (await storage.read(['k'])).k as { n: number; eTag: string };
    await storage.write({ k: { ...a, n: 2 } });
    await expect(storage.write({ k: { ...b, n: 3 } })).rejects.toThrow(/eTag conflict/);
    expect((await storage.read(['k'])).k).toMatchObject({ n: 2 });
    await storage.delete(['k']);
    expect(await storage.read(['k'])).toEqual({});
  });

  it('forgets idle conversations', async () => {
    const storage = new SqliteStorage(':memory:');
    await storage.write({ old: { n: 1 } });
    expect(storage.deleteIdle(Date.now() + 1000)).toBe(1);
  });
});

describe('the per-conversation turn lock', () => {
  it('runs turns of one conversation one after the other, and of different ones side by side', async () => {
    const lock = new TurnLock();
    const log: string[] = [];
    const work = (name: string, ms: number) => async () => {
      log.push(`${name} start`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`${name} end`);
    };
    await Promise.all([lock.run('c1', work('a', 30)), lock.run('c1', work('b', 1)), lock.run('c2', work('x', 1))]);
    expect(log.indexOf('a end')).toBeLessThan(log.indexOf('b start'));
    expect(log.indexOf('x end')).toBeLessThan(log.indexOf('a end'));
    expect(lock.busy).toBe(0);
  });

  it('releases the lock when a turn fails', async () => {
    const lock = new TurnLock();
    await expect(
      lock.run('c', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await lock.run('c', async () => 'next')).toBe('next');
  });
});

import { request } from 'node:http';
import { deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../bot/server.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { seededTemplate } from '../support/seeded-template.js';

// Request bodies are limited by what is parsed, not only by what arrives: a compressed
// body inflates under the same cap, before authentication or anything else reads it.

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, seededTemplate('2026-12-01T09:00'));
});
afterAll(() => t.stop());

const activity = (text: string) => ({
  type: 'message',
  text,
  channelId: 'test',
  serviceUrl: 'http://127.0.0.1:9',
  deliveryMode: 'expectReplies',
  conversation: { id: `body-${text.length}` },
  from: { id: 'u' },
  recipient: { id: 'bot' },
});

async function post(
  path: string,
  body: Buffer,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  const res = await fetch(`${t.url}${path}`, {
    method: 'POST',
    body: new Uint8Array(body),
    headers: { 'content-type': 'application/json', ...headers },
  });
  return { status: res.status, text: await res.text() };
}

/** A JSON activity whose text is mostly one repeated letter: tiny when gzipped. */
const bomb = (inflatedBytes: number) => Buffer.from(JSON.stringify(activity('a'.repeat(inflatedBytes))));

describe('request bodies', () => {
  it('refuses a small gzip body that would inflate past the limit, and stays responsive', async () => {
    const inflated = bomb(200 * 1024 * 1024);
    const compressed = gzipSync(inflated, { level: 9 });
    expect(compressed.length).toBeLessThan(MAX_BODY_BYTES);
    const before = process.memoryUsage().rss;
    const answers = await Promise.all(
      [1, 2, 3].map(() => post('/api/messages', compressed, { 'content-encoding': 'gzip' })),
    );
    for (const a of answers) {
      expect(a.status).toBe(413);
      expect(a.text).toContain('after decompression');
    }
    // Three bombs inflated in full would take well over 600 MB.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  it('refuses the same bomb as deflate, and on the Direct Line and demo endpoints', async () => {
    const deflated = deflateSync(bomb(50 * 1024 * 1024));
    expect((await post('/api/messages', deflated, { 'content-encoding': 'deflate' })).status).toBe(413);
    const gz = gzipSync(bomb(50 * 1024 * 1024));
    expect((await post('/api/demo/login', gz, { 'content-encoding': 'gzip' })).status).toBe(413);
    expect((await post('/v3/directline/conversations/x/activities', gz, { 'content-encoding': 'gzip' })).status).toBe(
      413,
    );
  });

  it('still reads a small gzip body that inflates within the limit', async () => {
    const res = await post('/api/messages', gzipSync(Buffer.from(JSON.stringify(activity('hej')))), {
      'content-encoding': 'gzip',
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Hej! Jag hjälper dig');
  });

  it('refuses an uncompressed body over the limit, declared or streamed in chunks', async () => {
    const big = bomb(MAX_BODY_BYTES + 10);
    expect((await post('/api/messages', big, {})).status).toBe(413);
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${t.url}/api/messages`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 40; i++) req.write(Buffer.alloc(16 * 1024, 0x61));
      req.end();
    });
    expect(streamed).toBe(413);
  });

  it('answers unknown encodings, broken gzip and broken JSON with a short client error', async () => {
    const unknown = await post('/api/messages', Buffer.from('{}'), { 'content-encoding': 'br' });
    expect(unknown.status).toBe(415);
    const broken = await post('/api/messages', Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' });
    expect(broken.status).toBe(400);
    const json = await post('/api/messages', Buffer.from('{"type":'), {});
    expect(json.status).toBe(400);
    for (const r of [unknown, broken, json]) expect(r.text).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});

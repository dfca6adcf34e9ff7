import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { conversation, login, postMessages, rawActivity, startTestApp, type TestApp } from '../support/app.js';

// What an attacker or a careless client tries over HTTP: the answers stay short, the
// limits hold, the headers are there, Direct Line keeps and forgets what it should.

let t: TestApp | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

interface Started {
  conversationId: string;
  token: string;
  expires_in: number;
}

const dl = (url: string, path: string, token?: string, init: RequestInit = {}) =>
  fetch(`${url}/v3/directline${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });

async function startDl(url: string): Promise<Started> {
  const res = await dl(url, '/conversations', undefined, { method: 'POST' });
  expect(res.status).toBe(201);
  return (await res.json()) as Started;
}

async function history(url: string, c: Started): Promise<{ text?: string; type: string }[]> {
  const all: { text?: string; type: string }[] = [];
  let watermark = '0';
  for (;;) {
    const res = await dl(url, `/conversations/${c.conversationId}/activities?watermark=${watermark}`, c.token);
    if (res.status !== 200) throw new Error(`history answered ${res.status}`);
    const page = (await res.json()) as { activities: { text?: string; type: string }[]; watermark: string };
    if (page.activities.length === 0) return all;
    all.push(...page.activities);
    watermark = page.watermark;
  }
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
  return read();
}

const postText = (url: string, c: Started, text: string, authToken?: string) =>
  dl(url, `/conversations/${c.conversationId}/activities`, c.token, {
    method: 'POST',
    body: JSON.stringify({ type: 'message', text, from: { id: 'web' }, channelData: { authToken } }),
  });

/** No stack trace, file path or internal error text in an answer */
function expectNoInternals(body: string): void {
  expect(body).not.toMatch(/\bat .+:\d+:\d+|\/work\/|node_modules|TypeError|ReferenceError|\.ts\b/);
}

describe('Direct Line over HTTP', () => {
  it('keeps a web conversation with its history across a restart', async () => {
    t = await startTestApp();
    const c = await startDl(t.url);
    expect(c.expires_in).toBeGreaterThan(3000);
    await until(
      () => history(t!.url, c),
      (h) => h.some((a) => a.type === 'message'),
    );
    await t.restart();
    const after = await history(t.url, c);
    expect(after.some((a) => a.type === 'message' && (a.text ?? '').length > 0)).toBe(true);
    expect((await postText(t.url, c, 'hej')).status).toBe(200);
  });

  it('refreshes to a new token and refuses the old one', async () => {
    t = await startTestApp();
    const c = await startDl(t.url);
    const res = await dl(t.url, '/tokens/refresh', c.token, { method: 'POST' });
    const fresh = (await res.json()) as Started;
    expect(fresh.conversationId).toBe(c.conversationId);
    expect(fresh.token).not.toBe(c.token);
    expect((await dl(t.url, `/conversations/${c.conversationId}/activities`, c.token)).status).toBe(403);
    expect((await dl(t.url, `/conversations/${c.conversationId}/activities`, fresh.token)).status).toBe(200);
  });

  it('limits conversation starts per client with 429 and Retry-After', async () => {
    t = await startTestApp({ RATE_CONVERSATIONS_PER_HOUR: '3' });
    for (let i = 0; i < 3; i++) await startDl(t.url);
    const refused = await dl(t.url, '/conversations', undefined, { method: 'POST' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('never keeps the resident token in the history, and forgets the conversation on logout', async () => {
    t = await startTestApp();
    const token = await login(t.url);
    const c = await startDl(t.url);
    expect((await postText(t.url, c, 'vilka tider har jag', token)).status).toBe(200);
    const seen = await until(
      () => history(t!.url, c),
      (h) => h.some((a) => (a.text ?? '').startsWith('Du har 7 bokade tider')),
    );
    expect(JSON.stringify(seen)).not.toContain(token);
    const logout = await dl(t.url, `/conversations/${c.conversationId}/activities`, c.token, {
      method: 'POST',
      body: JSON.stringify({ type: 'event', name: 'tidbokschatten.logout', from: { id: 'web' } }),
    });
    expect(logout.status).toBe(200);
    const gone = await until(
      () => dl(t!.url, `/conversations/${c.conversationId}/activities`, c.token),
      (res) => res.status === 404,
    );
    expect(gone.status).toBe(404);
    const db = new Database(t.env.CONVERSATION_DB, { readonly: true });
    const rows = db.prepare('SELECT count(*) AS n FROM dl_activities').get() as { n: number };
    db.close();
    expect(rows.n).toBe(0);
  });
});

describe('limits per client and per conversation', () => {
  it('answers a client over its request limit with 429 and Retry-After, and other clients are not affected', async () => {
    t = await startTestApp({ RATE_REQUESTS_PER_MINUTE: '10', TRUST_PROXY: 'true' });
    const from = (ip: string) => fetch(`${t!.url}/api/calendar?t=x`, { headers: { 'x-forwarded-for': ip } });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await from('203.0.113.5')).status);
    expect(statuses.slice(0, 10)).not.toContain(429);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const refused = await from('203.0.113.5');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await from('198.51.100.7')).status).not.toBe(429);
    // The health check and the page are never counted.
    expect((await fetch(`${t.url}/healthz`, { headers: { 'x-forwarded-for': '203.0.113.5' } })).status).toBe(200);
  });

  it('asks a resident who writes too fast to wait, but never holds back an emergency', async () => {
    t = await startTestApp({ RATE_TURNS_PER_MINUTE: '5' });
    const token = await login(t.url);
    const c = conversation(t.url, 'fast', token);
    for (let i = 0; i < 5; i++) await c.say('hej');
    await c.say('vilka tider har jag');
    expect(c.text()).toMatch(/sekunder/);
    expect(c.text()).not.toContain('bokade tider');
    await c.say('han andas inte och är blå i ansiktet');
    expect(c.text()).toContain('112');
  });
});

describe('errors say little', () => {
  it('answers odd paths and bad activities with short client errors', async () => {
    t = await startTestApp();
    const asset = await fetch(`${t.url}/assets/constructor`);
    expect(asset.status).toBe(404);
    expectNoInternals(await asset.text());
    for (const serviceUrl of [42, { href: 'http://x' }, 'not a url']) {
      const res = await postMessages(t.url, rawActivity({ serviceUrl }));
      expect(res.status).toBe(400);
      expectNoInternals(await res.text());
    }
    // Without an app id the bot replies only in the HTTP response or to itself.
    const elsewhere = await postMessages(t.url, rawActivity({ serviceUrl: 'https://attacker.example/api' }));
    expect(elsewhere.status).toBe(403);
    expect(t.logs.join('\n')).not.toMatch(/\n\s+at /);
    // Every error answer has one shape, whoever produced it.
    for (const [path, method] of [
      ['/no-such-path', 'GET'],
      ['/healthz', 'POST'],
    ] as const) {
      const res = await fetch(`${t.url}${path}`, { method });
      expect(res.status).toBeGreaterThanOrEqual(400);
      const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
      expect(typeof body.error?.code).toBe('string');
      expect(typeof body.error?.message).toBe('string');
    }
  });

  it('answers a forged Bot Connector token with 401 when an app id is set', async () => {
    t = await startTestApp({
      MicrosoftAppId: '1b2c3d4e-0000-4000-8000-123456789abc',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppType: 'MultiTenant',
    });
    // Signed with a shared secret the attacker chose, as if it were the Connector's key.
    const hmac = await new SignJWT({ serviceurl: 'https://smba.trafficmanager.net/emea/' })
      .setProtectedHeader({ alg: 'HS256', kid: 'guessed' })
      .setIssuer('https://api.botframework.com')
      .setAudience('1b2c3d4e-0000-4000-8000-123456789abc')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('a secret the attacker picked'));
    const forged = [
      'eyJhbGciOiJub25lIn0.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.',
      'not-a-jwt',
      'a.b.c',
      hmac,
      '',
    ];
    for (const token of forged) {
      const res = await postMessages(
        t.url,
        rawActivity({ channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/' }),
        token ? { authorization: `Bearer ${token}` } : {},
      );
      expect(res.status).toBe(401);
      expectNoInternals(await res.text());
    }
  });
});

describe('headers', () => {
  it('sends a content security policy and the other security headers on the page and the API', async () => {
    t = await startTestApp({ FRAME_ANCESTORS: 'https://www.1177.se' });
    for (const path of ['/', '/healthz', '/v3/directline/conversations/x/activities']) {
      const res = await fetch(`${t.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain('frame-ancestors https://www.1177.se');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    // The page carries no inline script that the policy would block.
    const page = await (await fetch(t.url)).text();
    for (const script of page.match(/<script\b[^>]*>/g) ?? []) {
      expect(script).toMatch(/\bsrc=|type="application\/json"/);
    }
  });
});

describe('data at rest', () => {
  it('keeps data files private and no free-text reason once the booking is made', async () => {
    t = await startTestApp();
    const c = conversation(t.url, 'at-rest', await login(t.url, '190101012020'));
    await c.say('boka en läkartid på Fyrisdal');
    await c.click(c.buttons()[0]!);
    expect(c.text()).toContain('Skriv kort varför du vill komma');
    await c.say('Ont i vänster knä sedan Kvastfesten');
    const db = new Database(t.env.CONVERSATION_DB, { readonly: true });
    const stored = () =>
      (db.prepare('SELECT data FROM state').all() as { data: string }[]).map((r) => r.data).join('\n');
    // Until it is sent, the reason is part of the conversation.
    expect(stored()).toContain('Kvastfesten');
    await c.click('Ja, boka');
    expect(c.text()).toContain('Klart!');
    expect(stored()).not.toContain('Kvastfesten');
    db.close();
    for (const file of [t.env.TIDBOK_DB!, t.env.CONVERSATION_DB!]) expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('purges the state of an idle conversation at start-up, without waiting for it to be used again', async () => {
    t = await startTestApp();
    const c = conversation(t.url, 'idle-purge', await login(t.url));
    await c.say('avboka');
    const db = new Database(t.env.CONVERSATION_DB);
    const count = () => (db.prepare('SELECT count(*) AS n FROM state').get() as { n: number }).n;
    expect(count()).toBe(1);
    // As if the conversation had been left two hours ago.
    db.prepare('UPDATE state SET updated_ms = ?').run(Date.now() - 2 * 3_600_000);
    await t.restart();
    expect(count()).toBe(0);
    db.close();
  });
});

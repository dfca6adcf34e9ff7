import { generateKeyPairSync } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { SignJWT, importPKCS8 } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postMessages, rawActivity, send, startTestApp, type TestApp } from '../support/app.js';
import { seededTemplate } from '../support/seeded-template.js';

// Production mode: no demo login or inspection, residents identified by tokens from the
// configured issuer only.
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp(
    {
      NODE_ENV: 'production',
      DEMO_TOKEN_SECRET: '',
      AUTH_ISSUER: 'https://idp.region.example',
      AUTH_AUDIENCE: 'tidbokschatten',
      AUTH_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    },
    seededTemplate('2026-12-01T09:00'),
  );
});
afterAll(() => t.stop());

describe('production mode', () => {
  it('has no demo endpoints and no demo login on the page', async () => {
    for (const path of ['/api/demo/people', '/api/demo/bookings?personnummer=191212121212', '/api/demo/clock']) {
      expect((await fetch(`${t.url}${path}`)).status).toBe(404);
    }
    expect(
      (
        await fetch(`${t.url}/api/demo/login`, {
          method: 'POST',
          body: '{}',
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(404);
    const page = await (await fetch(t.url)).text();
    expect(page).toContain('"demo":false');
  });

  it('accepts a token from the configured issuer and nothing else', async () => {
    const key = await importPKCS8(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'RS256');
    const sign = (iss: string) =>
      new SignJWT({ name: 'Tolvan' })
        .setProtectedHeader({ alg: 'RS256' })
        .setSubject('191212121212')
        .setIssuer(iss)
        .setAudience('tidbokschatten')
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(key);
    const good = await send(t.url, 'prod-1', {
      text: 'vilka tider har jag',
      token: await sign('https://idp.region.example'),
    });
    expect(good.map((s) => s.text).join('\n')).toContain('Du har 7 bokade tider');
    const wrong = await send(t.url, 'prod-2', {
      text: 'vilka tider har jag',
      token: await sign('https://evil.example'),
    });
    expect(wrong.map((s) => s.text).join('\n')).toContain('Du behöver logga in');
  });

  it('refuses a gzip body that inflates past the limit before anything reads it', async () => {
    const bomb = gzipSync(Buffer.from(JSON.stringify({ type: 'message', text: 'a'.repeat(20 * 1024 * 1024) })));
    const res = await fetch(`${t.url}/api/messages`, {
      method: 'POST',
      body: new Uint8Array(bomb),
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    });
    expect(res.status).toBe(413);
  });

  it('replies only in the HTTP response: never to a serviceUrl, not even on this machine', async () => {
    for (const serviceUrl of ['http://127.0.0.1:9', 'https://attacker.example/']) {
      const res = await postMessages(t.url, rawActivity({ serviceUrl, conversation: { id: 'prod-3' } }));
      expect(res.status).toBe(403);
    }
  });

  it('shows the production note and no demo note on the page', async () => {
    const page = await (await fetch(t.url)).text();
    expect(page).not.toContain('påhittade personer');
    expect(page).toContain('Skriv inte mer om din hälsa än det som behövs för bokningen.');
  });
});

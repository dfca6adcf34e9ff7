import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DemoIssuer, JwtVerifier } from '../../bot/identity.js';

const secret = new TextEncoder().encode('a-secret-that-is-long-enough-for-hs256');
const HOUR = 3600;
const demoVerifier = (onRejected?: (reason: string) => void) =>
  JwtVerifier.fromConfig(
    { issuer: 'demo', audience: 'bot', algorithms: [], maxLifetimeSeconds: 8 * HOUR, secret },
    onRejected,
  );
const verifier = demoVerifier();
const sign = (
  claims: { sub?: string; iss?: string; aud?: string; exp?: number | string; iat?: number },
  key = secret,
) => {
  const jwt = new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(claims.iat);
  if (claims.sub) jwt.setSubject(claims.sub);
  jwt
    .setIssuer(claims.iss ?? 'demo')
    .setAudience(claims.aud ?? 'bot')
    .setExpirationTime(claims.exp ?? '1h');
  return jwt.sign(key);
};

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const production = (algorithms: string[], publicKey = rsa.publicKey) =>
  JwtVerifier.fromConfig({ issuer: 'https://idp', audience: 'bot', algorithms, maxLifetimeSeconds: HOUR, publicKey });
const signWith = (alg: string, key: Parameters<SignJWT['sign']>[0], issuer = 'https://idp') =>
  new SignJWT({})
    .setProtectedHeader({ alg })
    .setSubject('191212121212')
    .setIssuer(issuer)
    .setAudience('bot')
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(key);

describe('resident identity from a signed token', () => {
  it('accepts a token from the demo issuer', async () => {
    const token = await new DemoIssuer(secret, 'demo', 'bot').sign({ patientId: '191212121212', name: 'Tolvan' });
    expect(await verifier.verify(token)).toEqual({ patientId: '191212121212', name: 'Tolvan' });
  });

  it.each([
    ['no token', async () => undefined],
    ['not a string', async () => 42],
    ['garbage', async () => 'abc.def.ghi'],
    ['another issuer', () => sign({ sub: '191212121212', iss: 'evil' })],
    ['another audience', () => sign({ sub: '191212121212', aud: 'other' })],
    ['expired', () => sign({ sub: '191212121212', exp: Math.floor(Date.now() / 1000) - 60 })],
    [
      'a wrong signature',
      () => sign({ sub: '191212121212' }, new TextEncoder().encode('another-secret-that-is-long-enough!!')),
    ],
    ['no subject', () => sign({})],
    ['a subject that is no personnummer', () => sign({ sub: 'admin' })],
    ['a lifetime longer than allowed', () => sign({ sub: '191212121212', exp: '9h' })],
    ['a token issued too long ago', () => sign({ sub: '191212121212', iat: Math.floor(Date.now() / 1000) - 9 * HOUR })],
  ])('refuses %s', async (_, make) => {
    expect(await verifier.verify(await make())).toBeUndefined();
  });

  it('logs why a token was refused, never the subject or the token', async () => {
    const reasons: string[] = [];
    const token = await sign({ sub: '191212121212', iss: 'evil' });
    await demoVerifier((r) => reasons.push(r)).verify(token);
    await demoVerifier((r) => reasons.push(r)).verify(await sign({ sub: '19121212121X' }));
    expect(reasons).toHaveLength(2);
    for (const reason of reasons) {
      expect(reason).not.toMatch(/1912121212|evil/);
      expect(reason).not.toContain(token.slice(0, 20));
    }
  });
});

describe('algorithms pinned per issuer', () => {
  it('accepts RS256 and ES256 from a production issuer with the matching key', async () => {
    expect(await production(['RS256']).verify(await signWith('RS256', rsa.privateKey))).toMatchObject({
      patientId: '191212121212',
    });
    expect(await production(['ES256'], ec.publicKey).verify(await signWith('ES256', ec.privateKey))).toMatchObject({
      patientId: '191212121212',
    });
  });

  it('refuses an algorithm the issuer is not configured for', async () => {
    expect(await production(['ES256']).verify(await signWith('RS256', rsa.privateKey))).toBeUndefined();
  });

  it('refuses an HS256 token signed with the public key as its secret', async () => {
    const pem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const forged = await signWith('HS256', new TextEncoder().encode(pem));
    expect(await production(['RS256', 'ES256']).verify(forged)).toBeUndefined();
  });

  it('makes the demo issuer accept HS256 only', async () => {
    expect(await verifier.verify(await signWith('RS256', rsa.privateKey, 'demo'))).toBeUndefined();
    expect(await verifier.verify(await signWith('HS256', secret, 'demo'))).toMatchObject({ patientId: '191212121212' });
  });
});

describe('remembering verified tokens', () => {
  afterEach(() => vi.useRealTimers());

  it('verifies a token once, and refuses it after it expires even though it was remembered', async () => {
    const reasons: string[] = [];
    const v = demoVerifier((r) => reasons.push(r));
    const token = await sign({ sub: '191212121212', exp: '10m' });
    expect(await v.verify(token)).toEqual({ patientId: '191212121212', name: undefined });
    expect(await v.verify(token)).toEqual({ patientId: '191212121212', name: undefined });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 11 * 60_000);
    expect(await v.verify(token)).toBeUndefined();
    expect(reasons).toEqual(['ERR_JWT_EXPIRED']);
  });

  it('does not remember a refused token as valid', async () => {
    const v = demoVerifier();
    const forged = await sign(
      { sub: '191212121212' },
      new TextEncoder().encode('another-secret-long-enough-for-hs256'),
    );
    expect(await v.verify(forged)).toBeUndefined();
    expect(await v.verify(forged)).toBeUndefined();
  });
});

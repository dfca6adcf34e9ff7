import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { DemoIssuer, JwtVerifier } from '../../bot/identity.js';

const secret = new TextEncoder().encode('a-secret-that-is-long-enough-for-hs256');
const verifier = new JwtVerifier(secret, 'demo', 'bot');
const sign = (claims: { sub?: string; iss?: string; aud?: string; exp?: number | string }, key = secret) => {
  const jwt = new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
  if (claims.sub) jwt.setSubject(claims.sub);
  jwt
    .setIssuer(claims.iss ?? 'demo')
    .setAudience(claims.aud ?? 'bot')
    .setExpirationTime(claims.exp ?? '1h');
  return jwt.sign(key);
};

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
  ])('refuses %s', async (_, make) => {
    expect(await verifier.verify(await make())).toBeUndefined();
  });
});

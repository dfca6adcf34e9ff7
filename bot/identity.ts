import type { KeyObject } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';

// Who the resident is, from a signed token only: issuer, audience, expiry and signature
// are checked, and the personnummer is the token's subject. `from.id` and any unsigned
// field are never trusted.

export interface Resident {
  patientId: string;
  name?: string;
}

export interface IdentityVerifier {
  verify(token: unknown): Promise<Resident | undefined>;
}

const PERSONNUMMER = /^(19|20)\d{10}$/;
const DEMO_ALG = 'HS256';

type Key = Uint8Array | KeyObject | JWTVerifyGetKey;

export interface VerifierOptions {
  issuer: string;
  audience: string;
  /** The signature algorithms accepted: asymmetric ones from a production issuer, HS256 only in demo mode */
  algorithms: string[];
  /** The longest lifetime (exp − iat) a token may claim */
  maxLifetimeSeconds: number;
}

/** Why a token was refused, without any of its values (never the subject). */
const reasonOf = (error: unknown): string =>
  (error as { code?: unknown }).code === undefined ? 'malformed' : String((error as { code: unknown }).code);

/** Verified tokens remembered at most, so a resident's every message does not verify anew */
const REMEMBERED_TOKENS = 10_000;

export class JwtVerifier implements IdentityVerifier {
  /** Tokens already verified, with whom they name and when they expire (insertion order: oldest first) */
  private readonly verified = new Map<string, { resident: Resident; expiresMs: number }>();

  constructor(
    private readonly key: Key,
    private readonly options: VerifierOptions,
    private readonly onRejected: (reason: string) => void = () => {},
  ) {}

  static fromConfig(
    options: Omit<VerifierOptions, 'algorithms'> & {
      algorithms: string[];
      jwksUrl?: string;
      publicKey?: KeyObject;
      secret?: Uint8Array;
    },
    onRejected?: (reason: string) => void,
  ): JwtVerifier {
    const { jwksUrl, publicKey, secret, ...rest } = options;
    if (jwksUrl) return new JwtVerifier(createRemoteJWKSet(new URL(jwksUrl)), rest, onRejected);
    if (publicKey) return new JwtVerifier(publicKey, rest, onRejected);
    if (secret) return new JwtVerifier(secret, { ...rest, algorithms: [DEMO_ALG] }, onRejected);
    throw new Error('No key to verify resident tokens with');
  }

  async verify(token: unknown): Promise<Resident | undefined> {
    if (token === undefined) return undefined;
    if (typeof token !== 'string' || token.length === 0 || token.length > 8192) {
      this.onRejected('not a token');
      return undefined;
    }
    const known = this.verified.get(token);
    if (known && known.expiresMs > Date.now()) return known.resident;
    if (known) this.verified.delete(token);
    const { issuer, audience, algorithms, maxLifetimeSeconds } = this.options;
    try {
      const { payload } = await jwtVerify(token, this.key as Uint8Array, {
        issuer,
        audience,
        algorithms,
        requiredClaims: ['exp', 'iat', 'sub'],
        maxTokenAge: maxLifetimeSeconds,
      });
      if ((payload.exp ?? 0) - (payload.iat ?? 0) > maxLifetimeSeconds) {
        this.onRejected('lifetime longer than allowed');
        return undefined;
      }
      if (typeof payload.sub !== 'string' || !PERSONNUMMER.test(payload.sub)) {
        this.onRejected('subject is not a personnummer');
        return undefined;
      }
      const resident = { patientId: payload.sub, name: typeof payload.name === 'string' ? payload.name : undefined };
      this.remember(token, resident, (payload.exp ?? 0) * 1000);
      return resident;
    } catch (error) {
      this.onRejected(reasonOf(error));
      return undefined;
    }
  }

  private remember(token: string, resident: Resident, expiresMs: number): void {
    if (this.verified.size >= REMEMBERED_TOKENS) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(token, { resident, expiresMs });
  }
}

/** The local issuer of demo mode: signs tokens for demo residents. */
export class DemoIssuer {
  constructor(
    private readonly secret: Uint8Array,
    readonly issuer: string,
    readonly audience: string,
    private readonly lifetime = '8h',
  ) {}

  sign(resident: Resident): Promise<string> {
    return new SignJWT({ name: resident.name })
      .setProtectedHeader({ alg: DEMO_ALG })
      .setSubject(resident.patientId)
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setIssuedAt()
      .setExpirationTime(this.lifetime)
      .sign(this.secret);
  }
}

export const DEMO_ISSUER = 'tidbokschatten-demo';

import { createRemoteJWKSet, importSPKI, jwtVerify, SignJWT, type JWTVerifyGetKey, type KeyObject } from 'jose';

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

export class JwtVerifier implements IdentityVerifier {
  constructor(
    private readonly key: Key,
    private readonly issuer: string,
    private readonly audience: string,
    private readonly onRejected: (reason: string) => void = () => {},
  ) {}

  static async fromConfig(
    options: { issuer: string; audience: string; jwksUrl?: string; publicKeyPem?: string; secret?: Uint8Array },
    onRejected?: (reason: string) => void,
  ): Promise<JwtVerifier> {
    if (options.jwksUrl)
      return new JwtVerifier(
        createRemoteJWKSet(new URL(options.jwksUrl)),
        options.issuer,
        options.audience,
        onRejected,
      );
    if (options.publicKeyPem)
      return new JwtVerifier(
        await importSPKI(options.publicKeyPem, 'RS256'),
        options.issuer,
        options.audience,
        onRejected,
      );
    if (options.secret) return new JwtVerifier(options.secret, options.issuer, options.audience, onRejected);
    throw new Error('No key to verify resident tokens with');
  }

  async verify(token: unknown): Promise<Resident | undefined> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 8192) return undefined;
    try {
      const { payload } = await jwtVerify(token, this.key as Uint8Array, {
        issuer: this.issuer,
        audience: this.audience,
        requiredClaims: ['exp', 'sub'],
      });
      if (typeof payload.sub !== 'string' || !PERSONNUMMER.test(payload.sub)) return undefined;
      return { patientId: payload.sub, name: typeof payload.name === 'string' ? payload.name : undefined };
    } catch (error) {
      this.onRejected(error instanceof Error ? error.message : String(error));
      return undefined;
    }
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

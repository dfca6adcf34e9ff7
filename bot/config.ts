import { createPublicKey, type KeyObject } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';

// Configuration from the environment, validated at start-up. An invalid value stops the
// bot with a message that names the key. Every key is documented in .env.example.

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));
const count = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: optionalText,
    DEMO_MODE: z
      .literal('')
      .transform(() => undefined)
      .or(bool.optional()),
    TIDBOK_DB: z.string().min(1).default('data/tidbok.sqlite'),
    CONVERSATION_DB: z.string().min(1).default('data/conversations.sqlite'),
    CONVERSATION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    BOOKING_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(8000),
    CLOCK: optionalText.pipe(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'a local time such as 2026-12-01T09:00')
        .optional(),
    ),
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppTenantId: optionalText,
    MicrosoftAppType: z
      .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'])
      .optional()
      .or(z.literal('').transform(() => undefined)),
    AUTH_ISSUER: optionalText,
    AUTH_AUDIENCE: z.string().min(1).default('tidbokschatten'),
    AUTH_JWKS_URL: optionalText.pipe(z.url().optional()),
    AUTH_PUBLIC_KEY: optionalText,
    DEMO_TOKEN_SECRET: optionalText.pipe(z.string().min(32, 'at least 32 characters').optional()),
    /** Signs calendar links; without it each start makes its own (links then end with the process) */
    LINK_SECRET: optionalText.pipe(z.string().min(32, 'at least 32 characters').optional()),
    /** The bot's address as residents reach it (https://…), for links in Teams; the web page uses relative links */
    PUBLIC_URL: optionalText.pipe(z.url().optional()),
    /** Signature algorithms accepted from the production issuer: asymmetric ones only */
    AUTH_ALGORITHMS: z
      .string()
      .default('RS256,PS256,ES256')
      .transform((v) => v.split(',').map((a) => a.trim()))
      .pipe(z.array(z.enum(ASYMMETRIC, { message: `each one of ${ASYMMETRIC.join(', ')} (never HS*)` })).min(1)),
    /** The longest lifetime a resident token may claim (exp − iat) */
    AUTH_MAX_TOKEN_HOURS: count(1, 24, 8),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_FORMAT: z
      .enum(['json', 'pretty'])
      .optional()
      .or(z.literal('').transform(() => undefined)),
    /** More field paths to redact from logs, comma-separated, beyond the built-in ones */
    LOG_REDACT: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean),
      ),
    /** Take the client address from X-Forwarded-For (set only behind a proxy that writes it) */
    TRUST_PROXY: bool.default(false),
    /** Requests per minute from one client address (the page's assets and /healthz excepted) */
    RATE_REQUESTS_PER_MINUTE: count(10, 100_000, 600),
    /** Messages per minute in one conversation or from one resident */
    RATE_TURNS_PER_MINUTE: count(5, 10_000, 30),
    /** Web conversations one client address may start per hour */
    RATE_CONVERSATIONS_PER_HOUR: count(1, 100_000, 60),
    /** Web (Direct Line) conversations kept at most; the longest idle go first */
    DIRECTLINE_MAX_CONVERSATIONS: count(10, 1_000_000, 20_000),
    /** A web conversation's token lasts this long unless refreshed */
    DIRECTLINE_TOKEN_MINUTES: count(5, 24 * 60, 60),
    /** Who may show the page in a frame (Content-Security-Policy frame-ancestors), e.g. https://www.1177.se */
    FRAME_ANCESTORS: z.string().trim().default("'self'"),
  })
  .superRefine((env, ctx) => {
    const demo = env.DEMO_MODE ?? env.NODE_ENV !== 'production';
    if (demo && env.NODE_ENV === 'production') {
      ctx.addIssue({
        code: 'custom',
        path: ['DEMO_MODE'],
        message: 'demo mode cannot be switched on when NODE_ENV=production',
      });
    }
    if (!demo && !env.AUTH_JWKS_URL && !env.AUTH_PUBLIC_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_JWKS_URL'],
        message: 'outside demo mode, set AUTH_JWKS_URL or AUTH_PUBLIC_KEY to verify resident tokens',
      });
    }
    if (!demo && !env.AUTH_ISSUER)
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_ISSUER'],
        message: 'outside demo mode, set the issuer of resident tokens',
      });
    if (env.MicrosoftAppId && env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'required when MicrosoftAppId is set' });
    }
    if (env.AUTH_PUBLIC_KEY && !publicKeyOf(env.AUTH_PUBLIC_KEY)) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_PUBLIC_KEY'],
        message: 'not a PEM public key (-----BEGIN PUBLIC KEY----- …, RSA or EC)',
      });
    }
    // Without an app id nobody is authenticated at /api/messages and the bot posts
    // replies to the serviceUrl a caller names: never reachable from the network in production.
    const host = env.HOST ?? (env.MicrosoftAppId ? '0.0.0.0' : '127.0.0.1');
    if (!demo && !env.MicrosoftAppId && !isLoopback(host)) {
      ctx.addIssue({
        code: 'custom',
        path: ['HOST'],
        message: `${host} is reachable from the network, but without MicrosoftAppId /api/messages would be open to anyone: set MicrosoftAppId (and its password) or listen on 127.0.0.1`,
      });
    }
    if (env.MicrosoftAppType === 'SingleTenant' && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'required for a SingleTenant app' });
    }
  });

/** The key in AUTH_PUBLIC_KEY, or undefined when it is not a public key. */
export function publicKeyOf(pem: string): KeyObject | undefined {
  try {
    const key = createPublicKey(pem.replace(/\\n/g, '\n'));
    return key.type === 'public' ? key : undefined;
  } catch {
    return undefined;
  }
}

export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

export type RawConfig = z.infer<typeof schema>;

export interface Config extends RawConfig {
  demoMode: boolean;
  host: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${String(i.path[0] ?? '(environment)')}: ${i.message}`));
  }
  const demoMode = result.data.DEMO_MODE ?? result.data.NODE_ENV !== 'production';
  // An unauthenticated bot posts replies to whatever serviceUrl a caller names, so
  // without an app id it listens on loopback unless told otherwise.
  const host = result.data.HOST ?? (result.data.MicrosoftAppId ? '0.0.0.0' : '127.0.0.1');
  return { ...result.data, demoMode, host };
}

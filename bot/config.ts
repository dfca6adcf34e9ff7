import { z } from 'zod';

// Configuration from the environment, validated at start-up. An invalid value stops the
// bot with a message that names the key. Every key is documented in .env.example.

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

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
    if (env.MicrosoftAppType === 'SingleTenant' && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'required for a SingleTenant app' });
    }
  });

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
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`));
  }
  const demoMode = result.data.DEMO_MODE ?? result.data.NODE_ENV !== 'production';
  // An unauthenticated bot posts replies to whatever serviceUrl a caller names, so
  // without an app id it listens on loopback unless told otherwise.
  const host = result.data.HOST ?? (result.data.MicrosoftAppId ? '0.0.0.0' : '127.0.0.1');
  return { ...result.data, demoMode, host };
}

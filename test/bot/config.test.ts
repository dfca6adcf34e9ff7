import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../bot/config.js';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

const production = {
  NODE_ENV: 'production',
  AUTH_JWKS_URL: 'https://idp.example/jwks',
  AUTH_ISSUER: 'https://idp.example',
};

describe('configuration from the environment', () => {
  it('has sane defaults for the demo', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3978,
      demoMode: true,
      host: '127.0.0.1',
      TIDBOK_DB: 'data/tidbok.sqlite',
      CONVERSATION_IDLE_MINUTES: 30,
    });
  });

  it.each([
    [{ PORT: 'hello' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ CONVERSATION_IDLE_MINUTES: '0' }, 'CONVERSATION_IDLE_MINUTES'],
    [{ BOOKING_TIMEOUT_MS: 'fast' }, 'BOOKING_TIMEOUT_MS'],
    [{ CLOCK: 'tomorrow' }, 'CLOCK'],
    [{ MicrosoftAppType: 'Global' }, 'MicrosoftAppType'],
    [{ MicrosoftAppId: 'abc' }, 'MicrosoftAppPassword'],
    [{ MicrosoftAppId: 'abc', MicrosoftAppPassword: 'x', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId'],
    [{ NODE_ENV: 'production' }, 'AUTH_JWKS_URL'],
    [{ NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example/jwks' }, 'AUTH_ISSUER'],
    [
      { NODE_ENV: 'production', DEMO_MODE: 'true', AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_ISSUER: 'x' },
      'DEMO_MODE',
    ],
    [{ AUTH_JWKS_URL: 'not a url' }, 'AUTH_JWKS_URL'],
    [{ DEMO_TOKEN_SECRET: 'short' }, 'DEMO_TOKEN_SECRET'],
    [{ ...production, HOST: '0.0.0.0' }, 'HOST'],
    [{ ...production, HOST: '10.1.2.3' }, 'HOST'],
    [{ AUTH_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\\nnot a key\\n-----END PUBLIC KEY-----' }, 'AUTH_PUBLIC_KEY'],
    [{ AUTH_ALGORITHMS: 'RS256,HS256' }, 'AUTH_ALGORITHMS'],
    [{ AUTH_ALGORITHMS: 'none' }, 'AUTH_ALGORITHMS'],
    [{ RATE_TURNS_PER_MINUTE: '0' }, 'RATE_TURNS_PER_MINUTE'],
    [{ LOG_LEVEL: 'chatty' }, 'LOG_LEVEL'],
  ])('stops on %o naming %s', (env, key) => {
    expect(problemsOf(env as Record<string, string>).some((p) => p.startsWith(`${key}:`))).toBe(true);
  });

  it('turns demo mode off in production and listens on all interfaces with an app id', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://idp.example/jwks',
      AUTH_ISSUER: 'https://idp.example',
      MicrosoftAppId: 'id',
      MicrosoftAppPassword: 'pw',
      MicrosoftAppType: 'MultiTenant',
    });
    expect(config).toMatchObject({ demoMode: false, host: '0.0.0.0' });
  });

  it('keeps a production bot without an app id on loopback, and says which keys to set', () => {
    expect(loadConfig(production).host).toBe('127.0.0.1');
    const [problem] = problemsOf({ ...production, HOST: '0.0.0.0' });
    expect(problem).toContain('MicrosoftAppId');
    expect(problem).toContain('127.0.0.1');
  });

  it('names AUTH_PUBLIC_KEY when it is not a key, without a stack trace', () => {
    const problems = problemsOf({ ...production, AUTH_JWKS_URL: '', AUTH_PUBLIC_KEY: 'hello' });
    expect(problems.join('\n')).toMatch(/^AUTH_PUBLIC_KEY: not a PEM public key/m);
    expect(problems.join('\n')).not.toMatch(/\bat .+:\d+/);
  });
});

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
});

import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { createApp, type App } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { createLogger, REDACTED_FIELDS } from '../../bot/log.js';
import { shippedContent } from './tidbok.js';

export const TEST_CLOCK = '2026-12-01T09:00';

export interface TestApp {
  app: App;
  url: string;
  dir: string;
  env: Record<string, string>;
  /** Every line the bot logged (JSON), at level debug and up */
  logs: string[];
  stop(): Promise<void>;
  /** Starts the same app again on the same data files, as after a restart; on the same port after `downMs` if asked */
  restart(samePort?: { downMs: number }): Promise<void>;
}

/** The real bot on temporary data files, listening on a free loopback port. */
export async function startTestApp(extraEnv: Record<string, string> = {}, tidbokTemplate?: string): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'bot-test-'));
  // A copy of an already seeded tidbok starts much faster than seeding anew.
  if (tidbokTemplate) copyFileSync(tidbokTemplate, join(dir, 'tidbok.sqlite'));
  const env = {
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    CLOCK: TEST_CLOCK,
    TIDBOK_DB: join(dir, 'tidbok.sqlite'),
    CONVERSATION_DB: join(dir, 'conversations.sqlite'),
    DEMO_TOKEN_SECRET: 'test-secret-test-secret-test-secret-42',
    // Tests send far more than a resident would; the limits have tests of their own.
    RATE_TURNS_PER_MINUTE: '10000',
    RATE_REQUESTS_PER_MINUTE: '100000',
    RATE_CONVERSATIONS_PER_HOUR: '100000',
    ...extraEnv,
  };
  const logs: string[] = [];
  const log = createLogger({
    level: 'debug',
    pretty: false,
    redact: REDACTED_FIELDS,
    destination: { write: (line: string) => void logs.push(line) },
  });
  const start = async () => {
    const app = await createApp(loadConfig(env), shippedContent(), log);
    return { app, url: await app.listen() };
  };
  const t: TestApp = {
    ...(await start()),
    dir,
    env,
    logs,
    stop: async () => {
      await t.app.close();
      rmSync(dir, { recursive: true, force: true });
    },
    restart: async (samePort?: { downMs: number }) => {
      await t.app.close();
      // The same port, as a restarted server has, for a page that was open to reconnect to
      // (a new one otherwise: a client's pooled connections to the old server are closed).
      env.PORT = samePort ? new URL(t.url).port : '0';
      if (samePort) await new Promise((resolve) => setTimeout(resolve, samePort.downMs));
      Object.assign(t, await start());
    },
  };
  return t;
}

export async function login(url: string, personnummer = '191212121212'): Promise<string> {
  const res = await fetch(`${url}/api/demo/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personnummer }),
  });
  return ((await res.json()) as { token: string }).token;
}

/** A bare message activity as a channel posts it (no expectReplies), with fields overridden. */
export const rawActivity = (over: Record<string, unknown> = {}) => ({
  type: 'message',
  text: 'hej',
  channelId: 'test',
  serviceUrl: 'http://127.0.0.1:9',
  conversation: { id: 'x' },
  from: { id: 'u' },
  recipient: { id: 'b' },
  ...over,
});

/** POSTs a body to /api/messages as JSON, with any more headers. */
export const postMessages = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

export interface Said {
  text: string;
  buttons: string[];
  values: unknown[];
}

let counter = 0;

/** Sends one activity over HTTP with expectReplies and returns the bot's messages. */
export async function send(
  url: string,
  conversationId: string,
  message: { text?: string; value?: unknown; token?: string; id?: string },
): Promise<Said[]> {
  const activity: Partial<Activity> = {
    type: 'message',
    id: message.id ?? `a${++counter}`,
    text: message.text,
    value: message.value,
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:9',
    deliveryMode: 'expectReplies',
    conversation: { id: conversationId } as Activity['conversation'],
    from: { id: 'user-1', name: 'Invånare' },
    recipient: { id: 'bot', name: 'Bot' },
    channelData: message.token ? { authToken: message.token } : undefined,
  };
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  if (res.status !== 200) throw new Error(`POST /api/messages answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { activities: Activity[] };
  return body.activities
    .filter((a) => a.type === 'message')
    .map((a) => ({
      text: a.text,
      buttons: a.suggestedActions?.actions.map((x) => x.title) ?? [],
      values: a.suggestedActions?.actions.map((x): unknown => x.value) ?? [],
    }));
}

/** A conversation as one resident: remembers the token and the last buttons. */
export function conversation(url: string, id: string, token?: string) {
  let last: Said[] = [];
  const c = {
    say: async (text: string) => (last = await send(url, id, { text, token })),
    click: async (label: string) => {
      const withButtons = [...last].reverse().find((s) => s.buttons.includes(label));
      if (!withButtons) throw new Error(`No button "${label}" in: ${JSON.stringify(last.map((s) => s.buttons))}`);
      const value = withButtons.values[withButtons.buttons.indexOf(label)];
      return (last = await send(url, id, { text: label, value, token }));
    },
    text: () => last.map((s) => s.text).join('\n'),
    buttons: () => last.flatMap((s) => s.buttons),
    /** What a button carries: a choice, or the address an «open» button opens */
    buttonValue: (label: string) => {
      const withButton = last.find((s) => s.buttons.includes(label));
      return withButton?.values[withButton.buttons.indexOf(label)];
    },
  };
  return c;
}

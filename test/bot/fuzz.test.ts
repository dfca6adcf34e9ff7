import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type TestApp } from '../support/app.js';

// Random requests, valid-looking and not, against the real bot: every answer is a client
// error or a success, never a 5xx, never internal text; the bot stays healthy and has
// logged no stack trace.

let t: TestApp;
let token: string;

beforeAll(async () => {
  t = await startTestApp();
  token = await login(t.url);
});
afterAll(() => t.stop());

const INTERNALS = /\bat .+:\d+:\d+|\/work\/|node_modules|TypeError|ReferenceError|SqliteError|\.ts\b/;

const statuses = new Map<number, number>();

/** A client error or a success; an invoke the bot has no handler for is 501 by the protocol. */
async function expectCalm(invoke: boolean, res: Response): Promise<void> {
  const body = await res.text();
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  if (!(invoke && res.status === 501)) expect(res.status, body).toBeLessThan(500);
  expect(body).not.toMatch(INTERNALS);
}

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.constantFrom('ja', 'nej', 'avboka', 'boka om', 'vilka tider har jag', 'avbryt', '1', '2', 'visa fler', ''),
);
const junk = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ unit: 'binary', maxLength: 40 }));

/** Shaped like what a channel sends, with random content: these reach the conversation. */
const shaped = fc.record(
  {
    type: fc.constantFrom('message', 'message', 'message', 'event', 'conversationUpdate', 'invoke', 'typing'),
    id: fc.string({ maxLength: 20 }),
    text,
    value: fc.option(junk, { nil: undefined }),
    name: fc.option(fc.constantFrom('tidbokschatten.logout', 'webchat/join'), { nil: undefined }),
    channelId: fc.constantFrom('test', 'webchat', 'msteams', 'emulator'),
    serviceUrl: fc.constant('http://127.0.0.1:9'),
    deliveryMode: fc.constant('expectReplies'),
    conversation: fc.record({ id: fc.constantFrom('f1', 'f2', 'f3') }),
    from: fc.record({ id: fc.string({ maxLength: 10 }) }),
    recipient: fc.constant({ id: 'bot' }),
    channelData: fc.option(fc.record({ authToken: fc.oneof(fc.constant('VALID'), fc.string({ maxLength: 30 })) }), {
      nil: undefined,
    }),
    membersAdded: fc.option(fc.array(fc.record({ id: fc.string({ maxLength: 5 }) }), { maxLength: 3 }), {
      nil: undefined,
    }),
  },
  { requiredKeys: ['type', 'channelId', 'serviceUrl', 'deliveryMode', 'conversation', 'recipient'] },
);

/** One field of a shaped activity replaced by anything at all */
const mutated = fc
  .tuple(shaped, fc.constantFrom(...Object.keys(shapedKeys())), junk)
  .map(([a, key, value]) => ({ ...a, [key]: value }));

function shapedKeys() {
  return {
    type: 0,
    id: 0,
    text: 0,
    value: 0,
    channelId: 0,
    serviceUrl: 0,
    conversation: 0,
    from: 0,
    channelData: 0,
    membersAdded: 0,
  };
}

const activity = fc.oneof(shaped, mutated, fc.dictionary(fc.string({ maxLength: 8 }), junk));

const withToken = (a: Record<string, unknown>) => JSON.stringify(a, (_key, v: unknown) => (v === 'VALID' ? token : v));

describe('fuzzed requests', () => {
  it('never answers /api/messages with a 5xx or internal text', async () => {
    await fc.assert(
      fc.asyncProperty(activity, async (a) => {
        // Mostly answerable in the response, so that many reach the conversation itself.
        const body = withToken(a);
        await expectCalm(
          a.type === 'invoke',
          await fetch(`${t.url}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          }),
        );
      }),
      { numRuns: 1500 },
    );
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  }, 120_000);

  it('never answers Direct Line with a 5xx or internal text', async () => {
    const started = (await (await fetch(`${t.url}/v3/directline/conversations`, { method: 'POST' })).json()) as {
      conversationId: string;
      token: string;
    };
    const path = fc.oneof(
      fc.constant(`/conversations/${started.conversationId}/activities`),
      fc.constant(`/conversations/${started.conversationId}/activities`),
      fc.constant(`/conversations/${started.conversationId}`),
      fc.constant('/tokens/refresh'),
      fc.string({ maxLength: 30 }).map((s) => `/conversations/${encodeURIComponent(s)}/activities`),
    );
    const request = fc.record({
      path,
      method: fc.constantFrom('GET', 'POST'),
      bearer: fc.oneof(fc.constant(started.token), fc.constant(started.token), fc.string({ maxLength: 40 })),
      watermark: fc.oneof(fc.nat(), fc.string({ maxLength: 8 }), fc.constant(-1), fc.constant(1e30)),
      body: fc.oneof(activity.map(withToken), fc.string({ maxLength: 60 })),
    });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const url = `${t.url}/v3/directline${r.path}${r.method === 'GET' ? `?watermark=${encodeURIComponent(r.watermark)}` : ''}`;
        await expectCalm(
          false,
          await fetch(url, {
            method: r.method,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${r.bearer}` },
            ...(r.method === 'POST' ? { body: r.body } : {}),
          }),
        );
      }),
      { numRuns: 1500 },
    );
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  }, 120_000);

  it('reached the conversation with many of them, and logged no stack trace', () => {
    expect(statuses.get(200) ?? 0, JSON.stringify(Object.fromEntries(statuses))).toBeGreaterThan(120);
    const traces = t.logs.filter((line) => /"stack"|\\n\s+at /.test(line));
    expect(traces).toEqual([]);
  });
});

import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { seededTemplate } from '../support/seeded-template.js';

// The real botframework-directlinejs client (what Web Chat uses) against the bot's own
// Direct Line, in Node: it needs XMLHttpRequest, which xhr2 provides.
const require = createRequire(import.meta.url);
(globalThis as Record<string, unknown>).XMLHttpRequest ??= require('xhr2');
// Direct Line's client looks for a WebSocket class; polling is used here, so none is needed.
(globalThis as Record<string, unknown>).WebSocket ??= function NoWebSocket() {
  throw new Error('Polling only');
};
const { DirectLine, ConnectionStatus } =
  require('botframework-directlinejs') as typeof import('botframework-directlinejs');

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, seededTemplate('2026-12-01T09:00'));
});
afterAll(() => t.stop());

type Activity = {
  type: string;
  id?: string;
  text?: string;
  from: { id: string; role?: string };
  channelData?: unknown;
  suggestedActions?: { actions: { title: string }[] };
};

describe('the local Direct Line', () => {
  it('holds a conversation with the official botframework-directlinejs client', async () => {
    const token = (
      (await (
        await fetch(`${t.url}/api/demo/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"personnummer":"191212121212"}',
        })
      ).json()) as { token: string }
    ).token;
    const dl = new DirectLine({
      token: 'local',
      domain: `${t.url}/v3/directline`,
      webSocket: false,
      pollingInterval: 200,
    });
    const seen: Activity[] = [];
    const statuses: number[] = [];
    const sub1 = dl.connectionStatus$.subscribe((s) => statuses.push(s));
    const sub2 = dl.activity$.subscribe((a) => seen.push(a as Activity));
    const waitFor = async (check: () => boolean) => {
      for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
      expect(check()).toBe(true);
    };
    await waitFor(() => seen.some((a) => a.text?.startsWith('Hej! Jag hjälper dig')));
    const id = await new Promise<string>((resolve, reject) =>
      dl
        .postActivity({
          type: 'message',
          text: 'vilka tider har jag',
          from: { id: 'webchat-1' },
          channelData: { authToken: token },
        } as never)
        .subscribe({ next: resolve, error: reject }),
    );
    expect(id).toMatch(/\|\d{7}$/);
    await waitFor(() => seen.some((a) => a.text === 'Du har 7 bokade tider:'));
    expect(seen.some((a) => a.id === id && a.text === 'vilka tider har jag')).toBe(true);
    expect(statuses).toContain(ConnectionStatus.Online);
    sub1.unsubscribe();
    sub2.unsubscribe();
    dl.end();
  });

  it('answers bad requests with 400, 403 and 404 and a JSON error, and never mixes conversations', async () => {
    const start = async () =>
      (await (await fetch(`${t.url}/v3/directline/conversations`, { method: 'POST' })).json()) as {
        conversationId: string;
        token: string;
      };
    const a = await start();
    const b = await start();
    const call = (path: string, token: string | undefined, init: RequestInit = {}) =>
      fetch(`${t.url}/v3/directline${path}`, {
        ...init,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
    const read = await call(`/conversations/${a.conversationId}/activities`, a.token);
    expect(read.status).toBe(200);
    expect(((await read.json()) as { watermark: string }).watermark).not.toBe('0');

    const cases: [Promise<Response>, number][] = [
      [call(`/conversations/${a.conversationId}/activities`, b.token), 403],
      [call(`/conversations/${a.conversationId}/activities`, undefined), 403],
      [call('/conversations/no-such-conversation/activities', a.token), 404],
      [
        call(`/conversations/${a.conversationId}/activities`, a.token, { method: 'POST', body: '{"text":"no type"}' }),
        400,
      ],
      [
        call(`/conversations/${a.conversationId}/activities`, a.token, {
          method: 'POST',
          body: JSON.stringify({ type: 'event', name: 'x'.repeat(5000) }),
        }),
        400,
      ],
      [
        call(`/conversations/${a.conversationId}/activities`, b.token, {
          method: 'POST',
          body: '{"type":"message","text":"hej"}',
        }),
        403,
      ],
      [call(`/conversations/${a.conversationId}/activities?watermark=abc`, a.token), 400],
    ];
    for (const [response, status] of cases) {
      const res = await response;
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: { message: string } }).error.message.length).toBeGreaterThan(5);
    }
    const bHistory = (await (await call(`/conversations/${b.conversationId}/activities`, b.token)).json()) as {
      activities: Activity[];
    };
    expect(bHistory.activities.every((x) => x.text !== 'hej')).toBe(true);
  });
});

import http from 'node:http';

// A lean HTTP client for the load: keep-alive connections from node:http, so the client
// spends as little of the shared CPU as possible. Activities are sent the way the tests
// send them: POST /api/messages with deliveryMode expectReplies, the replies in the body.

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export interface HttpAnswer {
  status: number;
  body: string;
}

export function request(base: string, path: string, method: 'GET' | 'POST', payload?: unknown): Promise<HttpAnswer> {
  const url = new URL(path, base);
  const data = payload === undefined ? undefined : JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        hostname: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        headers:
          data === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** Logs in a demo resident; the answer is {token, personnummer, name} (bot/demo-routes.ts). */
export async function login(base: string, personnummer: string): Promise<string> {
  const res = await request(base, '/api/demo/login', 'POST', { personnummer });
  const body = JSON.parse(res.body) as { token?: string };
  if (res.status !== 200 || !body.token) throw new Error(`Demo login answered ${res.status}: ${res.body}`);
  return body.token;
}

export interface Button {
  title: string;
  value: unknown;
}

export interface Replies {
  texts: string[];
  buttons: Button[];
}

interface WireActivity {
  type?: string;
  text?: string;
  suggestedActions?: { actions?: { title?: string; value?: unknown }[] };
}

let sequence = 0;

/** One turn: a message (text, and the value a button carries) in one conversation. */
export async function sendMessage(
  base: string,
  conversationId: string,
  message: { text: string; value?: unknown; token?: string },
): Promise<Replies> {
  const activity = {
    type: 'message',
    id: `bench-${++sequence}`,
    text: message.text,
    value: message.value,
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:9',
    deliveryMode: 'expectReplies',
    conversation: { id: conversationId },
    from: { id: `user-${conversationId}`, name: 'Resident' },
    recipient: { id: 'bot', name: 'Bot' },
    channelData: message.token ? { authToken: message.token } : undefined,
  };
  const res = await request(base, '/api/messages', 'POST', activity);
  if (res.status !== 200) {
    const hint = res.status === 429 ? ' (rate limited: raise RATE_* for the benchmark)' : '';
    throw new Error(`POST /api/messages answered ${res.status}${hint}: ${res.body.slice(0, 300)}`);
  }
  const body = JSON.parse(res.body) as { activities?: WireActivity[] };
  const messages = (body.activities ?? []).filter((a) => a.type === 'message');
  return {
    texts: messages.map((a) => a.text ?? ''),
    buttons: messages.flatMap((a) =>
      (a.suggestedActions?.actions ?? []).map((x) => ({ title: x.title ?? '', value: x.value })),
    ),
  };
}

/** Everything the resident sees in an answer, for checking it: texts and button titles. */
export const seenIn = (r: Replies): string => [...r.texts, ...r.buttons.map((b) => b.title)].join('\n');

export function closeClient(): void {
  agent.destroy();
}

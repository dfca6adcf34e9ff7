import { randomUUID } from 'node:crypto';
import { cardTexts } from './emulator.js';

// A client of the bot's own HTTP surface (POST /api/messages with expectReplies, and the
// demo endpoints): what the console chat and the transcript runner talk through, so both
// exercise the real adapter, machines, rules and content.

export interface Button {
  title: string;
  value: unknown;
}

export interface BotReply {
  text: string;
  buttons: Button[];
  cardTexts: string[];
  /** The kind of answer asked for: «number» and «text» questions take digits as the answer */
  expects?: string;
}

export class HttpBotClient {
  private token: string | undefined;
  private conversationId = `chat-${randomUUID()}`;
  private counter = 0;

  constructor(readonly baseUrl: string) {}

  /** A second conversation with the same bot, not logged in. */
  another(): HttpBotClient {
    return new HttpBotClient(this.baseUrl);
  }

  get loggedIn(): boolean {
    return this.token !== undefined;
  }

  async login(personnummer: string): Promise<string> {
    const res = await this.post('/api/demo/login', { personnummer });
    const body = (await res.json()) as { token?: string; name?: string; error?: { message: string } };
    if (!res.ok || !body.token) throw new Error(body.error?.message ?? `Login failed (${res.status})`);
    this.token = body.token;
    return body.name ?? personnummer;
  }

  logout(): void {
    this.token = undefined;
  }

  async setClock(local: string): Promise<string> {
    const res = await this.post('/api/demo/clock', { now: local });
    const body = (await res.json()) as { now?: string; error?: { message: string } };
    if (!res.ok) throw new Error(body.error?.message ?? `Setting the clock failed (${res.status})`);
    return body.now ?? local;
  }

  /** Fresh demo data and a new conversation. */
  async reset(): Promise<void> {
    const res = await this.post('/api/demo/reset', {});
    if (!res.ok) throw new Error(`Reset failed (${res.status})`);
    this.conversationId = `chat-${randomUUID()}`;
  }

  start(): Promise<BotReply[]> {
    return this.activity({ type: 'conversationUpdate', membersAdded: [{ id: 'user-1', name: 'Resident' }] });
  }

  send(message: { text?: string; value?: unknown }): Promise<BotReply[]> {
    return this.activity({ type: 'message', text: message.text, value: message.value });
  }

  private async activity(partial: Record<string, unknown>): Promise<BotReply[]> {
    const activity = {
      ...partial,
      id: `${this.conversationId}-${++this.counter}`,
      channelId: 'console',
      serviceUrl: 'http://127.0.0.1:9',
      deliveryMode: 'expectReplies',
      locale: 'sv-SE',
      conversation: { id: this.conversationId },
      from: { id: 'user-1', name: 'Resident', role: 'user' },
      recipient: { id: 'bot', name: 'Tidbokschatten', role: 'bot' },
      channelData: this.token ? { authToken: this.token } : undefined,
    };
    const res = await this.post('/api/messages', activity);
    if (!res.ok) throw new Error(`The bot answered ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as {
      activities?: {
        type: string;
        text?: string;
        suggestedActions?: { actions: Button[] };
        attachments?: { content?: unknown }[];
        channelData?: { expects?: unknown };
      }[];
    };
    return (body.activities ?? [])
      .filter((a) => a.type === 'message')
      .map((a) => ({
        text: a.text ?? '',
        buttons: (a.suggestedActions?.actions ?? []).map((b) => ({ title: b.title, value: b.value })),
        cardTexts: (a.attachments ?? []).flatMap((x) => cardTexts(x.content)),
        ...(typeof a.channelData?.expects === 'string' ? { expects: a.channelData.expects } : {}),
      }));
  }

  private post(path: string, body: unknown): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }
}

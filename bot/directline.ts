import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type TurnContext } from 'botbuilder';
import type restify from 'restify';
import { z } from 'zod';
import { LOGOUT_EVENT } from './booking-bot.js';
import type { DirectLineStore, StoredConversation } from './directline-store.js';
import { tooMany } from './http-policy.js';
import { requestLog, type Logger } from './log.js';

// The part of Direct Line 3.0 that the official Web Chat and botframework-directlinejs
// need, served by the bot itself so the web page works without Azure: start a
// conversation, post an activity (echoed into the history, as Web Chat requires), read
// the history by watermark a page at a time, and refresh the token. Each conversation has
// its own token that expires; one client can never read or post into another's
// conversation. Histories live in SQLite (directline-store.ts), capped per conversation.

export interface DirectLineOptions {
  logic: (context: TurnContext) => Promise<void>;
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
  log: Logger;
  store: DirectLineStore;
  /** Seconds until this client may start another conversation, or undefined when it may now */
  startWait?: (req: restify.Request) => Promise<number | undefined>;
  nowMs?: () => number;
}

const BOT = { id: 'tidbokschatten', name: 'Tidbokschatten', role: 'bot' };

/** What a client may post: the fields are checked, everything else passes through to Web Chat. */
const postedSchema = z.looseObject({
  type: z.enum(['message', 'event', 'typing']),
  // A long text is answered politely by the conversation; the body limit bounds it.
  text: z.string().optional(),
  name: z.string().max(256).optional(),
  from: z.looseObject({ id: z.string().max(128).optional(), name: z.string().max(128).optional() }).optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
});

/** A CloudAdapter that runs one turn in process and hands back the buffered replies. */
class ExpectRepliesAdapter extends CloudAdapter {
  run(activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity('', activity, logic);
  }
}

function fail(res: restify.Response, status: number, code: string, message: string): void {
  res.send(status, { error: { code, message } });
}

const bearer = (req: restify.Request): string => {
  const auth = req.headers.authorization ?? '';
  return auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
};

export class DirectLine {
  // Expect-replies on an adapter without app credentials: the replies come back in the
  // call and nothing is ever sent to a serviceUrl. Who the resident is still comes only
  // from the signed token in channelData.
  private readonly adapter = new ExpectRepliesAdapter(new ConfigurationBotFrameworkAuthentication({}));
  private readonly store: DirectLineStore;
  private readonly now: () => number;

  constructor(private readonly options: DirectLineOptions) {
    this.adapter.onTurnError = options.onTurnError;
    this.store = options.store;
    this.now = options.nowMs ?? Date.now;
  }

  register(server: restify.Server, base = '/v3/directline'): void {
    server.opts(`${base}/*`, async (_req, res) => {
      this.cors(res).send(200);
    });
    server.post(`${base}/conversations`, async (req, res) => this.start(req, this.cors(res)));
    server.get(`${base}/conversations/:id`, async (req, res) => this.reconnect(req, this.cors(res)));
    server.post(`${base}/conversations/:id/activities`, async (req, res) => this.post(req, this.cors(res)));
    server.get(`${base}/conversations/:id/activities`, async (req, res) => this.read(req, this.cors(res)));
    server.post(`${base}/tokens/refresh`, async (req, res) => this.refresh(req, this.cors(res)));
  }

  /** Forgets conversations idle too long or with an expired token. */
  sweep(): number {
    return this.store.sweep(this.now());
  }

  private cors(res: restify.Response): restify.Response {
    res.header('Access-Control-Allow-Origin', '*');
    res.header('Access-Control-Allow-Headers', 'authorization, content-type, x-ms-bot-agent');
    res.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    return res;
  }

  private async start(req: restify.Request, res: restify.Response): Promise<void> {
    const wait = await this.options.startWait?.(req);
    if (wait !== undefined) {
      requestLog(req).warn({ retryAfter: wait }, 'client over its conversation start limit');
      tooMany(res, wait);
      return;
    }
    const { conversation, token } = this.store.start(this.now());
    res.send(201, this.describe(conversation, token));
    await this.deliver(
      conversation,
      {
        type: 'conversationUpdate',
        membersAdded: [{ id: 'user', name: 'Resident' }],
        from: { id: 'user', name: 'Resident' },
      },
      false,
    );
  }

  private describe(c: StoredConversation, token: string) {
    const expires = Math.max(0, Math.floor((c.expiresMs - this.now()) / 1000));
    return { conversationId: c.id, token, expires_in: expires, streamUrl: '' };
  }

  /** The conversation the request names, if its bearer token is the conversation's own and valid. */
  private authorized(req: restify.Request, res: restify.Response): StoredConversation | undefined {
    const id = (req.params as { id?: unknown }).id;
    const found = typeof id === 'string' ? this.store.authorize(id, bearer(req), this.now()) : 'unknown';
    if (found === 'unknown') {
      fail(res, 404, 'BadArgument', 'Conversation not found.');
      return undefined;
    }
    if (found === 'denied') {
      fail(res, 403, 'TokenExpired', 'Missing, wrong or expired token for this conversation.');
      return undefined;
    }
    return found;
  }

  private async reconnect(req: restify.Request, res: restify.Response): Promise<void> {
    const conversation = this.authorized(req, res);
    if (conversation) res.send(200, this.describe(conversation, bearer(req)));
  }

  private async refresh(req: restify.Request, res: restify.Response): Promise<void> {
    const renewed = this.store.refresh(bearer(req), this.now());
    if (!renewed) {
      fail(res, 403, 'TokenExpired', 'Unknown or expired token.');
      return;
    }
    res.send(200, this.describe(renewed.conversation, renewed.token));
  }

  private async read(req: restify.Request, res: restify.Response): Promise<void> {
    const conversation = this.authorized(req, res);
    if (!conversation) return;
    const raw = (req.query as { watermark?: unknown } | undefined)?.watermark;
    const watermark = raw === undefined || raw === '' ? 0 : Number(raw);
    if (!Number.isSafeInteger(watermark) || watermark < 0) {
      fail(res, 400, 'BadArgument', 'The watermark must be a whole number.');
      return;
    }
    const page = this.store.read(conversation.id, watermark);
    res.send(200, { activities: page.activities, watermark: String(page.watermark) });
  }

  private async post(req: restify.Request, res: restify.Response): Promise<void> {
    const conversation = this.authorized(req, res);
    if (!conversation) return;
    const parsed = postedSchema.safeParse(req.body);
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join('.') || 'body';
      fail(res, 400, 'BadArgument', `The activity must be a message, event or typing activity (problem at ${where}).`);
      return;
    }
    const body = parsed.data;
    if (body.type === 'typing') {
      res.send(200, { id: '' });
      return;
    }
    const activity = {
      ...body,
      from: { id: body.from?.id ?? 'user', name: body.from?.name ?? '', role: 'user' },
      recipient: BOT,
    } as Partial<Activity>;
    // The history keeps what Web Chat shows, never the resident's token.
    const echoed = this.append(conversation, withoutToken(activity));
    res.send(200, { id: echoed.id });
    if (body.type === 'message') await this.deliver(conversation, { ...activity, id: echoed.id }, true);
    if (body.type === 'event') {
      await this.deliver(conversation, { ...activity, id: echoed.id }, false);
      // Logging out forgets the conversation here too.
      if (body.name === LOGOUT_EVENT) this.store.forget(conversation.id);
    }
  }

  private append(conversation: StoredConversation, activity: Partial<Activity>): Partial<Activity> {
    let stamped: Partial<Activity> = {};
    this.store.append(conversation.id, (seq) => {
      stamped = {
        ...activity,
        id: `${conversation.id}|${String(seq).padStart(7, '0')}`,
        timestamp: new Date(this.now()),
        channelId: 'webchat',
        conversation: { id: conversation.id } as Activity['conversation'],
      };
      return stamped;
    });
    return stamped;
  }

  /** Runs the bot's turn and appends its replies to the history. */
  private async deliver(
    conversation: StoredConversation,
    activity: Partial<Activity>,
    showTyping: boolean,
  ): Promise<void> {
    if (showTyping) this.append(conversation, { type: 'typing', from: BOT });
    const incoming = {
      ...activity,
      channelId: 'webchat',
      serviceUrl: 'http://localhost/directline',
      deliveryMode: 'expectReplies',
      conversation: { id: conversation.id },
      recipient: BOT,
    } as Activity;
    try {
      const response = await this.adapter.run(incoming, this.options.logic);
      const replies = (response?.body as { activities?: Partial<Activity>[] } | undefined)?.activities ?? [];
      for (const reply of replies)
        if (reply.type !== 'typing') this.append(conversation, { ...reply, from: BOT, replyToId: activity.id });
    } catch (error) {
      this.options.log.error({ err: error }, 'Direct Line turn failed');
    }
  }
}

function withoutToken(activity: Partial<Activity>): Partial<Activity> {
  const channelData = activity.channelData as Record<string, unknown> | undefined;
  if (!channelData || !('authToken' in channelData)) return activity;
  const kept = { ...channelData };
  delete kept.authToken;
  return { ...activity, channelData: kept };
}

import { randomBytes, randomUUID } from 'node:crypto';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type TurnContext } from 'botbuilder';
import type restify from 'restify';
import { LOGOUT_EVENT } from './booking-bot.js';

// The part of Direct Line 3.0 that the official Web Chat and botframework-directlinejs
// need, served by the bot itself so the web page works without Azure: start a
// conversation, post an activity (echoed into the history, as Web Chat requires), and
// read the history by watermark. Each conversation has its own token; one client can
// never read or post into another's conversation.

interface Conversation {
  id: string;
  token: string;
  history: Partial<Activity>[];
  lastUsed: number;
}

export interface DirectLineOptions {
  logic: (context: TurnContext) => Promise<void>;
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
  log: (message: string, error?: unknown) => void;
  /** Conversations idle longer than this are forgotten */
  idleMs?: number;
  maxConversations?: number;
}

const BOT = { id: 'tidbokschatten', name: 'Tidbokschatten', role: 'bot' };
const MAX_HISTORY = 1000;
const MAX_TEXT = 4000;
const POSTABLE = ['message', 'event', 'typing'];

/** A CloudAdapter that runs one turn in process and hands back the buffered replies. */
class ExpectRepliesAdapter extends CloudAdapter {
  run(activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity('', activity, logic);
  }
}

function fail(res: restify.Response, status: number, code: string, message: string): void {
  res.send(status, { error: { code, message } });
}

export class DirectLine {
  private readonly conversations = new Map<string, Conversation>();
  // Expect-replies on an adapter without app credentials: the replies come back in the
  // call and nothing is ever sent to a serviceUrl. Who the resident is still comes only
  // from the signed token in channelData.
  private readonly adapter = new ExpectRepliesAdapter(new ConfigurationBotFrameworkAuthentication({}));

  constructor(private readonly options: DirectLineOptions) {
    this.adapter.onTurnError = options.onTurnError;
  }

  register(server: restify.Server, base = '/v3/directline'): void {
    server.opts(`${base}/*`, async (_req, res) => {
      this.cors(res).send(200);
    });
    server.post(`${base}/conversations`, async (_req, res) => this.start(this.cors(res)));
    server.get(`${base}/conversations/:id`, async (req, res) => this.reconnect(req, this.cors(res)));
    server.post(`${base}/conversations/:id/activities`, async (req, res) => this.post(req, this.cors(res)));
    server.get(`${base}/conversations/:id/activities`, async (req, res) => this.read(req, this.cors(res)));
    server.post(`${base}/tokens/refresh`, async (req, res) => this.refresh(req, this.cors(res)));
  }

  private cors(res: restify.Response): restify.Response {
    res.header('Access-Control-Allow-Origin', '*');
    res.header('Access-Control-Allow-Headers', 'authorization, content-type, x-ms-bot-agent');
    res.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    return res;
  }

  private sweep(): void {
    const cutoff = Date.now() - (this.options.idleMs ?? 60 * 60_000);
    for (const [id, c] of this.conversations) if (c.lastUsed < cutoff) this.conversations.delete(id);
    const max = this.options.maxConversations ?? 5000;
    for (const id of this.conversations.keys()) {
      if (this.conversations.size < max) break;
      this.conversations.delete(id);
    }
  }

  private async start(res: restify.Response): Promise<void> {
    this.sweep();
    const conversation: Conversation = {
      id: randomUUID(),
      token: randomBytes(24).toString('base64url'),
      history: [],
      lastUsed: Date.now(),
    };
    this.conversations.set(conversation.id, conversation);
    res.send(201, this.describe(conversation));
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

  private describe(c: Conversation) {
    return { conversationId: c.id, token: c.token, expires_in: 3600, streamUrl: '' };
  }

  /** The conversation the request names, if its bearer token is the conversation's own. */
  private authorized(req: restify.Request, res: restify.Response): Conversation | undefined {
    const id = (req.params as { id?: string }).id ?? '';
    const conversation = this.conversations.get(id);
    if (!conversation) {
      fail(res, 404, 'BadArgument', 'Conversation not found.');
      return undefined;
    }
    const auth = req.headers.authorization ?? '';
    if (auth !== `Bearer ${conversation.token}`) {
      fail(res, 403, 'TokenExpired', 'Missing or wrong token for this conversation.');
      return undefined;
    }
    conversation.lastUsed = Date.now();
    return conversation;
  }

  private async reconnect(req: restify.Request, res: restify.Response): Promise<void> {
    const conversation = this.authorized(req, res);
    if (conversation) res.send(200, this.describe(conversation));
  }

  private async refresh(req: restify.Request, res: restify.Response): Promise<void> {
    const auth = req.headers.authorization ?? '';
    const conversation = [...this.conversations.values()].find((c) => auth === `Bearer ${c.token}`);
    if (!conversation) {
      fail(res, 403, 'TokenExpired', 'Unknown token.');
      return;
    }
    res.send(200, this.describe(conversation));
  }

  private async read(req: restify.Request, res: restify.Response): Promise<void> {
    const conversation = this.authorized(req, res);
    if (!conversation) return;
    const raw = (req.query as { watermark?: string } | undefined)?.watermark;
    const watermark = raw === undefined || raw === '' ? 0 : Number(raw);
    if (!Number.isInteger(watermark) || watermark < 0) {
      fail(res, 400, 'BadArgument', 'The watermark must be a whole number.');
      return;
    }
    res.send(200, {
      activities: conversation.history.slice(watermark),
      watermark: String(conversation.history.length),
    });
  }

  private async post(req: restify.Request, res: restify.Response): Promise<void> {
    const conversation = this.authorized(req, res);
    if (!conversation) return;
    const body = req.body as Partial<Activity> | undefined;
    if (!body || typeof body !== 'object' || typeof body.type !== 'string' || !POSTABLE.includes(body.type)) {
      {
        fail(
          res,
          400,
          'BadArgument',
          `The activity must be a JSON object whose type is one of: ${POSTABLE.join(', ')}.`,
        );
        return;
      }
    }
    if (body.text !== undefined && (typeof body.text !== 'string' || body.text.length > MAX_TEXT)) {
      {
        fail(res, 400, 'BadArgument', `The text must be a string of at most ${MAX_TEXT} characters.`);
        return;
      }
    }
    if (body.type === 'typing') return void res.send(200, { id: '' });
    const echoed = this.append(conversation, {
      ...body,
      from: { id: body.from?.id ?? 'user', name: body.from?.name ?? '', role: 'user' },
      recipient: BOT,
    });
    res.send(200, { id: echoed.id });
    if (body.type === 'message') await this.deliver(conversation, echoed, true);
    if (body.type === 'event') {
      await this.deliver(conversation, echoed, false);
      // Logging out forgets the conversation here too: its history held the resident's token.
      if (body.name === LOGOUT_EVENT) this.conversations.delete(conversation.id);
    }
  }

  private append(conversation: Conversation, activity: Partial<Activity>): Partial<Activity> {
    const stamped: Partial<Activity> = {
      ...activity,
      id: `${conversation.id}|${String(conversation.history.length).padStart(7, '0')}`,
      timestamp: new Date(),
      channelId: 'webchat',
      conversation: { id: conversation.id } as Activity['conversation'],
    };
    conversation.history.push(stamped);
    if (conversation.history.length > MAX_HISTORY)
      conversation.history.splice(0, conversation.history.length - MAX_HISTORY);
    return stamped;
  }

  /** Runs the bot's turn and appends its replies to the history. */
  private async deliver(conversation: Conversation, activity: Partial<Activity>, showTyping: boolean): Promise<void> {
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
      this.options.log(`Direct Line turn failed in ${conversation.id}`, error);
    }
  }
}

import { CloudAdapter, type Activity, type TurnContext } from 'botbuilder';
import type restify from 'restify';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { z } from 'zod';
import { isLoopback } from './config.js';
import { requestLog, type Logger } from './log.js';

// POST /api/messages: the Bot Framework Connector protocol through CloudAdapter and its
// authentication. The activity's shape is checked first, so a malformed one is a short
// 400 and never an exception with internal text; an authentication failure is a 401;
// and without an app id replies go only into the HTTP response (expectReplies) or to a
// local Bot Framework Emulator, never to a serviceUrl a caller names.

/** CloudAdapter with its authenticated turn handling reachable for one parsed activity. */
export class MessagesAdapter extends CloudAdapter {
  handle(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(authHeader, activity, logic);
  }
}

const id = z.string().min(1).max(512);
const account = z.looseObject({ id: z.string().max(512).optional(), name: z.string().max(512).optional() });

/** What an activity must look like before anything reads it; other fields pass unchanged. */
const activitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(512).optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url().max(2048),
  conversation: z.looseObject({ id, conversationType: z.string().max(64).optional() }),
  from: account.optional(),
  recipient: account.optional(),
  // A long text is answered politely by the conversation; the body limit bounds it.
  text: z.string().optional(),
  name: z.string().max(256).optional(),
  deliveryMode: z.string().max(64).optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  membersAdded: z.array(account).max(100).optional(),
});

export interface MessagesDeps {
  adapter: MessagesAdapter;
  logic: (context: TurnContext) => Promise<void>;
  /** With an app id every request is authenticated by the Bot Connector's token */
  appId?: string;
  /** Without an app id, may replies go to a Bot Framework Emulator on this machine (demo mode) */
  localEmulator: boolean;
  log: Logger;
}

type Problem = { status: number; code: string; message: string };

const badRequest = (message: string): Problem => ({ status: 400, code: 'BadArgument', message });

/** Whether the bot may answer where this activity asks, given how it is configured. */
function replyTargetProblem(activity: z.infer<typeof activitySchema>, deps: MessagesDeps): Problem | undefined {
  // With an app id, the Bot Connector's token names its serviceUrl and CloudAdapter checks it.
  if (deps.appId) return undefined;
  if (activity.deliveryMode === 'expectReplies') return undefined;
  const host = new URL(activity.serviceUrl).hostname.replace(/^\[|\]$/g, '');
  if (deps.localEmulator && isLoopback(host)) return undefined;
  return {
    status: 403,
    code: 'Forbidden',
    message: deps.localEmulator
      ? 'Without an app id replies go only into the response (deliveryMode expectReplies) or to a local Emulator.'
      : 'Without an app id replies go only into the response (deliveryMode expectReplies).',
  };
}

/** The Bot Connector signs with RSA and names its key; anything else is refused unread. */
const CONNECTOR_ALGORITHMS = new Set(['RS256', 'RS384', 'RS512']);

/**
 * Whether a bearer token could be the Bot Connector's at all. A token that cannot is
 * refused before CloudAdapter looks for signing keys over the network, so junk costs
 * nothing and is answered 401 even when the key service is unreachable.
 */
function plausibleConnectorToken(auth: string): boolean {
  const token = auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
  if (!token) return false;
  try {
    const header = decodeProtectedHeader(token);
    const claims = decodeJwt(token);
    return (
      CONNECTOR_ALGORITHMS.has(header.alg ?? '') &&
      typeof header.kid === 'string' &&
      typeof claims.iss === 'string' &&
      typeof claims.exp === 'number'
    );
  } catch {
    return false;
  }
}

const NETWORK_ERRORS = new Set(['ENOTFOUND', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN']);
const isNetworkError = (error: unknown) =>
  NETWORK_ERRORS.has(String((error as { code?: unknown }).code)) || (error as { name?: unknown }).name === 'FetchError';

function refuse(res: restify.Response, problem: Problem): void {
  res.send(problem.status, { error: { code: problem.code, message: problem.message } });
}

export function registerMessages(server: restify.Server, deps: MessagesDeps): void {
  server.post('/api/messages', async (req, res) => {
    const parsed = activitySchema.safeParse(req.body);
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join('.') || 'body';
      refuse(res, badRequest(`The body must be a Bot Framework activity (problem at ${where}).`));
      return;
    }
    const problem = replyTargetProblem(parsed.data, deps);
    if (problem) {
      refuse(res, problem);
      return;
    }
    const auth = req.headers.authorization;
    if (deps.appId && !plausibleConnectorToken(typeof auth === 'string' ? auth : '')) {
      requestLog(req).info({ status: 401 }, 'Bot Connector authentication refused: no plausible token');
      refuse(res, { status: 401, code: 'Unauthorized', message: 'The request is not authenticated.' });
      return;
    }
    try {
      const response = await deps.adapter.handle(
        typeof auth === 'string' ? auth : '',
        parsed.data as unknown as Activity,
        deps.logic,
      );
      res.status(response?.status ?? 200);
      if (response?.body !== undefined) res.send(response.body);
      res.end();
    } catch (error) {
      const status = (error as { statusCode?: unknown }).statusCode;
      if (status === 401 || status === 403) {
        requestLog(req).info({ status }, 'Bot Connector authentication refused');
        refuse(res, { status: 401, code: 'Unauthorized', message: 'The request is not authenticated.' });
        return;
      }
      if (isNetworkError(error)) {
        // The Connector's signing keys or the serviceUrl to reply to could not be reached.
        requestLog(req).warn(
          { code: (error as { code?: unknown }).code },
          'a service the bot replies through is unreachable',
        );
        res.header('Retry-After', '30');
        refuse(res, {
          status: 502,
          code: 'BadGateway',
          message: 'A service the bot depends on could not be reached; try again later.',
        });
        return;
      }
      requestLog(req).error({ err: error }, 'Activity could not be processed');
      refuse(res, { status: 500, code: 'Internal', message: 'The bot could not handle the activity.' });
    }
  });
}

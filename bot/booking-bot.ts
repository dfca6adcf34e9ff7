import type { Activity, TurnContext } from 'botbuilder';
import { must } from '../booking/invariant.js';
import { runTurn, type ConversationData, type TurnInput } from '../dialogs/turn-runner.js';
import { t, type Reply } from '../machines/reply.js';
import type { Clock } from './clock.js';
import type { IdentityVerifier } from './identity.js';
import type { LiveContent } from './live-content.js';
import { labelOf, renderReplies } from './render.js';
import type { SqliteStorage } from './sqlite-storage.js';
import type { TurnLock } from './turn-lock.js';

/** The event that tells the web page to log the resident out. */
export const LOGOUT_EVENT = 'tidbokschatten.logout';

// The thin edge between Bot Framework and the conversation: one turn at a time per
// conversation, state read and written with its eTag, identity from the signed token.

interface Stored {
  data: ConversationData;
  lastActive: string;
  /** Ids of recently handled activities, so a re-delivered one is not handled twice */
  seen: string[];
  eTag?: string;
}

export interface BookingBotDeps {
  storage: SqliteStorage;
  lock: TurnLock;
  verifier: IdentityVerifier;
  live: LiveContent;
  clock: Clock;
  idleMinutes: number;
  settleTimeoutMs: number;
  log: (message: string, error?: unknown) => void;
  /** The address of a booking's calendar entry */
  calendarUrl?: (bookingId: string, patientId: string) => string;
}

const SEEN_KEEP = 20;

/** The events the web page sends: the resident logged in, or is logging out. */
export const LOGIN_EVENT = 'tidbokschatten.login';

type Input = TurnInput | { kind: 'logout' };

function inputOf(activity: Activity): Input | undefined {
  if (activity.type === 'message') return { kind: 'message', text: activity.text, value: activity.value };
  if (activity.type === 'event' && activity.name === LOGIN_EVENT) return { kind: 'login' };
  if (activity.type === 'event' && activity.name === LOGOUT_EVENT) return { kind: 'logout' };
  // Inbound JSON may lack what the Activity type calls required.
  const { recipient } = activity as Partial<Activity>;
  const joined = activity.membersAdded?.some((m) => m.id !== recipient?.id);
  if (activity.type === 'conversationUpdate' && joined) return { kind: 'start' };
  return undefined;
}

export class BookingBot {
  constructor(private readonly deps: BookingBotDeps) {}

  async run(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const input = inputOf(activity);
    const { conversation } = activity as Partial<Activity>;
    if (!input || !conversation?.id) return;
    const key = `${activity.channelId}/conversations/${activity.conversation.id}`;
    // Logging out on the page forgets the conversation on the server too.
    if (input.kind === 'logout') return this.deps.lock.run(key, () => this.deps.storage.delete([key]));
    await this.deps.lock.run(key, () => this.turn(context, key, input));
  }

  private async turn(context: TurnContext, key: string, input: TurnInput): Promise<void> {
    const { deps } = this;
    const activity = context.activity;
    const stored = (await deps.storage.read([key]))[key] as Stored | undefined;
    if (activity.id && stored?.seen.includes(activity.id)) return;
    if (input.kind === 'message') await context.sendActivity({ type: 'typing' });

    const now = deps.clock.now();
    const expired = stored !== undefined && now.toMillis() - Date.parse(stored.lastActive) > deps.idleMinutes * 60_000;
    const previous: ConversationData = stored && !expired ? stored.data : {};
    const resident = await deps.verifier.verify(
      (activity.channelData as { authToken?: unknown } | undefined)?.authToken,
    );

    let data: ConversationData;
    let replies: Reply[];
    let loggedOut = false;
    try {
      const { chart, model, texts } = deps.live;
      const turnInput: TurnInput = input.kind === 'login' ? { kind: 'login', name: resident?.name } : input;
      const result = await runTurn(previous, turnInput, resident?.patientId, {
        chart,
        model,
        labelOf: labelOf(texts, now),
        now,
        settleTimeoutMs: deps.settleTimeoutMs,
      });
      data = result.data;
      loggedOut = result.loggedOut === true;
      replies =
        expired && input.kind === 'message' ? [{ parts: [t('session.expired')] }, ...result.replies] : result.replies;
    } catch (error) {
      // The conversation stays where it was; the resident hears a short apology.
      deps.log(`Turn failed in ${key}`, error);
      replies = [{ parts: [t('error.technical')] }, ...(previous.prompt ? [previous.prompt] : [])];
      data = { ...previous, promptSeq: (previous.promptSeq ?? 0) + (previous.prompt ? 1 : 0) };
    }

    const seen = [...(expired ? [] : (stored?.seen ?? [])), ...(activity.id ? [activity.id] : [])].slice(-SEEN_KEEP);
    const next: Stored = {
      data,
      lastActive: must(now.toISO(), 'a valid clock time'),
      seen,
      ...(stored && { eTag: stored.eTag }),
    };
    await deps.storage.write({ [key]: next });
    const rendered = renderReplies(replies, {
      texts: deps.live.texts,
      now,
      channelId: activity.channelId,
      conversationType: activity.conversation.conversationType,
      promptSeq: data.promptSeq ?? 0,
      ...(deps.calendarUrl ? { calendarUrl: deps.calendarUrl } : {}),
    });
    // The web page logs the resident out and clears the chat when asked in words («logga ut»).
    if (loggedOut && activity.channelId === 'webchat') rendered.push({ type: 'event', name: LOGOUT_EVENT });
    if (rendered.length > 0) await context.sendActivities(rendered);
  }
}

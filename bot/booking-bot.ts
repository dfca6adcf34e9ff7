import { createHash } from 'node:crypto';
import type { Activity, TurnContext } from 'botbuilder';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { must } from '../booking/invariant.js';
import { emergencyIn } from '../dialogs/emergency.js';
import { runTurn, type ConversationData, type TurnInput } from '../dialogs/turn-runner.js';
import { t, type Reply } from '../machines/reply.js';
import { inWriteScope } from './booking-effects.js';
import type { Clock } from './clock.js';
import { waitFor } from './http-policy.js';
import type { Logger } from './log.js';
import type { IdentityVerifier } from './identity.js';
import type { LiveContent } from './live-content.js';
import { labelOf, renderReplies } from './render.js';
import { StorageConflict, type SqliteStorage } from './sqlite-storage.js';
import type { TurnLock } from './turn-lock.js';

/** The event that tells the web page to log the resident out. */
export const LOGOUT_EVENT = 'tidbokschatten.logout';

// The thin edge between Bot Framework and the conversation: one turn at a time per
// conversation, state read and written with its eTag, identity from the signed token.

/**
 * The conversation as stored: the flow's question is most often the last question itself,
 * and is then stored once.
 */
type PackedData = ConversationData & { flowIsPrompt?: true };

const packed = (data: ConversationData): PackedData =>
  data.flowPrompt !== undefined && JSON.stringify(data.flowPrompt) === JSON.stringify(data.prompt)
    ? { ...data, flowPrompt: undefined, flowIsPrompt: true }
    : data;

function unpacked(stored: PackedData): ConversationData {
  const { flowIsPrompt, ...data } = stored;
  return flowIsPrompt && data.prompt ? { ...data, flowPrompt: data.prompt } : data;
}

interface Stored {
  data: PackedData;
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
  log: Logger;
  /** Messages per minute in one conversation, and from one resident across conversations */
  turnsPerMinute: number;
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

/** A short name for a conversation in logs, that says nothing about it. */
const logName = (key: string) => createHash('sha256').update(key).digest('base64url').slice(0, 12);

export class BookingBot {
  private readonly turns: RateLimiterMemory;

  constructor(private readonly deps: BookingBotDeps) {
    this.turns = new RateLimiterMemory({ points: deps.turnsPerMinute, duration: 60 });
  }

  async run(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const input = inputOf(activity);
    const { conversation } = activity as Partial<Activity>;
    if (!input || !conversation?.id) return;
    const key = `${activity.channelId}/conversations/${activity.conversation.id}`;
    const log = this.deps.log.child({ conversation: logName(key), turn: activity.id ?? '' });
    // Logging out on the page forgets the conversation on the server too.
    if (input.kind === 'logout') return this.deps.lock.run(key, () => this.deps.storage.delete([key]));
    if (input.kind === 'message' && (await this.overLimit(context, key, log))) return;
    await this.deps.lock.run(key, () => this.turn(context, key, input, log));
  }

  /**
   * Whether this conversation or resident has sent too many messages; if so, says so
   * politely. A message the safety net recognises always goes through.
   */
  private async overLimit(context: TurnContext, limiterKey: string, log: Logger): Promise<boolean> {
    const wait = await waitFor(this.turns, limiterKey);
    if (wait === undefined) return false;
    const text = context.activity.text;
    if (typeof text === 'string' && (await emergencyIn(text, this.deps.live.model)) !== undefined) return false;
    log.warn({ retryAfter: wait }, 'over the message limit');
    const rendered = renderReplies([{ parts: [t('error.tooMany', { seconds: wait })] }], {
      texts: this.deps.live.texts,
      now: this.deps.clock.now(),
      channelId: context.activity.channelId,
      promptSeq: 0,
    });
    await context.sendActivities(rendered);
    return true;
  }

  private async turn(context: TurnContext, key: string, input: TurnInput, log: Logger): Promise<void> {
    const { deps } = this;
    const activity = context.activity;
    const started = performance.now();
    const stored = (await deps.storage.read([key]))[key] as Stored | undefined;
    if (activity.id && stored?.seen.includes(activity.id)) return;
    // Replies that go back in the HTTP response need no typing indicator.
    if (input.kind === 'message' && activity.deliveryMode !== 'expectReplies')
      await context.sendActivity({ type: 'typing' });

    const now = deps.clock.now();
    const expired = stored !== undefined && now.toMillis() - Date.parse(stored.lastActive) > deps.idleMinutes * 60_000;
    const previous: ConversationData = stored && !expired ? unpacked(stored.data) : {};
    const resident = await deps.verifier.verify(
      (activity.channelData as { authToken?: unknown } | undefined)?.authToken,
    );
    if (resident && input.kind === 'message' && (await this.overLimit(context, `resident:${resident.patientId}`, log)))
      return;

    let data: ConversationData;
    let replies: Reply[];
    let loggedOut = false;
    try {
      const { chart, rereads, model, texts, children } = deps.live;
      const turnInput: TurnInput = input.kind === 'login' ? { kind: 'login', name: resident?.name } : input;
      // A write in this turn is keyed by the conversation and the question answered.
      const turnKey = `${key}#${previous.promptSeq ?? 0}`;
      const result = await inWriteScope(turnKey, () =>
        runTurn(previous, turnInput, resident?.patientId, {
          chart,
          rereads,
          model,
          labelOf: labelOf(texts, now),
          now,
          settleTimeoutMs: deps.settleTimeoutMs,
          children,
        }),
      );
      data = result.data;
      loggedOut = result.loggedOut === true;
      replies =
        expired && input.kind === 'message' ? [{ parts: [t('session.expired')] }, ...result.replies] : result.replies;
    } catch (error) {
      // The conversation stays where it was; the resident hears a short apology.
      log.error({ err: error }, 'turn failed');
      replies = [{ parts: [t('error.technical')] }, ...(previous.prompt ? [previous.prompt] : [])];
      data = { ...previous, promptSeq: (previous.promptSeq ?? 0) + (previous.prompt ? 1 : 0) };
    }

    const seen = [...(expired ? [] : (stored?.seen ?? [])), ...(activity.id ? [activity.id] : [])].slice(-SEEN_KEEP);
    const next: Stored = {
      data: packed(data),
      lastActive: must(now.toISO(), 'a valid clock time'),
      seen,
      ...(stored && { eTag: stored.eTag }),
    };
    if (!(await this.save(key, next, activity.id, log))) return;
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
    log.debug({ ms: Math.round(performance.now() - started) }, 'turn handled');
  }

  /**
   * Saves the turn's state. When another process saved this conversation meanwhile, and
   * it handled this same activity, its state stands and this turn's answer (whose writes
   * were keyed, so they are the same writes) is still sent; any other conflict is an error.
   */
  private async save(key: string, next: Stored, activityId: string | undefined, log: Logger): Promise<boolean> {
    try {
      await this.deps.storage.write({ [key]: next });
      return true;
    } catch (error) {
      if (!(error instanceof StorageConflict)) throw error;
      const now = (await this.deps.storage.read([key]))[key] as Stored | undefined;
      if (activityId && now?.seen.includes(activityId)) {
        log.warn('the same activity was handled twice; the first state stands');
        return true;
      }
      throw error;
    }
  }
}

import { ActionTypes, ActivityTypes, type Activity, type CardAction } from 'botbuilder';
import type { DateTime } from 'luxon';
import type { Texts } from '../content/texts.js';
import type { Choice, Reply, TextRef } from '../machines/reply.js';

// Replies as Bot Framework activities. Texts come from content; choices become buttons
// that send both the label (so the transcript reads naturally) and a value naming the
// choice and the question it answers (so a stale double click is recognised).

export interface RenderContext {
  texts: Texts;
  now: DateTime;
  channelId: string;
  promptSeq: number;
}

export const renderText = (texts: Texts, ref: TextRef, now: DateTime): string => texts.render(ref.key, ref.params, now);

export const labelOf = (texts: Texts, now: DateTime) => (choice: Choice): string => renderText(texts, choice.label, now);

function buttons(choices: readonly Choice[], ctx: RenderContext): CardAction[] {
  return choices.map((c) => {
    const label = renderText(ctx.texts, c.label, ctx.now);
    return { type: ActionTypes.MessageBack, title: label, text: label, displayText: label, value: { choice: c.value, prompt: ctx.promptSeq } };
  });
}

export function renderReply(reply: Reply, ctx: RenderContext): Partial<Activity> {
  const text = reply.parts.map((p) => renderText(ctx.texts, p, ctx.now)).join('\n\n');
  const activity: Partial<Activity> = { type: ActivityTypes.Message, text, textFormat: 'markdown', locale: 'sv-SE' };
  if (reply.choices && reply.choices.length > 0) {
    activity.suggestedActions = { to: [], actions: buttons(reply.choices, ctx) };
    activity.inputHint = 'expectingInput';
  }
  return activity;
}

export const renderReplies = (replies: readonly Reply[], ctx: RenderContext): Partial<Activity>[] => replies.map((r) => renderReply(r, ctx));

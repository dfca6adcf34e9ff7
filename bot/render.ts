import { ActionTypes, ActivityTypes, type Activity, type CardAction } from 'botbuilder';
import type { DateTime } from 'luxon';
import type { Texts } from '../content/texts.js';
import { t, type Choice, type Reply, type TextRef } from '../machines/reply.js';
import { choiceCard, summaryCard, type CardButton } from './cards.js';

// Replies as Bot Framework activities, per channel. Texts come from content; choices
// become buttons that send both the label (so the transcript reads naturally) and a value
// naming the choice and the question it answers (so a stale double click is recognised).
//  - Web Chat: booking summaries as Adaptive Cards, choices as suggested actions.
//  - Teams: summaries as cards; choices as suggested actions only when Teams shows them
//    (at most three, in a personal chat), otherwise as a card with Action.Submit.
//  - Other channels (console, tests, Emulator): plain text and suggested actions.

export interface RenderContext {
  texts: Texts;
  now: DateTime;
  channelId: string;
  /** personal, groupChat or channel (Teams) */
  conversationType?: string;
  promptSeq: number;
  /** The address of a booking's calendar entry, where the bot serves them */
  calendarUrl?: (bookingId: string, patientId: string) => string;
}

export const renderText = (texts: Texts, ref: TextRef, now: DateTime): string => texts.render(ref.key, ref.params, now);

export const labelOf =
  (texts: Texts, now: DateTime) =>
  (choice: Choice): string =>
    renderText(texts, choice.label, now);

const TEAMS_SUGGESTED_MAX = 3;

function suggested(choices: readonly Choice[], ctx: RenderContext): CardAction[] {
  return choices.map((c) => {
    const label = renderText(ctx.texts, c.label, ctx.now);
    return {
      type: ActionTypes.MessageBack,
      title: label,
      text: label,
      displayText: label,
      value: { choice: c.value, prompt: ctx.promptSeq },
    };
  });
}

function cardButtons(choices: readonly Choice[], ctx: RenderContext): CardButton[] {
  return choices.map((c) => {
    const title = renderText(ctx.texts, c.label, ctx.now);
    // In Teams, messageBack shows the label as the resident's message and sends the value.
    return {
      title,
      data: {
        choice: c.value,
        prompt: ctx.promptSeq,
        msteams: { type: 'messageBack', text: title, displayText: title },
      },
    };
  });
}

/** A Swedish phone number in a text («018-611 00 01»). */
const PHONE = /\b0\d{1,3}-\d{2,3}(?: \d{2,3}){1,3}\b/g;

/** Phone numbers as links that call them («tel:+46186110001»), where the channel shows markdown. */
export const callable = (text: string) =>
  text.replace(PHONE, (number) => `[${number}](tel:+46${number.replace(/\D/g, '').slice(1)})`);

/** Markdown needs two spaces before a line break that is not a paragraph break. */
const markdownBreaks = (text: string) => text.replace(/([^\n])\n(?!\n)/g, '$1  \n');

export function renderReply(reply: Reply, ctx: RenderContext): Partial<Activity> {
  const url = reply.calendar && ctx.calendarUrl?.(reply.calendar.bookingId, reply.calendar.patientId);
  const rich = ctx.channelId === 'webchat' || ctx.channelId === 'msteams';
  const shown = (p: TextRef) => {
    const rendered = renderText(ctx.texts, p, ctx.now);
    return rich ? callable(rendered) : rendered;
  };
  const lines = reply.parts.flatMap((p) => shown(p).split('\n'));
  const text = reply.parts.map(shown).join('\n\n');
  const activity: Partial<Activity> = { type: ActivityTypes.Message, locale: 'sv-SE' };
  const choices = reply.choices ?? [];
  const teamsCard =
    ctx.channelId === 'msteams' &&
    choices.length > 0 &&
    (choices.length > TEAMS_SUGGESTED_MAX || ctx.conversationType !== 'personal');

  if (teamsCard) activity.attachments = [choiceCard(lines, cardButtons(choices, ctx))];
  else if (rich && reply.card) {
    const links = url ? [{ title: renderText(ctx.texts, t('calendar.add'), ctx.now), url }] : [];
    activity.attachments = [summaryCard(lines, reply.card, links)];
  } else {
    activity.text = rich ? markdownBreaks(text) : text;
    activity.textFormat = rich ? 'markdown' : 'plain';
  }
  if (activity.attachments) activity.summary = text;
  if (choices.length > 0 && !teamsCard) activity.suggestedActions = { to: [], actions: suggested(choices, ctx) };
  // Where the calendar link is not on a card, it is a button that opens it.
  if (url && !activity.attachments) {
    const title = renderText(ctx.texts, t('calendar.add'), ctx.now);
    activity.suggestedActions = { to: [], actions: [{ type: ActionTypes.OpenUrl, title, value: url }] };
  }
  if (choices.length > 0 || reply.expects) activity.inputHint = 'expectingInput';
  // What kind of answer the question wants, for clients that offer buttons by number (the console chat).
  if (reply.expects) activity.channelData = { expects: reply.expects };
  return activity;
}

const sameReply = (a: Reply, b: Reply | undefined) =>
  b !== undefined && a.parts.length === b.parts.length && JSON.stringify(a) === JSON.stringify(b);

/** The replies as activities; the same reply twice in a row (a search broadened twice) is said once. */
export const renderReplies = (replies: readonly Reply[], ctx: RenderContext): Partial<Activity>[] =>
  replies.filter((r, i) => !sameReply(r, replies[i - 1])).map((r) => renderReply(r, ctx));

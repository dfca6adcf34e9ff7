import type { Attachment } from 'botbuilder';

// Adaptive Cards of schema 1.5, the highest Teams renders (Web Chat renders 1.6). Only
// elements every client knows: TextBlock, Container, ActionSet, Action.Submit and
// Action.OpenUrl, so a card shows the same in Web Chat, Teams and the Emulator.

export const CARD_VERSION = '1.5';
const CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** Teams shows at most six actions in one set; five keeps a phone screen calm. */
const ACTIONS_PER_SET = 5;

export interface CardButton {
  title: string;
  data: Record<string, unknown>;
}

type Element = Record<string, unknown>;

const textBlock = (text: string, emphasis: boolean): Element => ({
  type: 'TextBlock',
  text,
  wrap: true,
  ...(emphasis ? { weight: 'Bolder', size: 'Medium' } : {}),
});

function card(body: Element[], speak: string): Attachment {
  return {
    contentType: CONTENT_TYPE,
    content: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: CARD_VERSION,
      body,
      speak,
    },
  };
}

/** A link on a card, opened by the client (the calendar entry of a booking). */
export interface CardLink {
  title: string;
  url: string;
}

/** A booking summary or confirmation: the first line stands out, the rest follow, then any links. */
export function summaryCard(lines: string[], style: 'booking' | 'confirmation', links: CardLink[] = []): Attachment {
  const blocks = lines.map((line, i) => textBlock(line, i === 0 && lines.length > 1));
  const actions: Element[] = links.length
    ? [{ type: 'ActionSet', actions: links.map((l) => ({ type: 'Action.OpenUrl', title: l.title, url: l.url })) }]
    : [];
  return card(
    [{ type: 'Container', style: style === 'confirmation' ? 'good' : 'emphasis', items: blocks }, ...actions],
    lines.join(' '),
  );
}

/** A question with its choices as Action.Submit buttons (how Teams shows more than three). */
export function choiceCard(lines: string[], buttons: CardButton[]): Attachment {
  const sets: Element[] = [];
  for (let i = 0; i < buttons.length; i += ACTIONS_PER_SET) {
    sets.push({
      type: 'ActionSet',
      actions: buttons
        .slice(i, i + ACTIONS_PER_SET)
        .map((b) => ({ type: 'Action.Submit', title: b.title, data: b.data })),
    });
  }
  return card([...lines.map((line) => textBlock(line, false)), ...sets], lines.join(' '));
}

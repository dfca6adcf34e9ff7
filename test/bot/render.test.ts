import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Attachment } from 'botbuilder';
import { renderReplies, renderReply, type RenderContext, callable } from '../../bot/render.js';
import { choice, t, type Reply } from '../../machines/reply.js';
import { at } from '../support/fixtures.js';
import { shippedContent } from '../support/tidbok.js';

// adaptivecards 2.11 parses cards in Node without a DOM; its serialization context
// records every problem, including elements it does not know.
const require = createRequire(import.meta.url);
const AC = require('adaptivecards') as typeof import('adaptivecards');

function problemsOf(attachment: Attachment): string[] {
  const content = attachment.content as { version: string };
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const card = new AC.AdaptiveCard();
  card.parse(content, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++)
    problems.push(`${context.getEventAt(i).phase}: ${context.getEventAt(i).message}`);
  if (Number(content.version) > 1.5) problems.push(`version ${content.version} is above 1.5`);
  return problems;
}

const ctx = (channelId: string, conversationType?: string): RenderContext => ({
  texts: shippedContent().texts,
  now: at('2026-12-01T09:00'),
  channelId,
  conversationType,
  promptSeq: 4,
});

const menu: Reply = {
  parts: [t('menu.plain')],
  choices: ['view', 'cancel', 'rebook', 'book', 'book-invitation', 'guided'].map((v) => choice(v, `choice.menu.${v}`)),
  expects: 'choice',
};
const confirm: Reply = {
  parts: [
    t('cancel.confirm'),
    t('booking.summary', { start: '2026-12-07T09:30:00+01:00', service: 'Läkarbesök', unit: 'Vårdcentralen Fyrisdal' }),
    t('booking.shownWith', { name: 'Leg. läkare Anna Berg' }),
  ],
  choices: [choice('yes', 'choice.yesCancel'), choice('no', 'choice.noKeep')],
  expects: 'yesno',
  card: 'booking',
};
const done: Reply = {
  parts: [
    t('cancel.done', {
      start: '2026-12-07T09:30:00+01:00',
      service: 'Läkarbesök',
      unit: 'Vårdcentralen Fyrisdal',
      phone: '018',
    }),
  ],
  card: 'confirmation',
};
const slots: Reply = {
  parts: [t('time.offer', { service: 'Läkarbesök', unit: 'Vårdcentralen Fyrisdal', phone: '018' })],
  choices: [
    '2026-12-02T08:00:00+01:00',
    '2026-12-02T09:00:00+01:00',
    '2026-12-02T10:00:00+01:00',
    '2026-12-02T11:00:00+01:00',
  ].map((s) => choice(s, 'choice.slot', { start: s })),
  expects: 'choice',
};

describe('rendering for Teams', () => {
  it('shows more than three choices as an Adaptive Card 1.5 with Action.Submit that the parser accepts', () => {
    const a = renderReply(menu, ctx('msteams', 'personal'));
    expect(a.suggestedActions).toBeUndefined();
    const content = a.attachments![0]!.content as {
      version: string;
      body: { type: string; actions?: { type: string; title: string; data: Record<string, unknown> }[] }[];
    };
    expect(content.version).toBe('1.5');
    const actions = content.body.flatMap((b) => b.actions ?? []);
    expect(actions.map((x) => x.title)).toEqual([
      'Mina bokade tider',
      'Avboka en tid',
      'Boka om en tid',
      'Boka en ny tid',
      'Boka med bokningsunderlag',
      'Hjälp mig välja vad jag ska boka',
    ]);
    expect(actions.every((x) => x.type === 'Action.Submit')).toBe(true);
    expect(actions[1]!.data).toMatchObject({
      choice: 'cancel',
      prompt: 4,
      msteams: { type: 'messageBack', text: 'Avboka en tid', displayText: 'Avboka en tid' },
    });
    expect(problemsOf(a.attachments![0]!)).toEqual([]);
  });

  it('uses suggested actions for up to three choices in a personal chat, and a card in a group chat', () => {
    const personal = renderReply(confirm, ctx('msteams', 'personal'));
    expect(personal.suggestedActions?.actions.map((x) => x.title)).toEqual(['Ja, avboka', 'Nej, behåll tiden']);
    expect(problemsOf(personal.attachments![0]!)).toEqual([]);
    const group = renderReply(confirm, ctx('msteams', 'groupChat'));
    expect(group.suggestedActions).toBeUndefined();
    expect(problemsOf(group.attachments![0]!)).toEqual([]);
  });

  it('shows booking summaries and confirmations as cards with the text as summary', () => {
    for (const reply of [confirm, done, slots]) {
      for (const channel of ['msteams', 'webchat']) {
        const a = renderReply(reply, ctx(channel, 'personal'));
        for (const attachment of a.attachments ?? []) expect(problemsOf(attachment)).toEqual([]);
      }
    }
    const card = renderReply(done, ctx('msteams', 'personal')).attachments![0]!.content as {
      body: { items: { text: string; weight?: string }[] }[];
    };
    expect(card.body[0]!.items[0]!.text).toContain('Klart! Tiden måndag 7 december kl. 9.30');
  });
});

describe('rendering for Web Chat and plain channels', () => {
  it('gives Web Chat markdown line breaks, cards for summaries and buttons as suggested actions', () => {
    const a = renderReply(confirm, ctx('webchat'));
    expect(a.attachments).toHaveLength(1);
    expect(a.suggestedActions?.actions[0]).toMatchObject({
      type: 'messageBack',
      title: 'Ja, avboka',
      value: { choice: 'yes', prompt: 4 },
    });
    const slotsReply = renderReply(slots, ctx('webchat'));
    expect(slotsReply.text).toBe('Lediga tider för Läkarbesök på Vårdcentralen Fyrisdal:');
  });

  it('keeps plain text for the console and tests', () => {
    const a = renderReply(confirm, ctx('console'));
    expect(a.attachments).toBeUndefined();
    expect(a.text).toBe(
      'Vill du avboka den här tiden?\n\nmåndag 7 december kl. 9.30\nLäkarbesök, Vårdcentralen Fyrisdal\n\nLeg. läkare Anna Berg',
    );
  });

  it('catches an unknown element: the card check can fail', () => {
    const broken: Attachment = {
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Carousel', pages: [] }] },
    };
    expect(problemsOf(broken).length).toBeGreaterThan(0);
    const tooNew: Attachment = {
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: { type: 'AdaptiveCard', version: '1.6', body: [] },
    };
    expect(problemsOf(tooNew).length).toBeGreaterThan(0);
  });
});

describe('Teams understands card submits', () => {
  it('treats a submit with a value and no text as the choice', async () => {
    const { interpret } = await import('../../dialogs/interpret.js');
    const { shippedModel } = await import('../support/tidbok.js');
    const deps = { labelOf: () => '', model: await shippedModel(), now: at('2026-12-01T09:00') };
    const result = await interpret(
      { value: { choice: 'cancel', prompt: 4, msteams: { type: 'messageBack' } } },
      { prompt: menu, seq: 4 },
      deps,
    );
    expect(result).toEqual({ kind: 'event', event: { type: 'user.chose', value: 'cancel' } });
  });
});

describe('every card in a real Teams conversation', () => {
  it('parses cleanly as Adaptive Card 1.5, through listing, cancelling, booking and guidance', async () => {
    const { startTestApp, login } = await import('../support/app.js');
    const { seededTemplate } = await import('../support/seeded-template.js');
    const app = await startTestApp({}, seededTemplate('2026-12-01T09:00'));
    try {
      const token = await login(app.url);
      const attachments: Attachment[] = [];
      let n = 0;
      const say = async (text: string, conversationType: string) => {
        const res = await fetch(`${app.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            type: 'message',
            id: `t${++n}`,
            text,
            channelId: 'msteams',
            serviceUrl: 'http://127.0.0.1:9',
            deliveryMode: 'expectReplies',
            conversation: { id: `teams-${conversationType}`, conversationType },
            from: { id: '29:1', aadObjectId: 'x' },
            recipient: { id: '28:bot' },
            channelData: { authToken: token, tenant: { id: 't' } },
          }),
        });
        const body = (await res.json()) as { activities: { attachments?: Attachment[] }[] };
        attachments.push(...body.activities.flatMap((a) => a.attachments ?? []));
      };
      for (const type of ['personal', 'groupChat']) {
        for (const text of [
          'hej',
          'vilka tider har jag',
          'avboka',
          '2',
          'ja',
          'boka blodprov',
          'Vårdcentralen Fyrisdal',
          '1',
          'ja',
          'hjälp mig välja',
          'Fysioterapin Eriksdal',
          'ja',
          'jag har fått en kallelse',
          '1',
        ]) {
          await say(text, type);
        }
      }
      expect(attachments.length).toBeGreaterThan(20);
      for (const a of attachments) expect(problemsOf(a)).toEqual([]);
    } finally {
      await app.stop();
    }
  });
});

describe('phone numbers', () => {
  it('become links that call them where the channel shows markdown', () => {
    expect(callable('Ring Vårdcentralen Fyrisdal på 018-611 00 01.')).toBe(
      'Ring Vårdcentralen Fyrisdal på [018-611 00 01](tel:+46186110001).',
    );
    expect(callable('tisdag 1 december kl. 9.30, 753 20 Uppsala')).toBe('tisdag 1 december kl. 9.30, 753 20 Uppsala');
  });
});

describe('the same words twice in a row', () => {
  it('are said once: a search made broader twice says «nothing fits» once', () => {
    const nothing: Reply = { parts: [t('time.noSlotsForWish')] };
    const rendered = renderReplies([nothing, { parts: [t('time.noSlotsForWish')] }, menu, nothing], ctx('webchat'));
    expect(rendered.map((a) => a.text?.slice(0, 20))).toEqual([
      'Jag hittar inga ledi',
      'Vad vill du göra?',
      'Jag hittar inga ledi',
    ]);
  });
});

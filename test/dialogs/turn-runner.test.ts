import { beforeAll, describe, expect, it } from 'vitest';
import type { BookingEffects } from '../../booking/effects.js';
import { runTurn, type ConversationData, type TurnDeps } from '../../dialogs/turn-runner.js';
import { chartWith } from '../../machines/chart.js';
import { CHART_VERSION } from '../../machines/conversation.machine.js';
import { at } from '../support/fixtures.js';
import { summary } from '../support/machines.js';
import { shippedContent, shippedModel } from '../support/tidbok.js';

// The turn runner with the real chart and understanding, and a booking system that
// answers at once: what a persisted conversation becomes, and how a turn is read.

const content = shippedContent();
const effects: BookingEffects = {
  listBookings: () => Promise.resolve([summary()]),
  cancelBooking: () => Promise.resolve({ ok: true, value: summary() }),
  findSlots: () => Promise.resolve({ ok: true, value: { slots: [], alternatives: [] } }),
  commitTime: () => Promise.resolve({ ok: true, value: summary() }),
  listInvitations: () => Promise.resolve([]),
  listOffers: () => Promise.resolve({ offers: [], refusals: [] }),
  listChildren: () => Promise.resolve([]),
};
let deps: TurnDeps;
beforeAll(async () => {
  deps = {
    chart: chartWith(effects, { all: () => content.questionnaires, unitOf: () => undefined }),
    rereads: effects,
    model: await shippedModel(),
    labelOf: (c) => content.texts.render(c.label.key, c.label.params),
    now: at('2026-12-01T09:00'),
    settleTimeoutMs: 2000,
  };
});

const keys = (r: { replies: { parts: { key: string }[] }[] }) => r.replies.flatMap((x) => x.parts.map((p) => p.key));
const say = (data: ConversationData, text: string, patientId = '191212121212') =>
  runTurn(data, { kind: 'message', text }, patientId, deps);

describe('the turn runner', () => {
  it('carries a conversation from turn to turn in its persisted snapshot', async () => {
    // The resident has one booking: it is the one meant, and the confirmation shows it.
    const first = await say({}, 'avboka');
    expect(keys(first)).toContain('cancel.confirm');
    expect(first.data.chart?.version).toBe(CHART_VERSION);
    const second = await say(first.data, 'nej');
    expect(keys(second)).toContain('cancel.kept');
  });

  it('starts a conversation from an older chart over, politely, and then answers the message', async () => {
    const old: ConversationData = {
      patientId: '191212121212',
      chart: { version: CHART_VERSION - 1, snapshot: { status: 'active', value: 'gone' } as never },
    };
    const result = await say(old, 'vilka tider har jag');
    expect(keys(result)).toEqual([
      'session.updated',
      'view.headerOne',
      'booking.summary',
      'booking.shownWith',
      'booking.where',
      'view.changeable',
      'menu.again',
    ]);
  });

  it('starts over, politely, when a stored snapshot no longer fits the chart', async () => {
    const broken: ConversationData = {
      patientId: '191212121212',
      chart: {
        version: CHART_VERSION,
        snapshot: { status: 'active', value: { nowhere: 'at all' }, context: {}, children: {} } as never,
      },
    };
    const result = await say(broken, 'hej');
    expect(keys(result)[0]).toBe('session.updated');
  });

  it("never continues another resident's errand", async () => {
    const tolvan = await say({}, 'avboka');
    const siv = await say(tolvan.data, '1', '191111111111');
    expect(keys(siv)).not.toContain('cancel.confirm');
  });

  it('forgets the conversation on "logga ut"', async () => {
    const started = await say({}, 'avboka');
    const out = await say({ ...started.data, toldEnglish: true }, 'logga ut');
    expect(keys(out)[0]).toBe('global.logout');
    expect(out.data.toldEnglish).toBeUndefined();
    expect((out.data.chart?.snapshot as { value?: unknown }).value).toBe('menu');
  });
});

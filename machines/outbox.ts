import type { Rejection } from '../booking/rejections.js';
import { choice, NO, t, YES, type Choice, type Reply, type TextRef } from './reply.js';
import type { ReasonRequirement } from '../booking/types.js';
import type { BookingSummary, SlotSummary } from './ports.js';

// Small pure helpers shared by the machines: the outbox of replies, and the text
// references for bookings, slots and refusals.

export interface WithOutbox {
  outbox: Reply[];
}

export const append = (context: WithOutbox, ...replies: Reply[]): Reply[] => [...context.outbox, ...replies];

/** An outbox update that says one fixed text, for the many one-line replies. */
export const sayText = (key: string) => ({ context }: { context: WithOutbox }): Reply[] => append(context, { parts: [t(key)] });

export const rejectionText = (rejection: Rejection): TextRef => {
  const { code, ...params } = rejection;
  return t(`booking.rejected.${code}`, params);
};

export const bookingParams = (b: BookingSummary) => ({
  start: b.start, service: b.serviceName, unit: b.unitName, phone: b.unitPhone,
});

/** The booking as a few lines: time, what and where, and who (1177 display rule). */
export const bookingLines = (b: BookingSummary): TextRef[] => [
  t('booking.summary', bookingParams(b)),
  ...(b.shownWith ? [t('booking.shownWith', { name: b.shownWith })] : []),
];

export const bookingChoice = (b: BookingSummary): Choice => choice(b.id, 'choice.booking', { start: b.start, service: b.serviceName });

export const slotChoice = (s: SlotSummary): Choice => choice(s.id, 'choice.slot', { start: s.start });

export const PAGE_SIZE = 4;

/** One page of items, and whether there are more after it. */
export function page<T>(items: readonly T[], offset: number): { shown: T[]; more: boolean } {
  return { shown: items.slice(offset, offset + PAGE_SIZE), more: items.length > offset + PAGE_SIZE };
}

export const MORE = 'more';
export const MENU = 'menu';

export const SKIP = 'skip';

/** The villkorstext to accept before going on, with accept and decline buttons. */
export const termsReply = (termsKey: string): Reply => ({
  parts: [t('terms.intro'), t(termsKey)],
  choices: [choice(YES, 'choice.acceptTerms'), choice(NO, 'choice.declineTerms')],
  expects: 'yesno',
});

/** The question for a reason (information till vården); an optional one can be skipped. */
export const reasonReply = (flow: 'cancel' | 'book', requirement: ReasonRequirement, max: number): Reply => ({
  parts: [t(`${flow}.reason.${requirement}`, { max })],
  choices: requirement === 'optional' ? [choice(SKIP, 'choice.skipReason')] : [],
  expects: 'text',
});

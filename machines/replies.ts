import { sendParent, type ActionArgs, type EventObject, type MachineContext, type ParameterizedObject } from 'xstate';
import type { Rejection } from '../booking/rejections.js';
import type { ReasonRequirement } from '../booking/types.js';
import type { BookingSummary, SlotSummary } from '../booking/views.js';
import { choice, NO, t, YES, type Choice, type Reply, type TextRef } from './reply.js';

// How a flow speaks: it sends what it says to the conversation chart (its parent), which
// emits it to the turn runner. And the text references for bookings, slots and refusals
// that several flows share.

/** A flow's message to the conversation chart. */
export type FlowEvent =
  /** Replies for the resident */
  | { type: 'flow.said'; replies: Reply[] }
  /** The resident has done something that would be lost by switching away (a time chosen, terms accepted, answers given) */
  | { type: 'flow.progress' };

/**
 * The actions a flow speaks with, typed for its context and events: replies built from
 * what it knows, one fixed text, and progress.
 */
type Params = ParameterizedObject['params'] | undefined;

export function speaker<C extends MachineContext, E extends EventObject>() {
  const send = (build: (args: ActionArgs<C, E, E>) => FlowEvent) =>
    sendParent<C, E, undefined, FlowEvent, E>((args) => build(args));
  return {
    say: (build: (args: ActionArgs<C, E, E>) => Reply[]) =>
      send((args) => ({ type: 'flow.said', replies: build(args) })),
    /** Replies built also from the action's params, e.g. `{ type: 'say', params: { key: '…' } }` */
    sayWith: <P extends Params>(build: (args: ActionArgs<C, E, E>, params: P) => Reply[]) =>
      sendParent<C, E, P, FlowEvent, E>((args, params) => ({ type: 'flow.said', replies: build(args, params) })),
    text: (key: string) => send(() => ({ type: 'flow.said', replies: [{ parts: [t(key)] }] })),
    progress: () => send(() => ({ type: 'flow.progress' })),
  };
}

export const rejectionText = (rejection: Rejection): TextRef => {
  const { code, ...params } = rejection;
  return t(`booking.rejected.${code}`, params);
};

export const bookingParams = (b: BookingSummary) => ({
  start: b.start,
  service: b.serviceName,
  unit: b.unitName,
  phone: b.unitPhone,
});

/** How to find and reach the unit: its address and phone, or the phone alone. */
export const placeLine = (address: string | undefined, phone: string): TextRef =>
  address ? t('booking.where', { address, phone }) : t('booking.phone', { phone });

/** The booking as a few lines: time, what and where, who (1177 display rule), address and phone. */
export const bookingLines = (b: BookingSummary): TextRef[] => [
  t('booking.summary', bookingParams(b)),
  ...(b.shownWith ? [t('booking.shownWith', { name: b.shownWith })] : []),
  placeLine(b.unitAddress, b.unitPhone),
];

export const bookingChoice = (b: BookingSummary): Choice =>
  choice(b.id, 'choice.booking', { start: b.start, service: b.serviceName });

/** A free time as a button; with whom, when the times on offer are with different people. */
export const slotChoice = (s: SlotSummary, withWhom = false): Choice =>
  withWhom && s.performer
    ? choice(s.id, 'choice.slotWith', { start: s.start, performer: s.performer })
    : choice(s.id, 'choice.slot', { start: s.start });

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
  help: 'help.terms',
});

/** The question for a reason (information till vården); an optional one can be skipped. */
export const reasonReply = (flow: 'cancel' | 'book', requirement: ReasonRequirement, max: number): Reply => ({
  parts: [t(`${flow}.reason.${requirement}`, { max })],
  choices: requirement === 'optional' ? [choice(SKIP, 'choice.skipReason')] : [],
  expects: 'text',
  help: flow === 'book' ? 'help.reasonBook' : 'help.reasonCancel',
});

/** The text a free-text answer carries. */
export const textOf = (e: { type: string; text?: string }) =>
  e.type === 'user.text' || e.type === 'user.said' ? (e.text ?? '').trim() : '';

import { must } from '../booking/invariant.js';
import type { TimeTarget } from '../booking/effects.js';
import type { OtherBooking } from './check-existing.machine.js';
import type { Alternative, BookingSummary, FoundSlots, SlotSummary } from '../booking/views.js';
import { bookingParams, MORE, page, placeLine, rejectionText, slotChoice } from './replies.js';
import { choice, NO, t, YES, type Reply, type TextParams } from './reply.js';
import { DAY, DAYS, DAYS_PER_PAGE, FIRST, freeDays, MORE_DAYS, shownSlots } from './choose-time.days.js';

// What choosing a time says: the offer of free times, the question for another day, no
// times (with other units), the confirmation and the result. Texts differ between
// moving a booking and making a new one.

/** What the replies need to know of the time being chosen. */
export interface TimeChoice {
  /** Whose time it is (the resident, or the child acted for) */
  patientId: string;
  target: TimeTarget;
  service: string;
  unit: string;
  phone: string;
  address?: string;
  slots: SlotSummary[];
  alternatives: Alternative[];
  outside?: FoundSlots['outside'];
  offset: number;
  chosen?: SlotSummary;
  replacing?: BookingSummary;
  /** The performer whose times are shown first (the same as before, when rebooking) */
  performer?: string;
  /** Times with anyone are shown */
  everyone: boolean;
  others?: OtherBooking[];
  /** What the resident wrote to the unit, shown before the yes */
  reasonText?: string;
  /** The child the time is for */
  forName?: string;
}

/** Another booking of the resident's that a time overlaps, if any. */
const overlapping = (c: TimeChoice, slot: SlotSummary) =>
  (c.others ?? []).find(
    (o) => Date.parse(o.start) < Date.parse(slot.end) && Date.parse(slot.start) < Date.parse(o.end),
  );

export const OTHER_DAY = 'other-day';
export const ANY_TIME = 'any-time';
export const KEEP = 'keep';
export const ALT = 'alt:';
export const EVERYONE = 'everyone';

/** Only the preferred performer's times are shown. */
export const withPerformer = (c: TimeChoice): c is TimeChoice & { performer: string } =>
  c.performer !== undefined && !c.everyone;

const flowKey = (c: TimeChoice, name: string) => `${c.target.kind === 'rebook' ? 'rebook' : 'book'}.${name}`;
export const params = (c: TimeChoice): TextParams => ({ service: c.service, unit: c.unit, phone: c.phone });
const keep = (c: TimeChoice) => choice(KEEP, `choice.${flowKey(c, 'stop')}`);

export function offerReply(c: TimeChoice & { day?: string }): Reply {
  const { shown, more } = page(shownSlots(c), c.offset);
  const header = withPerformer(c)
    ? t('time.offerWith', { ...params(c), performer: c.performer })
    : t(c.offset === 0 ? 'time.offer' : 'time.offerMore', params(c));
  return {
    parts: [header],
    choices: [
      ...shown.map((s) => slotChoice(s, c.everyone || new Set(shown.map((x) => x.performer)).size > 1)),
      ...(more ? [choice(MORE, 'choice.laterTimes')] : []),
      ...(withPerformer(c) ? [choice(EVERYONE, 'choice.everyone')] : []),
      ...(c.day !== undefined ? [choice(DAYS, 'choice.otherDays')] : []),
      choice(OTHER_DAY, 'choice.otherDay'),
      keep(c),
    ],
    expects: 'choice',
  };
}

export const wishReply = (c: TimeChoice): Reply => ({
  parts: [t('time.askWish')],
  choices: [choice(ANY_TIME, 'choice.anyTime'), keep(c)],
  expects: 'free',
});

export const nothingForWishReply = (c: TimeChoice): Reply => ({
  parts: c.outside ? [rejectionText(c.outside), t('time.nearest')] : [t('time.noSlotsForWish', params(c))],
});

export const noSlotsReply = (c: TimeChoice): Reply => ({
  parts: [t('time.noSlots', params(c)), ...(c.alternatives.length > 0 ? [t('time.alternatives')] : [])],
  choices: [
    ...c.alternatives.map((a) =>
      choice(ALT + a.careServiceId, 'choice.alternative', { unit: a.unitName, start: a.firstStart }),
    ),
    keep(c),
  ],
  expects: 'choice',
});

export function confirmReply(c: TimeChoice): Reply {
  const chosen = must(c.chosen, 'the time chosen');
  // A new time with someone else is said by name before the resident says yes.
  const before = c.replacing?.names.performer;
  const other = before && chosen.performer && chosen.performer !== before;
  const clash = overlapping(c, chosen);
  return {
    parts: [
      t(flowKey(c, 'confirm'), { ...params(c), start: c.replacing?.start ?? chosen.start, newStart: chosen.start }),
      ...(c.forName ? [t('child.for', { name: c.forName })] : []),
      ...(other ? [t('rebook.otherPerformer', { before, after: chosen.performer ?? '' })] : []),
      ...(clash ? [t('time.overlap', { start: clash.start, service: clash.serviceName })] : []),
      ...(c.reasonText ? [t('time.reasonGiven', { reason: c.reasonText })] : []),
      ...(chosen.closedWithin !== undefined
        ? [t('time.closedAfter', { ...params(c), hours: chosen.closedWithin })]
        : []),
      placeLine(c.address, c.phone),
    ],
    choices: [choice(YES, `choice.${flowKey(c, 'yes')}`), choice(NO, 'choice.noOtherTime')],
    expects: 'yesno',
    help: 'help.confirmTime',
    card: 'booking',
  };
}

export const stoppedReply = (c: TimeChoice): Reply => ({
  parts: [t(flowKey(c, 'stopped'), { ...params(c), start: c.replacing?.start ?? '' })],
});

/** The confirmation of what was booked, and what to bring. */
export function doneReplies(c: TimeChoice, b: BookingSummary): Reply[] {
  const done: Reply = {
    parts: [
      t(flowKey(c, 'done'), bookingParams(b)),
      ...(c.forName ? [t('child.for', { name: c.forName })] : []),
      placeLine(b.unitAddress, b.unitPhone),
    ],
    card: 'confirmation',
    calendar: { bookingId: b.id, patientId: c.patientId },
  };
  return [done, ...(b.instructionsKey ? [{ parts: [t('book.instructions'), t(b.instructionsKey)] }] : [])];
}

/** The days with free times, a few at a time, and the first free time. */
export function overviewReply(c: TimeChoice & { dayOffset: number; more?: { from: string }; paged?: boolean }): Reply {
  const days = freeDays(c.slots);
  const shown = days.slice(c.dayOffset, c.dayOffset + DAYS_PER_PAGE);
  const first = c.slots[0];
  const header = withPerformer(c)
    ? t('time.daysWith', { ...params(c), performer: c.performer })
    : t('time.days', params(c));
  return {
    parts: [header],
    choices: [
      ...(first && c.dayOffset === 0 && !c.paged ? [choice(FIRST, 'choice.firstFree', { start: first.start })] : []),
      ...shown.map((d) => choice(DAY + d.date, 'choice.day', { date: d.date, count: d.count })),
      ...(days.length > c.dayOffset + DAYS_PER_PAGE || c.more ? [choice(MORE_DAYS, 'choice.moreDays')] : []),
      ...(withPerformer(c) ? [choice(EVERYONE, 'choice.everyone')] : []),
      choice(OTHER_DAY, 'choice.otherDay'),
      keep(c),
    ],
    expects: 'choice',
  };
}

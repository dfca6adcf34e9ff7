import type { TimeTarget } from '../booking/effects.js';
import type { Rejection } from '../booking/rejections.js';
import { addWish, type TimeWish } from '../booking/slot-filter.js';
import type { ReasonRequirement } from '../booking/types.js';
import type { Alternative, BookingSummary, FoundSlots, Outcome, SlotSummary } from '../booking/views.js';
import { performerIn } from './booking-naming.js';
import type { OtherBooking } from './check-existing.machine.js';
import { hasWish, type Understanding, type UserEvent } from './events.js';
import { must } from '../booking/invariant.js';
import { ALT } from './choose-time.replies.js';
import type { Searched } from './stored-context.js';

// What choosing a time is given, keeps and gives back; and who the resident wants the time with.

export interface ChooseTimeInput {
  patientId: string;
  target: TimeTarget;
  /** The kind of care booked, to see whether the resident already has it booked */
  careServiceId: string;
  /** The resident's other bookings: a new time that overlaps one is pointed out before the yes */
  others?: OtherBooking[];
  termsAccepted: boolean;
  wish?: TimeWish;
  service: string;
  unit: string;
  phone: string;
  address?: string;
  reason: ReasonRequirement;
  reasonMaxLength: number;
  /** The booking being moved, when rebooking */
  replacing?: BookingSummary;
  /** Whose times to show first: the same performer as before, when rebooking */
  performer?: string;
  /** The child the time is for, named in the confirmation (ombud) */
  forName?: string;
}

export type ChooseTimeOutput = { outcome: 'booked' | 'kept' | 'refused'; booking?: BookingSummary };

export interface Context extends ChooseTimeInput {
  wish: TimeWish;
  /** The day chosen in the overview of free days, whose times are shown */
  day?: string;
  /** Where the overview of free days is */
  dayOffset: number;
  /** Times with anyone are shown, not only the preferred performer's */
  everyone: boolean;
  /** Everyone whose free times have been found, to know a name when the resident says one */
  performers: string[];
  slots: SlotSummary[];
  /** The terms of the search that found `slots`: stored in their place (stored-context.ts) */
  searched?: Searched;
  alternatives: Alternative[];
  /** Why the last search found nothing, when a rule says so */
  outside?: FoundSlots['outside'];
  /** The next search brings the next days («Fler dagar»), not the first free times */
  paging?: boolean;
  /** The times found are a later page of days: the first of them is not the first free time */
  paged?: boolean;
  /** The last search held only the first free times: where the next one starts */
  more?: FoundSlots['more'];
  offset: number;
  chosen?: SlotSummary;
  reasonText?: string;
  result?: ChooseTimeOutput;
  /** Why the booking system refused the last search or write */
  refusal?: Rejection;
}

/**
 * Who the resident wants the time with: «vem som helst» (any), «samma läkare» (the one
 * before), or a performer of the times on offer named («helst hos Anna Berg»).
 */
type Who = { anyone: true } | { anyone: false; performer: string };

export function whoSaid(c: Context, u: Understanding): Who | undefined {
  if (u.performer === 'any') return { anyone: true };
  const before = c.replacing?.names.performer;
  const named = u.performer === 'same' ? before : performerIn([...c.performers, ...(before ? [before] : [])], u);
  return named ? { anyone: false, performer: named } : undefined;
}

/** What a search found, taken in: the times, everyone they are with, and the days afresh. */
export const found = (c: Context, result: FoundSlots): Partial<Context> => ({
  slots: result.slots,
  searched: { target: c.target, wish: c.wish },
  paged: c.paging === true,
  paging: undefined,
  performers: [...new Set([...c.performers, ...result.slots.flatMap((s) => (s.performer ? [s.performer] : []))])],
  alternatives: result.alternatives,
  outside: result.outside,
  more: result.more,
  offset: 0,
  day: undefined,
  dayOffset: 0,
});

/**
 * A wish said while one day's times are shown keeps to that day unless it names another:
 * «kl 9 funkar» is nine o'clock on the day on screen.
 */
export function nextWish(c: Pick<Context, 'wish' | 'day'>, said: TimeWish): TimeWish {
  const namesDay = said.dateFrom !== undefined || said.dateTo !== undefined || said.weekday !== undefined;
  const onDay = c.day && !namesDay ? { ...said, dateFrom: c.day, dateTo: c.day } : said;
  return addWish(c.wish, onDay);
}

/** Whom the resident wants the time with, and any time said along: the next search's terms. */
export function withWho(c: Context, u: Understanding): Partial<Context> {
  const who = whoSaid(c, u);
  const wish = hasWish(u) ? nextWish(c, u.wish) : c.wish;
  return !who || who.anyone
    ? { everyone: true, wish, offset: 0 }
    : { performer: who.performer, everyone: false, wish, offset: 0 };
}

/** Only the preferred performer's times of those found are kept. */
export const preferredOnly = (c: Context): Partial<Context> => ({
  slots: c.slots.filter((s) => s.performer === c.performer),
  searched: c.searched && { ...c.searched, preferred: c.performer },
});

export const isChoice = (e: UserEvent, value: string) => e.type === 'user.chose' && e.value === value;
export const refusalOf = (o: Outcome<unknown>): Rejection | undefined => (o.ok ? undefined : o.rejection);

/** The search switched to another unit's same care service, chosen among the alternatives. */
export function toAlternative(context: Context, event: UserEvent): Partial<Context> {
  const alt = must(
    context.alternatives.find((a) => event.type === 'user.chose' && ALT + a.careServiceId === event.value),
    'the alternative chosen',
  );
  return {
    target: {
      kind: 'open' as const,
      careServiceId: alt.careServiceId,
      viaGuide: context.target.kind === 'open' && context.target.viaGuide,
    },
    unit: alt.unitName,
    phone: alt.unitPhone,
    address: alt.unitAddress,
    wish: {},
    offset: 0,
  };
}

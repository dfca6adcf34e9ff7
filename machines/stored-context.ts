import type { BookingEffects, FindSlotsInput, TimeTarget } from '../booking/effects.js';
import type { TimeWish } from '../booking/slot-filter.js';
import type { BookingSummary, FoundSlots, InvitationSummary, OfferSummary, Offers, Outcome } from '../booking/views.js';
import type { OtherBooking } from './check-existing.machine.js';

// What a stored conversation keeps of each flow's context: what the resident has said and
// where they are (a cursor), never what the tidbok can give again. The resident's bookings,
// the offers, the invitations and the free times a flow has read are dropped when the
// conversation is stored and read again when it is restored, with the same question as
// before; lists shown as buttons are kept as the ids they list. Restored on an unchanged
// tidbok, a context is the one that was stored. A booking that is gone since makes the
// conversation start over (RestoreStale); a booking system that does not answer leaves the
// stored conversation as it was.

type Ctx = Record<string, unknown>;

/** The reads a restore may make: the flows' own effects. */
export type Rereads = Pick<BookingEffects, 'listBookings' | 'findSlots' | 'listOffers' | 'listInvitations'>;

/** What was stored in place of what the tidbok gives again. */
interface Dropped {
  /** The resident's other bookings (a time's `others`) */
  others?: true;
  /** The id of the booking being moved (a time's `replacing`) */
  replacing?: string;
  /** The free times of the last search, which `searched` describes */
  slots?: true;
  /** Ids of a list kept as ids: field name → ids */
  ids?: Record<string, string[]>;
}

/** Something the stored conversation pointed at is gone from the tidbok. */
export class RestoreStale extends Error {
  constructor(what: string) {
    super(`Stored conversation refers to ${what}, which is no longer there`);
    this.name = 'RestoreStale';
  }
}

/** The terms of a time search whose result a context holds: restoring it searches again alike. */
export interface Searched {
  target: TimeTarget;
  wish: TimeWish;
  /** Only this performer's times were kept of what was found */
  preferred?: string;
}

/** One restore's reads: each question asked of the tidbok once. */
class Reader {
  private readonly memo = new Map<string, Promise<unknown>>();
  constructor(private readonly io: Rereads) {}

  private once<T>(key: string, read: () => Promise<T>): Promise<T> {
    let found = this.memo.get(key) as Promise<T> | undefined;
    if (!found) this.memo.set(key, (found = read()));
    return found;
  }

  bookings = (patientId: string): Promise<BookingSummary[]> =>
    this.once(`b:${patientId}`, () => this.io.listBookings({ patientId }));
  offers = (patientId: string, viaGuide: boolean): Promise<Offers> =>
    this.once(`o:${patientId}:${String(viaGuide)}`, () => this.io.listOffers({ patientId, viaGuide }));
  invitations = (patientId: string): Promise<InvitationSummary[]> =>
    this.once(`i:${patientId}`, () => this.io.listInvitations({ patientId }));
  slots = (input: FindSlotsInput): Promise<Outcome<FoundSlots>> =>
    this.once(`s:${JSON.stringify(input)}`, () => this.io.findSlots(input));
}

interface Keeper {
  drop(c: Ctx): Ctx;
  restore(c: Ctx, read: Reader): Promise<Ctx>;
}

const patientOf = (c: Ctx) => c.patientId as string;
const droppedOf = (c: Ctx) => (c.dropped ?? {}) as Dropped;
/** The context with `fields` left out and what was dropped noted. */
function without(c: Ctx, fields: readonly string[], dropped: Dropped): Ctx {
  return { ...Object.fromEntries(Object.entries(c).filter(([k]) => !fields.includes(k))), dropped };
}
function restored(c: Ctx, fields: Ctx): Ctx {
  const whole: Ctx = { ...c, ...fields };
  delete whole.dropped;
  return whole;
}

/** A list of records kept as the ids it lists, and found again among the records read. */
function byIds<T>(all: readonly T[], ids: readonly string[], idOf: (x: T) => string, what: string): T[] {
  return ids.map((id) => {
    const found = all.find((x) => idOf(x) === id);
    if (!found) throw new RestoreStale(`${what} ${id}`);
    return found;
  });
}

const toOther = (b: BookingSummary): OtherBooking => ({ start: b.start, end: b.end, serviceName: b.serviceName });
const movedId = (c: Ctx) => {
  const target = c.target as TimeTarget | undefined;
  return target?.kind === 'rebook' ? target.bookingId : undefined;
};

/** What a time is for (ChooseTimeInput): the other bookings and the one being moved are read again. */
const timeInput: Keeper = {
  drop(c) {
    const replacing = c.replacing as BookingSummary | undefined;
    const dropped: Dropped = {
      ...droppedOf(c),
      ...(Array.isArray(c.others) ? { others: true as const } : {}),
      ...(replacing ? { replacing: replacing.id } : {}),
    };
    return without(c, [...(dropped.others ? ['others'] : []), ...(replacing ? ['replacing'] : [])], dropped);
  },
  async restore(c, read) {
    const { others, replacing } = droppedOf(c);
    if (!others && !replacing) return c;
    const bookings = await read.bookings(patientOf(c));
    const moved = movedId(c);
    return {
      ...c,
      ...(others ? { others: bookings.filter((b) => b.id !== moved).map(toOther) } : {}),
      ...(replacing ? { replacing: byIds(bookings, [replacing], (b) => b.id, 'the booking being moved')[0] } : {}),
    };
  },
};

/** Choosing a time: what it is for as above, and the free times found by searching again alike. */
const chooseTime: Keeper = {
  drop(c) {
    const hasSlots = Array.isArray(c.slots) && c.slots.length > 0 && c.searched !== undefined;
    const time = timeInput.drop(c);
    if (!hasSlots) return time;
    return without(time, ['slots'], { ...droppedOf(time), slots: true });
  },
  async restore(c, read) {
    const time = await timeInput.restore(c, read);
    if (!droppedOf(c).slots) return restored(time, {});
    const searched = time.searched as Searched;
    const found = await read.slots({ patientId: patientOf(c), target: searched.target, wish: searched.wish });
    if (!found.ok) throw new RestoreStale('free times that can no longer be searched');
    const slots = searched.preferred
      ? found.value.slots.filter((s) => s.performer === searched.preferred)
      : found.value.slots;
    return restored(time, { slots });
  },
};

const bookingList: Keeper = {
  drop: (c) => without(c, ['bookings'], {}),
  restore: async (c, read) => restored(c, { bookings: await read.bookings(patientOf(c)) }),
};

const offerId = (o: OfferSummary) => o.careServiceId;
const chooseService: Keeper = {
  drop: (c) =>
    without(c, ['offers', 'refusals', 'candidates'], {
      ids: { candidates: (c.candidates as OfferSummary[]).map(offerId) },
    }),
  async restore(c, read) {
    const { offers, refusals } = await read.offers(patientOf(c), (c.viaGuide as boolean | undefined) ?? false);
    const ids = droppedOf(c).ids?.candidates ?? [];
    return restored(c, { offers, refusals, candidates: byIds(offers, ids, offerId, 'the care service') });
  },
};

const invitationId = (i: InvitationSummary) => i.id;
const chooseInvitation: Keeper = {
  drop: (c) =>
    without(c, ['invitations', 'listed'], {
      ids: { listed: (c.listed as InvitationSummary[]).map(invitationId) },
    }),
  async restore(c, read) {
    const invitations = await read.invitations(patientOf(c));
    const ids = droppedOf(c).ids?.listed ?? [];
    return restored(c, { invitations, listed: byIds(invitations, ids, invitationId, 'the invitation') });
  },
};

/** The root: what a time is for, kept while a flow chooses it, as ChooseTimeInput above. */
const conversation: Keeper = {
  drop(c) {
    if (!c.time) return c;
    return { ...c, time: timeInput.drop(c.time as Ctx) };
  },
  async restore(c, read) {
    if (!c.time) return c;
    return { ...c, time: restored(await timeInput.restore(c.time as Ctx, read), {}) };
  },
};

/** Keepers by the name each flow is invoked by (the `src` of a stored child). */
const KEEPERS: Record<string, Keeper> = {
  pickBooking: bookingList,
  checkExisting: bookingList,
  chooseTime,
  chooseService,
  chooseInvitation,
};

interface StoredNode {
  context?: unknown;
  children?: Record<string, { src?: unknown; snapshot?: StoredNode } | undefined>;
}

/** Each stored flow of the chart (the root first, then its children, depth first) with its keeper. */
function* flows(node: StoredNode, keeper: Keeper | undefined): Generator<{ node: StoredNode; keeper?: Keeper }> {
  yield { node, keeper };
  for (const child of Object.values(node.children ?? {}))
    if (child?.snapshot && typeof child.src === 'string') yield* flows(child.snapshot, KEEPERS[child.src]);
}

/** A deep enough copy of the chart's nodes (contexts are replaced, never changed in place). */
function copied(node: StoredNode): StoredNode {
  if (!node.children) return { ...node };
  const children: NonNullable<StoredNode['children']> = {};
  for (const [id, child] of Object.entries(node.children))
    children[id] = child?.snapshot ? { ...child, snapshot: copied(child.snapshot) } : child;
  return { ...node, children };
}

/** The persisted chart as stored: without what the tidbok gives again. */
export function compactSnapshot<S>(snapshot: S): S {
  const root = copied(snapshot as StoredNode);
  for (const { node, keeper } of flows(root, conversation))
    if (keeper && node.context) node.context = keeper.drop(node.context as Ctx);
  return root as S;
}

/** The stored chart made whole again by reading the tidbok; throws RestoreStale or the read's own error. */
export async function expandSnapshot<S>(snapshot: S, io: Rereads): Promise<S> {
  const read = new Reader(io);
  const root = copied(snapshot as StoredNode);
  for (const { node, keeper } of flows(root, conversation))
    if (keeper && node.context) node.context = await keeper.restore(node.context as Ctx, read);
  return root as S;
}

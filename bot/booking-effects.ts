import { AsyncLocalStorage } from 'node:async_hooks';
import { bookingEffects, type BookingEffects } from '../booking/effects.js';
import type { BookingService } from '../booking/booking-service.js';
import type { Clock } from './clock.js';

// The conversation's effects for this process: the booking contract over the booking
// service, reading the bot's clock at the moment each runs, and giving up after a
// timeout, so a slow booking system becomes a polite apology and never a hanging
// conversation. Every write carries an idempotency key made of the conversation and
// the question being answered: a turn that runs again (after a crash before its state
// was saved, or in a second process) finds its own earlier write and reports it.

export class BookingSystemTimeout extends Error {
  constructor(ms: number) {
    super(`The booking system did not answer within ${ms} ms`);
    this.name = 'BookingSystemTimeout';
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new BookingSystemTimeout(ms)), ms)),
  );
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Every effect of `effects`, each limited to `ms`. */
export function withTimeouts(effects: BookingEffects, ms: number): BookingEffects {
  const limited = {} as Record<keyof BookingEffects, (input: never) => Promise<unknown>>;
  for (const [name, run] of Object.entries(effects) as [keyof BookingEffects, (input: never) => Promise<unknown>][]) {
    limited[name] = (input) => withTimeout(run(input), ms);
  }
  return limited as unknown as BookingEffects;
}

interface WriteScope {
  /** The conversation and the number of the question the turn answers */
  turnKey: string;
  writes: number;
}

const scope = new AsyncLocalStorage<WriteScope>();

/** Runs one turn so that the writes it makes carry keys derived from `turnKey`. */
export const inWriteScope = <T>(turnKey: string, turn: () => Promise<T>): Promise<T> =>
  scope.run({ turnKey, writes: 0 }, turn);

/** The key of the next write in this turn; the same on every run of the same turn. */
function nextWriteKey(kind: string): string | undefined {
  const current = scope.getStore();
  if (!current) return undefined;
  current.writes += 1;
  return `${current.turnKey}#${kind}#${current.writes}`;
}

/** The effects with an idempotency key on every write. */
export function withWriteKeys(effects: BookingEffects): BookingEffects {
  return {
    ...effects,
    cancelBooking: (input) => effects.cancelBooking({ ...input, writeKey: nextWriteKey('cancel') }),
    commitTime: (input) => effects.commitTime({ ...input, writeKey: nextWriteKey('commit') }),
  };
}

export const timedBookingEffects = (service: BookingService, clock: Clock, ms: number): BookingEffects =>
  withWriteKeys(
    withTimeouts(
      bookingEffects(service, () => clock.now()),
      ms,
    ),
  );

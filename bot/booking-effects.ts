import { bookingEffects, type BookingEffects } from '../booking/effects.js';
import type { BookingService } from '../booking/booking-service.js';
import type { Clock } from './clock.js';

// The conversation's effects for this process: the booking contract over the booking
// service, reading the bot's clock at the moment each runs, and giving up after a
// timeout, so a slow booking system becomes a polite apology and never a hanging
// conversation.

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

export const timedBookingEffects = (service: BookingService, clock: Clock, ms: number): BookingEffects =>
  withTimeouts(
    bookingEffects(service, () => clock.now()),
    ms,
  );

import { DateTime } from 'luxon';
import { ZONE } from '../booking/time.js';

// The bot's notion of now. Normally the system clock; for demos and tests it can be set
// to a local time (Europe/Stockholm), from which it keeps running.

export class Clock {
  private offsetMs = 0;

  constructor(start?: string) {
    if (start) this.set(start);
  }

  now(): DateTime {
    return DateTime.fromMillis(Date.now() + this.offsetMs, { zone: ZONE });
  }

  /** Sets the clock to a local time such as 2026-12-01T09:00; returns false if it is not one. */
  set(local: string): boolean {
    const target = DateTime.fromISO(local, { zone: ZONE });
    if (!target.isValid) return false;
    this.offsetMs = target.toMillis() - Date.now();
    return true;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}

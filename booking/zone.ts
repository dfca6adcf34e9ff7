import { IANAZone, Zone } from 'luxon';

// The time zone every local time in the system is in, with its UTC offsets remembered.
// Luxon asks the zone for the offset of an instant several times in every date operation,
// and an IANA zone answers by formatting the instant with Intl each time, the most costly
// part of a turn's date handling. A zone's offset changes only at its transitions, which
// for Europe/Stockholm (and every zone in use since 1970) fall on a whole quarter of an
// hour, so the offset of each quarter hour is worked out once and then looked up.

const QUARTER_HOUR_MS = 15 * 60_000;
/** Quarter hours remembered before the memory starts over: about four years' worth. */
const REMEMBERED = 150_000;

export class RememberingZone extends Zone {
  private readonly zone: IANAZone;
  private readonly offsets = new Map<number, number>();

  constructor(name: string) {
    super();
    this.zone = IANAZone.create(name);
    if (!this.zone.isValid) throw new Error(`Unknown time zone: ${name}`);
  }

  override get type(): string {
    return this.zone.type;
  }
  override get name(): string {
    return this.zone.name;
  }
  get ianaName(): string {
    return this.zone.name;
  }
  override get isUniversal(): boolean {
    return false;
  }
  override get isValid(): boolean {
    return true;
  }
  override offsetName(ts: number, opts: Parameters<Zone['offsetName']>[1]): string | null {
    return this.zone.offsetName(ts, opts);
  }
  override formatOffset(ts: number, format: Parameters<Zone['formatOffset']>[1]): string {
    return this.zone.formatOffset(ts, format);
  }
  override offset(ts: number): number {
    const quarter = Math.floor(ts / QUARTER_HOUR_MS);
    let known = this.offsets.get(quarter);
    if (known === undefined) {
      known = this.zone.offset(ts);
      if (Number.isNaN(known)) return known;
      if (this.offsets.size >= REMEMBERED) this.offsets.clear();
      this.offsets.set(quarter, known);
    }
    return known;
  }
  override equals(other: Zone): boolean {
    return other.type === this.type && other.name === this.name;
  }
}

/** Europe/Stockholm, where every local time of the system is. */
export const STOCKHOLM: Zone = new RememberingZone('Europe/Stockholm');

import type { DateTime } from 'luxon';
import { EmbeddedTidbok } from './embedded-tidbok.js';
import { isSeeded } from './schema.js';
import { seed, type SeedData } from './seed.js';

export interface OpenedTidbok {
  tidbok: EmbeddedTidbok;
  /** True when this call filled an empty database with the demo data. */
  seededNow: boolean;
}

/** Opens the embedded tidbok in a file, seeding it from the demo data on first use. */
export function openTidbok(file: string, demo: SeedData, now: DateTime): OpenedTidbok {
  const tidbok = new EmbeddedTidbok(file);
  if (isSeeded(tidbok.db)) return { tidbok, seededNow: false };
  seed(tidbok.db, demo, now);
  return { tidbok, seededNow: true };
}

/** Empties the tidbok and seeds it again as of `now`. */
export function resetTidbok(tidbok: EmbeddedTidbok, demo: SeedData, now: DateTime): void {
  seed(tidbok.db, demo, now);
}

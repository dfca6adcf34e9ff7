import { DateTime } from 'luxon';
import { BookingService } from '../booking/booking-service.js';
import type { RulesProvider } from '../booking/catalog.js';
import type { Content } from '../content/load.js';
import { openTidbok } from '../scheduling/open-tidbok.js';
import type { EmbeddedTidbok } from '../scheduling/embedded-tidbok.js';
import type { SeedData } from '../scheduling/seed.js';

/** The demo data from content, in the shape the embedded tidbok is seeded from. */
export const demoSeedOf = (content: Content): SeedData => ({ units: content.units, people: content.people });

export interface Tidbok {
  tidbok: EmbeddedTidbok;
  bookingService: BookingService;
  seededNow: boolean;
}

/** Opens (and on first use seeds) the embedded tidbok and wraps it in the booking service. */
export function startTidbok(
  content: Content,
  file: string,
  now: DateTime = DateTime.now(),
  rulesFor: RulesProvider = content.rulesFor,
): Tidbok {
  const { tidbok, seededNow } = openTidbok(file, demoSeedOf(content), now);
  return { tidbok, seededNow, bookingService: new BookingService(tidbok, rulesFor) };
}

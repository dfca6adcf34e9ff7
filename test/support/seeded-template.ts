import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { EmbeddedTidbok } from '../../scheduling/embedded-tidbok.js';
import { seed } from '../../scheduling/seed.js';
import { shippedContent } from './tidbok.js';

const templates = new Map<string, string>();

/** A tidbok file seeded with the demo data as of a local time, made once per time. */
export function seededTemplate(clock: string): string {
  const known = templates.get(clock);
  if (known) return known;
  const file = join(mkdtempSync(join(tmpdir(), 'tidbok-template-')), 'tidbok.sqlite');
  const tidbok = new EmbeddedTidbok(file);
  const content = shippedContent();
  seed(
    tidbok.db,
    { units: content.units, people: content.people },
    DateTime.fromISO(clock, { zone: 'Europe/Stockholm' }),
  );
  tidbok.db.pragma('wal_checkpoint(TRUNCATE)');
  tidbok.close();
  templates.set(clock, file);
  return file;
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BookingService } from '../../booking/booking-service.js';
import { loadContentOrThrow, type Content } from '../../content/load.js';
import { buildUnderstanding, type UnderstandingModel } from '../../dialogs/understanding-model.js';
import { EmbeddedTidbok } from '../../scheduling/embedded-tidbok.js';
import { seed } from '../../scheduling/seed.js';
import { at } from './fixtures.js';

/** Tuesday 1 December 2026, 9.00 in Uppsala: the clock every test starts from. */
export const TEST_NOW = at('2026-12-01T09:00');
export const TOLVAN = '191212121212';

let content: Content | undefined;
export const shippedContent = (): Content => (content ??= loadContentOrThrow());

let model: Promise<UnderstandingModel> | undefined;
/** The understanding trained on the shipped content (trained once per test file). */
export const shippedModel = (): Promise<UnderstandingModel> => (model ??= buildUnderstanding(shippedContent()));

const open: (() => void)[] = [];

/** Closes and removes every tidbok `freshTidbok` made (for afterEach). */
export function cleanupTidboks(): void {
  for (const cleanup of open.splice(0)) cleanup();
}

/** A freshly seeded tidbok in a temporary file; `cleanup` (or cleanupTidboks) removes it. */
export function freshTidbok(now = TEST_NOW) {
  const dir = mkdtempSync(join(tmpdir(), 'tidbok-test-'));
  const file = join(dir, 'tidbok.sqlite');
  const tidbok = new EmbeddedTidbok(file);
  const c = shippedContent();
  seed(tidbok.db, { units: c.units, people: c.people }, now);
  const service = new BookingService(tidbok, c.rulesFor);
  let closed = false;
  const cleanup = () => {
    if (closed) return;
    closed = true;
    tidbok.close();
    rmSync(dir, { recursive: true, force: true });
  };
  open.push(cleanup);
  return { file, tidbok, service, content: c, cleanup };
}

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveContent } from '../../bot/live-content.js';
import { CONTENT_DIR, loadContentOrThrow } from '../../content/load.js';
import type { BookingEffects } from '../../booking/effects.js';
import { understand } from '../../dialogs/understand.js';
import { at } from '../support/fixtures.js';

const noActors = {} as BookingEffects;
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  return check();
};

describe('content reloaded while the bot runs (npm run dev)', () => {
  it('takes a valid change at once and keeps the old content when a change is invalid', async () => {
    dir = mkdtempSync(join(tmpdir(), 'live-'));
    cpSync(CONTENT_DIR, dir, { recursive: true });
    const live = await LiveContent.create(loadContentOrThrow(dir), noActors);
    const log: string[] = [];
    const watchers = live.watch(dir, (m) => log.push(m));
    const file = join(dir, 'texter.yaml');
    const original = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, original.replace('  plain: Vad vill du göra?', '  plain: Vad vill du göra nu?'));
      expect(await until(() => live.texts.template('menu.plain') === 'Vad vill du göra nu?')).toBe(true);
      writeFileSync(file, original.replace('  plain: Vad vill du göra?', '  plain: Vad vill du {göra}?'));
      expect(await until(() => log.some((m) => m.includes('laddades inte om')))).toBe(true);
      expect(live.texts.template('menu.plain')).toBe('Vad vill du göra nu?');
      expect(log.find((m) => m.includes('laddades inte om'))).toContain('texter.yaml:');
    } finally {
      watchers.forEach((w) => w.close());
    }
  });

  it('retrains the understanding when an editor adds an example', async () => {
    dir = mkdtempSync(join(tmpdir(), 'live-'));
    cpSync(CONTENT_DIR, dir, { recursive: true });
    const live = await LiveContent.create(loadContentOrThrow(dir), noActors);
    const phrase = 'skrivbordsfläkt zebrarandig';
    const before = await understand(phrase, at('2026-12-01T09:00'), live.model);
    expect(before.intent).not.toBe('ask-cost');
    const watchers = live.watch(dir, () => undefined);
    const file = join(dir, 'exempel.yaml');
    try {
      const original = readFileSync(file, 'utf8');
      writeFileSync(
        file,
        original.replace(
          '  ask-cost:\n',
          `  ask-cost:\n    - ${phrase}\n    - ${phrase} igen\n    - zebrarandig skrivbordsfläkt\n`,
        ),
      );
      const model = live.model;
      expect(await until(() => live.model !== model)).toBe(true);
      expect((await understand(phrase, at('2026-12-01T09:00'), live.model)).intent).toBe('ask-cost');
    } finally {
      watchers.forEach((w) => w.close());
    }
  });
});

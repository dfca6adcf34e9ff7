import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';

const build = (env: Record<string, string>) => {
  const out = join(mkdtempSync(join(tmpdir(), 'teams-')), 'app.zip');
  execFileSync(process.execPath, ['--import', 'tsx', 'tools/teams-package.cli.ts', out], {
    env: { ...process.env, ...env },
    stdio: 'pipe',
  });
  return unzipSync(readFileSync(out));
};

const pngSize = (bytes: Uint8Array) => {
  const view = Buffer.from(bytes);
  expect(view.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [view.readUInt32BE(16), view.readUInt32BE(20)];
};

describe('the Teams app package', () => {
  it('holds a manifest naming the bot and the two icons Teams requires', () => {
    const files = build({ MicrosoftAppId: '1b2c3d4e-0000-4000-8000-123456789abc' });
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as {
      id: string;
      manifestVersion: string;
      bots: { botId: string; scopes: string[] }[];
      icons: Record<string, string>;
    };
    expect(manifest.id).toBe('1b2c3d4e-0000-4000-8000-123456789abc');
    expect(manifest.bots[0]!.botId).toBe(manifest.id);
    expect(manifest.bots[0]!.scopes).toEqual(['personal']);
    expect(manifest.manifestVersion).toBe('1.17');
    expect(pngSize(files['color.png']!)).toEqual([192, 192]);
    expect(pngSize(files['outline.png']!)).toEqual([32, 32]);
  });

  it('refuses an App ID that is not a GUID', () => {
    expect(() => build({ MicrosoftAppId: 'my-bot' })).toThrow(/must be the bot's App ID/);
  });
});

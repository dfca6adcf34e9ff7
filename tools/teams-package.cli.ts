import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';

// `npm run teams:package`: the Teams app package (manifest.json and the two icons in
// teams/, in a zip) for uploading in Teams or the Teams admin centre. The bot's Microsoft
// App ID comes from MicrosoftAppId (environment or .env).

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLACEHOLDER = '00000000-0000-0000-0000-000000000000';

if (process.env.MicrosoftAppId === undefined) {
  try {
    process.loadEnvFile(join(ROOT, '.env'));
  } catch {
    /* no .env: the environment alone */
  }
}
const appId = process.env.MicrosoftAppId?.trim() || PLACEHOLDER;
if (!GUID.test(appId)) {
  console.error(`MicrosoftAppId must be the bot's App ID (a GUID such as ${PLACEHOLDER}), not "${appId}".`);
  process.exit(1);
}
const out = resolve(process.argv[2] ?? join(ROOT, 'dist', 'teams', 'tidbokschatten-teams.zip'));
const manifest = readFileSync(join(ROOT, 'teams', 'manifest.json'), 'utf8').replaceAll('${MicrosoftAppId}', appId);
JSON.parse(manifest);
mkdirSync(dirname(out), { recursive: true });
const icon = (name: string) => new Uint8Array(readFileSync(join(ROOT, 'teams', name)));
writeFileSync(
  out,
  zipSync({ 'manifest.json': strToU8(manifest), 'color.png': icon('color.png'), 'outline.png': icon('outline.png') }),
);
console.log(`Teams app package written to ${out}`);
if (appId === PLACEHOLDER)
  console.log(
    'Note: MicrosoftAppId is not set, so the package names a placeholder bot. Set it before uploading to Teams.',
  );

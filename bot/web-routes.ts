import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type restify from 'restify';
import { escapeHtml } from '../content/html.js';
import type { Texts } from '../content/texts.js';
import { LOGIN_EVENT, LOGOUT_EVENT } from './booking-bot.js';

// The page at / that hosts Web Chat, with its texts from content, and the Web Chat
// bundle served from the installed package (no CDN).

const WEB_DIR = join(dirname(fileURLToPath(import.meta.url)), 'web');
/** The UMD bundle in the installed botframework-webchat package (its exports hide the path). */
function webchatBundle(): string {
  const candidates = createRequire(import.meta.url).resolve.paths('botframework-webchat') ?? [];
  const found = candidates
    .map((dir) => join(dir, 'botframework-webchat', 'dist', 'webchat.js'))
    .find((file) => existsSync(file));
  if (!found) throw new Error('The botframework-webchat package is not installed: run npm ci');
  return found;
}

const escape = escapeHtml;

export function renderPage(template: string, texts: Texts, demo: boolean): string {
  const config = {
    demo,
    logoutEvent: LOGOUT_EVENT,
    loginEvent: LOGIN_EVENT,
    texts: {
      loggedInAs: texts.template('web.loggedInAs') ?? '',
      notLoggedIn: texts.render('web.notLoggedIn'),
      loggedOut: texts.render('web.loggedOut'),
      loginFailed: texts.render('web.loginFailed'),
    },
  };
  // The note says what this page is: a demo with made-up people, or the real service.
  const key = (name: string) => (name === 'web.note' && !demo ? 'web.productionNote' : name);
  return template
    .replace(/\{\{(web\.[a-zA-Z]+)\}\}/g, (_, name: string) => escape(texts.render(key(name))))
    .replace('{{config}}', JSON.stringify(config).replace(/</g, '\\u003c'));
}

export function registerWebRoutes(server: restify.Server, texts: () => Texts, demo: boolean): void {
  const template = readFileSync(join(WEB_DIR, 'index.html'), 'utf8');
  const assets: Record<string, { file: string; type: string }> = {
    'page.js': { file: join(WEB_DIR, 'page.js'), type: 'text/javascript; charset=utf-8' },
    'page.css': { file: join(WEB_DIR, 'page.css'), type: 'text/css; charset=utf-8' },
    'webchat.js': { file: webchatBundle(), type: 'text/javascript; charset=utf-8' },
  };
  // Assets are read once, and gzipped once for clients that accept it (the Web Chat
  // bundle shrinks from about 3.9 MB to about 1 MB, which matters on a phone).
  const cache = new Map<string, { plain: Buffer; gzipped: Buffer }>();
  server.get('/', async (_req, res) => {
    const html = renderPage(template, texts(), demo);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  });
  server.get('/assets/:name', async (req, res) => {
    const name = (req.params as { name: string }).name;
    const asset = Object.hasOwn(assets, name) ? assets[name] : undefined;
    if (!asset) return void res.send(404, { error: { code: 'NotFound', message: 'No such file.' } });
    let entry = cache.get(asset.file);
    if (!entry) {
      const plain = readFileSync(asset.file);
      cache.set(asset.file, (entry = { plain, gzipped: gzipSync(plain) }));
    }
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const body = gzip ? entry.gzipped : entry.plain;
    res.writeHead(200, {
      'content-type': asset.type,
      'content-length': body.length,
      'cache-control': 'public, max-age=3600',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(body);
  });
}

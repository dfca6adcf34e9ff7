// After `tsc`, the files the compiled bot reads beside its code: the content (YAML and
// its README) and the web page.
import { cpSync } from 'node:fs';

const keep = (path: string) => !path.endsWith('.ts');
cpSync('content', 'dist/content', { recursive: true, filter: keep });
cpSync('bot/web', 'dist/bot/web', { recursive: true });
console.log('Copied content and the web page to dist/.');

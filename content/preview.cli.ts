import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadContent } from './load.js';
import { previewHtml } from './preview.js';
import { formatProblem } from './yaml-source.js';

// `npm run content:preview`: writes an HTML page with every text and every questionnaire.
const out = resolve(process.argv[2] ?? 'content-preview');
const result = loadContent();
if (!result.ok) {
  console.error(`Innehållet har ${result.problems.length} fel, så ingen förhandsgranskning skapades:\n`);
  for (const p of result.problems) console.error(`  ${formatProblem(p)}`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });
const file = join(out, 'index.html');
writeFileSync(file, previewHtml(result.content));
console.log(`Förhandsgranskningen finns i ${file}. Öppna den i en webbläsare.`);

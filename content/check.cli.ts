import { loadContent } from './load.js';
import { formatProblem } from './yaml-source.js';

// `npm run content:check`: every problem in the content, with file, line and column.
const result = loadContent();
if (result.ok) {
  console.log('Innehållet är giltigt: texter, konfiguration och demodata har inga fel.');
} else {
  console.error(`Innehållet har ${result.problems.length} fel:\n`);
  for (const problem of result.problems) console.error(`  ${formatProblem(problem)}`);
  console.error('\nRätta felen och kör `npm run content:check` igen.');
  process.exitCode = 1;
}

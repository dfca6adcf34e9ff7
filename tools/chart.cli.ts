import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chartDocument, diagram } from './chart.js';
import { CHART_FLOWS, conversationMachine } from '../machines/conversation.machine.js';

// npm run chart — writes docs/chart.md, the conversation chart as Mermaid diagrams, and
// the root's diagram into the README between its chart markers.

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CHART_FILE = join(ROOT, 'docs', 'chart.md');
export const README_FILE = join(ROOT, 'README.md');

export const chartText = (): string => chartDocument(conversationMachine, CHART_FLOWS, 'chooseTime');

/** The README with the root's diagram between `<!-- chart:start -->` and `<!-- chart:end -->`. */
export function readmeWithChart(readme: string): string {
  const root = diagram(
    'The conversation (root)',
    conversationMachine.root,
    (e) => e.startsWith('user.') || e.startsWith('flow.'),
  );
  const body = root.split('\n').slice(2).join('\n').trimEnd();
  return readme.replace(
    /<!-- chart:start -->[\s\S]*?<!-- chart:end -->/,
    `<!-- chart:start -->\n${body}\n<!-- chart:end -->`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(dirname(CHART_FILE), { recursive: true });
  writeFileSync(CHART_FILE, chartText());
  writeFileSync(README_FILE, readmeWithChart(readFileSync(README_FILE, 'utf8')));
  console.log(`Wrote ${CHART_FILE} and the chart in ${README_FILE}`);
}

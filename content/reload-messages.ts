import { formatProblem, type ContentProblem } from './yaml-source.js';

// What `npm run dev` tells a content editor when a saved file is reloaded, or not.

export const reloadedMessage = (): string => 'Innehållet laddades om.';

export const notReloadedMessage = (problems: readonly ContentProblem[]): string =>
  `Innehållet har ${problems.length} fel och laddades inte om (det gamla innehållet gäller):\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`;

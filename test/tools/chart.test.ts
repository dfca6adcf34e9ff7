import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHART_FILE, chartText, README_FILE, readmeWithChart } from '../../tools/chart.cli.js';

// The chart in docs/ and the README is generated from the machines: a change to the chart
// without `npm run chart` fails here, so the picture never drifts from the code.

describe('the conversation chart in the docs', () => {
  it('is the chart the machines describe', () => {
    expect(readFileSync(CHART_FILE, 'utf8')).toBe(chartText());
  });

  it('is shown in the README', () => {
    const readme = readFileSync(README_FILE, 'utf8');
    expect(readmeWithChart(readme)).toBe(readme);
    expect(readme).toContain('menu --> routing: done');
  });
});

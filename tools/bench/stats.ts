// Small helpers for the benchmark: percentiles, medians and plain text tables.

/** The p-th percentile (nearest rank) of unsorted numbers; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? NaN;
}

export const median = (values: readonly number[]): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
};

/** Milliseconds with a precision that suits their size. */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  if (ms < 1) return `${ms.toFixed(3)} ms`;
  if (ms < 100) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(0)} ms`;
}

export function fmtNum(n: number, digits = 0): string {
  if (!Number.isFinite(n)) return '-';
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function fmtBytes(n: number): string {
  if (n < 10_000) return `${fmtNum(n)} B`;
  if (n < 10_000_000) return `${fmtNum(n / 1024, 1)} KiB`;
  return `${fmtNum(n / 1024 / 1024, 1)} MiB`;
}

/** A table with a header row; numbers-looking cells are right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = (s: string) => /^[-+]?[\d.,]+(\s?[%x×]|\s\S+)?$/.test(s) || s === '-';
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => {
        const w = widths[i] ?? 0;
        return i > 0 && numeric(c) ? c.padStart(w) : c.padEnd(w);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return ['  ' + line(header), '  ' + rule, ...rows.map((r) => '  ' + line(r))].join('\n');
}

export function heading(title: string): void {
  console.log(`\n${title}\n${'='.repeat(title.length)}`);
}

/**
 * Times an async call repeatedly: at least `minRuns`, then until `maxRuns` or the time
 * budget is spent. Returns the durations in milliseconds.
 */
export async function timeRepeatedly(
  work: () => Promise<unknown>,
  opts: { minRuns: number; maxRuns: number; budgetMs: number },
): Promise<number[]> {
  const times: number[] = [];
  const started = performance.now();
  while (times.length < opts.maxRuns) {
    if (times.length >= opts.minRuns && performance.now() - started > opts.budgetMs) break;
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  return times;
}

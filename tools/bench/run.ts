import { availableParallelism, cpus, totalmem } from 'node:os';
import { loadContentOrThrow } from '../../content/load.js';
import { closeClient } from './client.js';
import { loadLine } from './machine.js';
import { slotsPart } from './slots.js';
import { startPart } from './start.js';
import { statePart } from './state.js';
import { fmtNum } from './stats.js';
import { turnsPart } from './turns.js';
import { understandPart } from './understand.js';

// npm run bench — prints how the bot performs on this machine, as tables:
//   1. turns/s and turn latency of our bot against an echo bot on the same stack
//   2. understanding one message
//   3. the free-slot search on generated tidboks of 10k, 100k and 1M free slots
//   4. stored conversation state per kind of state
//   5. cold start of the start command
// Options: --quick (a smoke check of a few seconds per part, 10k/100k slots only) and
// --only=turns|slots|state|start|understand. A script that prints figures, not a test.

// Understanding runs before the slot search: the millions of slots that part makes would
// otherwise still be collected while messages are timed.
const PARTS = ['turns', 'understand', 'slots', 'state', 'start'] as const;
type Part = (typeof PARTS)[number];

function parseArgs(argv: readonly string[]): { quick: boolean; only?: Part } {
  let quick = false;
  let only: Part | undefined;
  for (const arg of argv) {
    if (arg === '--quick') quick = true;
    else if (arg.startsWith('--only=')) {
      const name = arg.slice('--only='.length);
      const part = PARTS.find((p) => p === name);
      if (!part) throw new Error(`Unknown part "${name}": one of ${PARTS.join(', ')}`);
      only = part;
    } else throw new Error(`Unknown option "${arg}". Use --quick and/or --only=${PARTS.join('|')}.`);
  }
  return only ? { quick, only } : { quick };
}

async function main(): Promise<number> {
  const { quick, only } = parseArgs(process.argv.slice(2));
  const cpu = cpus()[0];
  console.log(`Tidbokschatten benchmark${quick ? ' (--quick: a smoke check, not figures to compare)' : ''}`);
  console.log(
    `Machine: ${cpu?.model.trim() ?? 'unknown CPU'}, ${cpus().length} logical cores (available parallelism ${availableParallelism()}), ` +
      `${fmtNum(totalmem() / 2 ** 30, 1)} GiB RAM; Node ${process.version} on ${process.platform}/${process.arch}`,
  );
  console.log(`Started ${new Date().toISOString()}, ${loadLine()}`);
  const content = loadContentOrThrow();
  const parts: Record<Part, () => Promise<void>> = {
    turns: () =>
      turnsPart(quick ? { concurrency: 20, runMs: 1000, rounds: 1 } : { concurrency: 20, runMs: 8000, rounds: 3 }),
    slots: () =>
      slotsPart(
        content,
        quick
          ? { sizes: [10_000, 100_000], minRuns: 3, maxRuns: 50, budgetMs: 300 }
          : { sizes: [10_000, 100_000, 1_000_000], minRuns: 3, maxRuns: 1000, budgetMs: 2000 },
      ),
    state: () => statePart(),
    start: () => startPart(quick ? 1 : 3),
    understand: () => understandPart(content, quick ? 1 : 5),
  };
  const failed: Part[] = [];
  const started = performance.now();
  for (const part of PARTS) {
    if (only && part !== only) continue;
    try {
      await parts[part]();
    } catch (error) {
      failed.push(part);
      console.error(
        `\nPart "${part}" FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
  }
  closeClient();
  console.log(`\nDone in ${fmtNum((performance.now() - started) / 1000, 1)} s.`);
  if (failed.length > 0) {
    console.error(`Failed parts: ${failed.join(', ')}`);
    return 1;
  }
  return 0;
}

process.exitCode = await main();

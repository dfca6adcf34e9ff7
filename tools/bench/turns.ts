import { join } from 'node:path';
import { login } from './client.js';
import { loadLine, machineBusyMs } from './machine.js';
import { addResidentCopies } from './residents.js';
import { Conversation, readPhrases, stepName, type Step } from './script.js';
import { cpuUs, startServer, type ServerProcess } from './servers.js';
import { fmtMs, fmtNum, heading, median, percentile, table } from './stats.js';

// Part 1: turns per second and latency of our bot, side by side with the echo bot.
//
// How CPU is measured: each server runs in a child process of its own (server-child.ts)
// and reports process.cpuUsage() over IPC just before and just after a run, so the figure
// is the server's own CPU (all its threads: JS, GC, libuv, SQLite) and none of the load
// client's, which runs in this process and shares the same cores. "CPU per turn beyond
// the echo bot's" is our server's CPU per turn minus the echo server's CPU per turn: what
// our bot costs on top of the HTTP + Bot Framework adapter baseline.

export interface TurnOptions {
  concurrency: number;
  runMs: number;
  rounds: number;
}

interface RunResult {
  turns: number;
  wallMs: number;
  latencies: number[];
  /** Latencies per step of the cycle */
  byStep: number[][];
  serverCpuUs: number;
  /** The server's longest event-loop delay during the run */
  loopDelayMaxMs: number;
  clientCpuUs: number;
  /** CPU time other processes of the machine took during the run, when known */
  otherCpuUs?: number;
}

/** One timed run: `concurrency` fresh conversations each going round `steps` until the time is up. */
async function runLoad(
  server: ServerProcess,
  tokens: readonly string[],
  steps: readonly Step[],
  opts: TurnOptions,
  tag: string,
): Promise<RunResult> {
  const echo = server.kind === 'echo';
  const conversations = Array.from(
    { length: opts.concurrency },
    (_, i) => new Conversation(server.url, `${tag}-${i}`, echo ? undefined : tokens[i], echo),
  );
  // One untimed round per conversation: warms the server and shows every state is reached.
  await Promise.all(
    conversations.map(async (c) => {
      for (const step of steps) await c.run(step);
    }),
  );
  const byStep = steps.map((): number[] => []);
  const latencies: number[] = [];
  const cpuBefore = cpuUs(await server.cpu());
  const clientBefore = process.cpuUsage();
  const busyBefore = machineBusyMs();
  const started = performance.now();
  const deadline = started + opts.runMs;
  await Promise.all(
    conversations.map(async (c) => {
      for (let i = 0; performance.now() < deadline; i = (i + 1) % steps.length) {
        const step = steps[i];
        if (!step) break;
        const t0 = performance.now();
        await c.run(step);
        const took = performance.now() - t0;
        latencies.push(took);
        byStep[i]?.push(took);
      }
    }),
  );
  const wallMs = performance.now() - started;
  const client = process.cpuUsage(clientBefore);
  const busyAfter = machineBusyMs();
  const after = await server.cpu();
  const serverCpuUs = cpuUs(after) - cpuBefore;
  const clientCpuUs = client.user + client.system;
  const otherCpuUs =
    busyBefore === undefined || busyAfter === undefined
      ? undefined
      : Math.max(0, (busyAfter - busyBefore) * 1000 - serverCpuUs - clientCpuUs);
  return {
    turns: latencies.length,
    wallMs,
    latencies,
    byStep,
    serverCpuUs,
    loopDelayMaxMs: after.loopDelayMaxMs,
    clientCpuUs,
    otherCpuUs,
  };
}

const perSecond = (r: RunResult) => r.turns / (r.wallMs / 1000);
const cpuPerTurnMs = (r: RunResult) => r.serverCpuUs / 1000 / r.turns;
/** CPU time as a share of the run's wall time, 100 % = one core */
const share = (us: number | undefined, r: RunResult) =>
  us === undefined ? '-' : `${fmtNum((100 * us) / 1000 / r.wallMs)} %`;

export async function turnsPart(opts: TurnOptions): Promise<void> {
  heading(`1. Turns: our bot against an echo bot on the same stack, ${opts.concurrency} concurrent conversations`);
  const phrases = readPhrases();
  console.log(`  Before: ${loadLine()}.`);
  console.log(
    `  Each server runs in its own child process; the load client runs in this one, on the same cores.\n` +
      `  ${opts.rounds} round(s) of A/B (ours, then echo), ${opts.runMs / 1000} s per run after one untimed, checked cycle per conversation.\n` +
      `  Server CPU is read in the server process (process.cpuUsage over IPC) before and after each run.\n` +
      `  Each of our conversations is logged in as a resident of its own: a copy of demo resident ${phrases.resident}\n` +
      `  (same bookings) added to the bot's demo tidbok, as the bot limits messages per resident.`,
  );
  const [ours, echo] = await Promise.all([startServer('ours'), startServer('echo')]);
  try {
    // A resident of its own per conversation, each a copy of the demo resident (see residents.ts).
    const residents = addResidentCopies(join(ours.dataDir ?? '', 'tidbok.sqlite'), phrases.resident, opts.concurrency);
    const tokens = await Promise.all(residents.map((id) => login(ours.url, id)));
    const workloads: { name: string; steps: Step[] }[] = [
      { name: `view ("${phrases.view.map(stepName).join(', ')}")`, steps: phrases.view },
      { name: `mixed cycle (${phrases.cycle.length} turns)`, steps: phrases.cycle },
    ];
    const summary: string[][] = [];
    const rows: string[][] = [];
    let mixed: { steps: Step[]; runs: RunResult[] } | undefined;
    const others: number[] = [];
    for (const [w, workload] of workloads.entries()) {
      const results: Record<'ours' | 'echo', RunResult[]> = { ours: [], echo: [] };
      for (let round = 0; round < opts.rounds; round++) {
        for (const server of [ours, echo]) {
          const r = await runLoad(server, tokens, workload.steps, opts, `w${w}-r${round}-${server.kind}`);
          results[server.kind].push(r);
          rows.push([
            workload.name,
            server.kind,
            String(round + 1),
            fmtNum(r.turns),
            fmtNum(perSecond(r), 1),
            fmtMs(percentile(r.latencies, 50)),
            fmtMs(percentile(r.latencies, 99)),
            fmtMs(cpuPerTurnMs(r)),
            share(r.serverCpuUs, r),
            fmtMs(r.loopDelayMaxMs),
            fmtMs(r.clientCpuUs / 1000 / r.turns),
            share(r.otherCpuUs, r),
          ]);
          others.push(r.otherCpuUs === undefined ? 0 : r.otherCpuUs / 1000 / r.wallMs);
        }
      }
      const med = (kind: 'ours' | 'echo', f: (r: RunResult) => number) => median(results[kind].map(f));
      const oursTps = med('ours', perSecond);
      const echoTps = med('echo', perSecond);
      const oursCpu = med('ours', cpuPerTurnMs);
      const echoCpu = med('echo', cpuPerTurnMs);
      summary.push([
        workload.name,
        fmtNum(oursTps, 1),
        fmtNum(echoTps, 1),
        `${fmtNum(oursTps / echoTps, 3)} x`,
        `${fmtMs(med('ours', (r) => percentile(r.latencies, 50)))} / ${fmtMs(med('ours', (r) => percentile(r.latencies, 99)))}`,
        `${fmtMs(med('echo', (r) => percentile(r.latencies, 50)))} / ${fmtMs(med('echo', (r) => percentile(r.latencies, 99)))}`,
        fmtMs(oursCpu),
        fmtMs(echoCpu),
        fmtMs(oursCpu - echoCpu),
      ]);
      if (w === 1) mixed = { steps: workload.steps, runs: results.ours };
    }
    console.log('\n  Every run:');
    console.log(
      table(
        [
          'workload',
          'server',
          'round',
          'turns',
          'turns/s',
          'p50',
          'p99',
          'srv CPU/turn',
          'srv CPU',
          'loop max',
          'client CPU/turn',
          'other CPU',
        ],
        rows,
      ),
    );
    console.log('\n  Medians over the rounds (p50 / p99 latency of one turn, as the client sees it):');
    console.log(
      table(
        [
          'workload',
          'ours t/s',
          'echo t/s',
          'ours/echo',
          'ours p50 / p99',
          'echo p50 / p99',
          'ours CPU/turn',
          'echo CPU/turn',
          'ours beyond echo',
        ],
        summary,
      ),
    );
    console.log(
      `  "srv CPU" is the server's CPU time over the run's wall time (100 % = one core). CPU/turn is server CPU divided\n` +
        `  by turns; "ours beyond echo" is ours minus echo's, i.e. the cost of our bot above adapter + HTTP.\n` +
        `  "other CPU" is what other processes on the machine took during the run (from /proc/stat).\n` +
        `  "loop max" is the server's longest event-loop delay in the run: no turn held the loop longer than this.`,
    );
    if (Math.max(...others) > 0.1)
      console.log(
        `  WARNING: other processes took up to ${fmtNum(100 * Math.max(...others))} % of a core during a run; throughput and latency are disturbed.`,
      );
    if (mixed) printSteps(mixed.steps, mixed.runs);
    const [oursMem, echoMem] = await Promise.all([ours.cpu(), echo.cpu()]);
    console.log(
      `  Resident memory after the runs: ours ${fmtNum(oursMem.rssBytes / 2 ** 20)} MiB, echo ${fmtNum(echoMem.rssBytes / 2 ** 20)} MiB.`,
    );
  } finally {
    await Promise.all([ours.stop(), echo.stop()]);
  }
}

/** Our latency per step of the mixed cycle, over all rounds: where the time of a cycle goes. */
function printSteps(steps: readonly Step[], runs: readonly RunResult[]): void {
  const rows = steps.map((step, i) => {
    const all = runs.flatMap((r) => r.byStep[i] ?? []);
    return [
      `${i + 1}. ${stepName(step)}`,
      fmtNum(all.length),
      fmtMs(percentile(all, 50)),
      fmtMs(percentile(all, 99)),
      fmtMs(all.reduce((a, b) => a + b, 0) / all.length),
    ];
  });
  console.log('\n  Our latency per step of the mixed cycle (all rounds; under the same concurrent load):');
  console.log(table(['step', 'turns', 'p50', 'p99', 'mean'], rows));
}

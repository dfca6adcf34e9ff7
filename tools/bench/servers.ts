import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The parent's side of a server process (see server-child.ts): start it, ask for its CPU
// time, stop it. Its output is kept, not shown, and printed only if it fails to start.
// Our bot gets TMPDIR pointing at a folder of ours, so that the data folder that
// tools/local-bot.ts makes in it (tidbok.sqlite, conversations.sqlite) can be found.

/** The bot's clock in every part, as in the tests: a Tuesday morning with the demo's bookings ahead. */
export const BENCH_CLOCK = '2026-12-01T09:00';

export interface CpuReading {
  type: 'cpu';
  userUs: number;
  systemUs: number;
  rssBytes: number;
  /** The longest and the 99th percentile event-loop delay since the previous reading (5 ms resolution) */
  loopDelayMaxMs: number;
  loopDelayP99Ms: number;
}

const CHILD = fileURLToPath(new URL('./server-child.ts', import.meta.url));

/** Rate limits out of the way: one client address and one resident send every turn here. */
export const UNLIMITED = {
  RATE_REQUESTS_PER_MINUTE: '100000',
  RATE_TURNS_PER_MINUTE: '10000',
  RATE_CONVERSATIONS_PER_HOUR: '100000',
};

export interface ServerProcess {
  kind: 'ours' | 'echo';
  url: string;
  pid: number;
  /** Our bot's data folder (tidbok.sqlite, conversations.sqlite); undefined for the echo bot */
  dataDir?: string;
  /** CPU time (user + system) in microseconds, and resident memory, read in the server */
  cpu(): Promise<CpuReading>;
  stop(): Promise<void>;
}

export async function startServer(kind: 'ours' | 'echo'): Promise<ServerProcess> {
  const parent = mkdtempSync(join(tmpdir(), `bench-${kind}-`));
  const child: ChildProcess = fork(CHILD, [kind], {
    // BENCH_PROFILE=<folder>: our server writes a V8 CPU profile there when it stops (node --cpu-prof).
    execArgv: [
      '--import',
      'tsx',
      ...(kind === 'ours' && process.env.BENCH_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
        : []),
    ],
    env: { ...process.env, ...UNLIMITED, TMPDIR: parent },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const ready = new Promise<string>((resolve, reject) => {
    const onExit = (code: number | null) => {
      reject(new Error(`The ${kind} server exited with ${String(code)} before it was ready:\n${output}`));
    };
    child.once('exit', onExit);
    child.once('message', (m: { type: string; url?: string }) => {
      child.off('exit', onExit);
      if (m.type === 'ready' && m.url) resolve(m.url);
      else reject(new Error(`Unexpected first message from the ${kind} server: ${JSON.stringify(m)}`));
    });
  });
  let url: string;
  try {
    url = await ready;
  } catch (error) {
    rmSync(parent, { recursive: true, force: true });
    throw error;
  }
  const pid = child.pid ?? -1;
  const made = readdirSync(parent).find((d) => existsSync(join(parent, d, 'conversations.sqlite')));
  if (kind === 'ours' && !made) throw new Error(`No data folder of the bot in ${parent} (tools/local-bot.ts changed?)`);
  return {
    kind,
    url,
    pid,
    ...(made ? { dataDir: join(parent, made) } : {}),
    cpu: () =>
      new Promise<CpuReading>((resolve) => {
        child.once('message', (m: CpuReading) => {
          resolve(m);
        });
        child.send({ type: 'cpu' });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          rmSync(parent, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) {
          done();
          return;
        }
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          done();
        });
        child.send({ type: 'stop' });
      }),
  };
}

export const cpuUs = (r: CpuReading): number => r.userUs + r.systemUs;

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from './client.js';
import { fmtMs, heading, median, table } from './stats.js';

// Part 5: cold start, from spawn until GET /healthz answers 200, of `npm start` (the
// TypeScript sources through tsx) and, when `npm run build` has been run, of
// `npm run start:prod` (the compiled JavaScript in dist/); BENCH_START_CMD names another
// command instead. Commands run by the shell in the repository folder. "first start" has
// an empty data folder (the demo data is seeded and the classifiers trained); "restart"
// finds the data and the trained classifiers of the previous start.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCE_CMD = 'node --import tsx bot/index.ts';
const COMPILED_CMD = 'node --enable-source-maps dist/bot/index.js';
const TIMEOUT_MS = 120_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

/** Stops the started command and whatever it started: it runs in a process group of its own. */
function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
      resolve();
      return;
    }
    const pid = child.pid;
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-pid, signal);
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      kill('SIGKILL');
    }, 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    kill('SIGTERM');
  });
}

async function startOnce(command: string, dir: string): Promise<number> {
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    DEMO_MODE: 'true',
    HOST: '127.0.0.1',
    PORT: String(port),
    TIDBOK_DB: join(dir, 'tidbok.sqlite'),
    CONVERSATION_DB: join(dir, 'conversations.sqlite'),
  };
  const started = performance.now();
  const child = spawn(command, { cwd: ROOT, env, shell: true, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-3000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`"${command}" exited with ${child.exitCode}:\n${output}`);
      if (performance.now() - started > TIMEOUT_MS)
        throw new Error(`No healthy answer in ${TIMEOUT_MS} ms:\n${output}`);
      const ok = await request(`http://127.0.0.1:${port}`, '/healthz', 'GET').then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    await stopGroup(child);
  }
}

export async function startPart(repeats: number): Promise<void> {
  heading('5. Cold start of the start command');
  const commands = process.env.BENCH_START_CMD
    ? [process.env.BENCH_START_CMD]
    : [SOURCE_CMD, ...(existsSync(join(ROOT, 'dist/bot/index.js')) ? [COMPILED_CMD] : [])];
  console.log(
    `  Commands: ${commands.join('; ')}${process.env.BENCH_START_CMD ? ' (from BENCH_START_CMD)' : ''}\n` +
      (commands.length === 1 && !process.env.BENCH_START_CMD
        ? '  (run npm run build first to time the compiled start too)\n'
        : '') +
      `  Env: NODE_ENV=development DEMO_MODE=true, PORT free, TIDBOK_DB/CONVERSATION_DB in a temporary folder.\n` +
      `  Timed from spawn until GET /healthz answers 200 (polled every 10 ms).`,
  );
  const rows: string[][] = [];
  for (const command of commands) {
    const first: number[] = [];
    const again: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'bench-start-'));
      try {
        first.push(await startOnce(command, dir));
        again.push(await startOnce(command, dir));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const row = (name: string, times: number[]) => [command, name, times.map(fmtMs).join(', '), fmtMs(median(times))];
    rows.push(row('first start (empty data folder)', first), row('restart (data already there)', again));
  }
  console.log(table(['command', 'start', 'each', 'median'], rows));
}

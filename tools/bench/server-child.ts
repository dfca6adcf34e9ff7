import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadContentOrThrow } from '../../content/load.js';
import { startLocalBot } from '../local-bot.js';
import { startEchoBot, type RunningServer } from './echo-bot.js';
import { BENCH_CLOCK, type CpuReading } from './servers.js';

// A server process of the benchmark: `ours` (the bot on fresh demo data, as
// tools/local-bot.ts starts it) or `echo` (the baseline). It tells its parent its address
// over the IPC channel and answers requests for its own CPU time, so the parent measures
// the server's CPU exactly and apart from the load client's.

type Request = { type: 'cpu' } | { type: 'stop' };

async function main(): Promise<void> {
  const kind = process.argv[2];
  let server: RunningServer;
  if (kind === 'ours') server = await startLocalBot(loadContentOrThrow(), BENCH_CLOCK);
  else if (kind === 'echo') server = await startEchoBot();
  else throw new Error(`Unknown server kind: ${String(kind)}`);
  const send = (message: object) => {
    if (process.send) process.send(message);
  };
  // How long the event loop was held up, since the last reading: one turn's longest block shows as the max.
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  process.on('message', (message: Request) => {
    if (message.type === 'cpu') {
      const cpu = process.cpuUsage();
      const reading: CpuReading = {
        type: 'cpu',
        userUs: cpu.user,
        systemUs: cpu.system,
        rssBytes: process.memoryUsage().rss,
        loopDelayMaxMs: delay.max / 1e6,
        loopDelayP99Ms: delay.percentile(99) / 1e6,
      };
      delay.reset();
      send(reading);
    } else {
      void server.stop().finally(() => process.exit(0));
    }
  });
  // The parent went away: nothing is left to serve.
  process.on('disconnect', () => {
    void server.stop().finally(() => process.exit(0));
  });
  send({ type: 'ready', url: server.url });
}

await main();

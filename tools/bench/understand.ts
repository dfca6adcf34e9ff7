import { DateTime } from 'luxon';
import { ZONE } from '../../booking/time.js';
import type { Content } from '../../content/load.js';
import { emergencyAfresh, emergencyIn } from '../../dialogs/emergency.js';
import { understand, understandAfresh } from '../../dialogs/understand.js';
import { buildUnderstanding } from '../../dialogs/understanding-model.js';
import { readEmergencyRegression, readRegression } from '../regression-files.js';
import { BENCH_CLOCK } from './servers.js';
import { fmtMs, fmtNum, heading, percentile, table } from './stats.js';

// Part 2: the time to understand one message, over the regression phrasings (Swedish,
// English, the safety net's emergencies and harmless messages). For free text the turn
// runner (dialogs/turn-runner.ts) calls emergencyIn first and then interpret, which calls
// understand; those two calls are timed here, on the model the bot builds at start-up:
// read afresh, as a new message is, and as a short message sent before is (remembered for
// the day, dialogs/recent.ts).

export async function understandPart(content: Content, rounds: number): Promise<void> {
  heading('2. Understanding one message');
  const trainStarted = performance.now();
  const model = await buildUnderstanding(content);
  const trainMs = performance.now() - trainStarted;
  const now = DateTime.fromISO(BENCH_CLOCK, { zone: ZONE });
  const regression = readRegression();
  const emergencies = readEmergencyRegression();
  const texts = [...regression.swedish, ...regression.english, ...emergencies.emergencies]
    .map((c) => c.text)
    .concat(emergencies.harmless);
  for (const text of texts) {
    await emergencyAfresh(text, model);
    await understandAfresh(text, now, model);
  }
  const safety: number[] = [];
  const reading: number[] = [];
  const both: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const text of texts) {
      const t0 = performance.now();
      await emergencyAfresh(text, model);
      const t1 = performance.now();
      await understandAfresh(text, now, model);
      const t2 = performance.now();
      safety.push(t1 - t0);
      reading.push(t2 - t1);
      both.push(t2 - t0);
    }
  }
  // A short message sent before: the remembered answer (the first reading fills the memory).
  const short = texts.filter((t) => t.length <= 80);
  for (const text of short) {
    await emergencyIn(text, model);
    await understand(text, now, model);
  }
  const again: number[] = [];
  for (const text of short) {
    const t0 = performance.now();
    await emergencyIn(text, model);
    await understand(text, now, model);
    again.push(performance.now() - t0);
  }
  console.log(
    `  buildUnderstanding (both classifiers, at start-up and on content reload): ${fmtMs(trainMs)}\n` +
      `  ${fmtNum(texts.length)} phrasings x ${rounds} round(s) after one warm-up round; now = ${BENCH_CLOCK}.`,
  );
  const row = (name: string, times: number[]) => [
    name,
    fmtNum(times.length),
    fmtMs(percentile(times, 50)),
    fmtMs(percentile(times, 99)),
    fmtMs(Math.max(...times)),
  ];
  console.log(
    table(
      ['call', 'readings', 'p50', 'p99', 'max'],
      [
        row('emergencyIn (safety net)', safety),
        row('understand (intent, dates, language)', reading),
        row('both, as a turn reads a new message', both),
        row('both, a short message sent before', again),
      ],
    ),
  );
}

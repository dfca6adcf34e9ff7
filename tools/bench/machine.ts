import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

// What else the machine is doing: a benchmark on shared cores is only as good as its
// quiet. On Linux the busy CPU time of the whole machine is read from /proc/stat, so a
// run can say how much CPU other processes took while it ran.

/** Clock ticks per second of /proc/stat (USER_HZ), 100 on every common Linux. */
const TICKS_PER_SECOND = 100;

/** Busy CPU time of the whole machine since boot, in milliseconds; undefined off Linux. */
export function machineBusyMs(): number | undefined {
  try {
    const first = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const fields = first.trim().split(/\s+/).slice(1, 9).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
    return ((user + nice + system + irq + softirq + steal) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

export function loadLine(): string {
  const [one = 0, five = 0] = loadavg();
  return `load average ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min)`;
}

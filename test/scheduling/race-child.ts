import { createInterface } from 'node:readline';
import { EmbeddedTidbok } from '../../scheduling/embedded-tidbok.js';

// One competitor in the booking race, as its own process: opens its own connection,
// says "ready", and books the slot when it reads "go" on standard input.
const [file, slotId, patientId] = process.argv.slice(2) as [string, string, string];
const tidbok = new EmbeddedTidbok(file);
process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line !== 'go') continue;
  const result = await tidbok.makeBooking({ patientId, slotId });
  tidbok.close();
  process.stdout.write(`${result.ok ? 'ok' : result.rejection.code}\n`);
  break;
}
lines.close();

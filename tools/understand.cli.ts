import { DateTime } from 'luxon';
import { loadContentOrThrow } from '../content/load.js';
import { emergencyIn } from '../dialogs/emergency.js';
import { understand, type FullUnderstanding } from '../dialogs/understand.js';
import { buildUnderstanding } from '../dialogs/understanding-model.js';

// npm run understand -- «kan jag flytta min tid på tisdag?» [--now 2026-12-01T09:00]
// prints, as one line of JSON, what the bot makes of a message at the top level: the
// intent and how sure it is ("unclear" with the alternatives when it would ask), the
// wished time, units and services named, the language, and an emergency if one is found.

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run understand -- "message" [--now 2026-12-01T09:00]`);
  process.exit(2);
}

const args = process.argv.slice(2);
const nowIndex = args.indexOf('--now');
let now = DateTime.now().setZone('Europe/Stockholm');
if (nowIndex >= 0) {
  now = DateTime.fromISO(args[nowIndex + 1] ?? '', { zone: 'Europe/Stockholm' });
  if (!now.isValid)
    usage(`--now needs a local date and time such as 2026-12-01T09:00, not "${args[nowIndex + 1] ?? ''}".`);
  args.splice(nowIndex, 2);
}
if (args.length === 0) usage('Give the message to understand.');

const content = loadContentOrThrow();
const model = await buildUnderstanding(content);
const text = args.join(' ');
const result: FullUnderstanding = await understand(text, now, model);
const emergency = await emergencyIn(text, model);
const unitName = new Map(content.units.map((u) => [u.hsaId, u.name]));
const serviceName = new Map(content.units.flatMap((u) => u.services.map((s) => [s.id, `${s.name}, ${u.name}`])));
type Read = Omit<FullUnderstanding, 'problems'> & { problems?: FullUnderstanding['problems'] };

/** One reading as the tester wants to see it: names instead of ids, nothing empty. */
function shown(result: Read): Record<string, unknown> {
  const { wish } = result;
  const single = wish.dateFrom !== undefined && wish.dateFrom === wish.dateTo;
  return {
    intent: result.intent,
    confidence: result.confidence,
    alternatives: result.alternatives,
    language: result.language,
    ...(single ? { date: wish.dateFrom } : { dateFrom: wish.dateFrom, dateTo: wish.dateTo }),
    timeFrom: wish.timeFrom,
    timeTo: wish.timeTo,
    partOfDay: wish.partOfDay,
    weekday: wish.weekday,
    earliest: result.earliest,
    rebookWish: result.rebookWish,
    units: result.unitHsaIds.length
      ? result.unitHsaIds.map((id) => ({ hsaId: id, name: unitName.get(id) }))
      : undefined,
    careServices: result.careServiceIds.length
      ? result.careServiceIds.map((id) => ({ id, name: serviceName.get(id) }))
      : undefined,
    problems: result.problems?.length ? result.problems : undefined,
    next: result.next ? shown(result.next) : undefined,
  };
}

console.log(JSON.stringify({ ...(emergency ? { emergency } : {}), ...shown(result) }));

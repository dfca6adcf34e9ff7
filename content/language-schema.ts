import { z } from 'zod';
import { hhmm } from './schemas.js';

// sprak.yaml: the words of days, times, answers and phrases the understanding reads.

const phraseList = z.array(z.string().min(1)).min(1);
const weekdayKeys = z.enum(['1', '2', '3', '4', '5', '6', '7']);
const monthKeys = z.enum(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);

/** A holiday's day: "12-24", or counted from Easter Sunday or Midsummer Eve ("easter-2", "midsummer+1") */
export const DAY_SPEC = /^(?:(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])|(easter|midsummer)([+-]\d{1,2})?)$/;
const holidayDay = z
  .string()
  .regex(DAY_SPEC, 'Skriv dagen som "MM-DD", till exempel "12-24", eller som "easter-2" eller "midsummer+1".');

export const languageSchema = z.strictObject({
  padding: z.array(z.string().min(1)),
  weekdays: z.record(weekdayKeys, phraseList),
  months: z.record(monthKeys, phraseList),
  numbers: z.record(z.string().min(1), z.number().int().min(0).max(100)),
  ordinals: z.record(z.string().min(1), z.number().int().min(1).max(31)),
  last: phraseList,
  hedges: phraseList,
  pause: phraseList.default([]),
  unsure: phraseList.default([]),
  pastWeekdays: phraseList,
  spokenClock: z.strictObject({
    half: phraseList,
    quarter: phraseList,
    past: phraseList,
    to: phraseList,
    firstHour: z.number().int().min(0).max(12),
  }),
  relativeDays: z.record(z.string().min(1), z.number().int().min(0).max(14)),
  partsOfDay: z.strictObject({ morning: phraseList, afternoon: phraseList, evening: phraseList }),
  phrases: z.strictObject({
    nextWeek: phraseList,
    thisWeek: phraseList,
    nextMonth: phraseList,
    weekend: phraseList,
    earliest: phraseList,
    afterTime: phraseList,
    afterDay: phraseList,
    fromDay: phraseList,
    beforeDay: phraseList,
    untilDay: phraseList,
    beforeTime: phraseList,
    clock: phraseList,
    afterLunch: phraseList,
    beforeLunch: phraseList,
    between: phraseList,
    next: phraseList,
    week: phraseList,
    inFuture: phraseList,
    and: phraseList,
    inWeeks: phraseList,
    inDays: phraseList,
    not: phraseList.default([]),
    lunchEnds: hhmm,
    lunchStarts: hhmm,
  }),
  generic: z.array(z.string().min(1)).default([]),
  answerWords: z.strictObject({ yes: phraseList, no: phraseList }),
  childKinds: z.strictObject({ daughter: phraseList, son: phraseList }),
  goodbye: phraseList,
  performer: z.strictObject({ same: phraseList, any: phraseList }),
  professions: z.record(z.string().min(1), phraseList).default({}),
  forChild: phraseList,
  forSelf: phraseList.default([]),
  forOtherAdult: phraseList.default([]),
  holidays: z.array(z.strictObject({ words: phraseList, from: holidayDay, to: holidayDay.optional() })).default([]),
  childOwners: phraseList.default([]),
  split: z.strictObject({ newTime: phraseList, nextWish: phraseList }),
  unitQuestions: z.strictObject({ address: phraseList, phone: phraseList, hours: phraseList, web: phraseList }),
  buttons: z
    .strictObject({ asking: phraseList, words: z.record(z.string().min(1), phraseList) })
    .default({ asking: [], words: {} }),
});
export type LanguageFile = z.infer<typeof languageSchema>;

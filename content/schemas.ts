import { z } from 'zod';

// The shapes of the files editors write. Strict objects, so a misspelt field is reported
// rather than silently ignored. Messages for editors are written in yaml-source.ts.

export const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Skriv klockslag som TT:MM, till exempel 08:30.');
export const textKey = z
  .string()
  .regex(
    /^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/i,
    'En textnyckel består av ord med punkt emellan, till exempel terms.cancel.primary.',
  );
export const id = z.string().regex(/^[A-Za-z0-9_-]+$/, 'Ett id får bara innehålla bokstäver a–z, siffror, - och _.');

export const unitKinds = [
  'primary-care',
  'specialist',
  'physiotherapy',
  'dental',
  'blood-centre',
  'emergency',
  'drop-in',
  'maternity',
] as const;
const actionFlags = <T extends z.ZodType>(value: T) =>
  z.strictObject({ book: value.optional(), rebook: value.optional(), cancel: value.optional() });

export const rulesSchema = z.strictObject({
  onlineBooking: z.enum(['open', 'invitation-only', 'none']),
  mayRebook: z.boolean(),
  mayCancel: z.boolean(),
  changeDeadlineHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 30),
  minNoticeHours: z
    .number()
    .min(0)
    .max(24 * 60),
  horizonDays: z.number().int().min(1).max(400),
  maxActiveBookings: z.number().int().min(1).max(50),
  terms: actionFlags(textKey),
  askReason: actionFlags(z.enum(['required', 'optional', 'none'])),
  reasonMaxLength: z.number().int().min(1).max(2000),
});

export const konfigurationSchema = z.strictObject({
  defaults: rulesSchema,
  byUnitKind: z.partialRecord(z.enum(unitKinds), rulesSchema.partial()).default({}),
  byCareService: z.record(id, rulesSchema.partial()).default({}),
});
export type KonfigurationFile = z.infer<typeof konfigurationSchema>;

const scheduleSchema = z.strictObject({
  weekdays: z.array(z.number().int().min(1).max(7)).min(1),
  from: hhmm,
  to: hhmm,
  everyMinutes: z.number().int().min(5).max(480),
  weeks: z.number().int().min(1).max(26),
  performers: z.array(z.string().min(1)).optional(),
  resources: z.array(z.string().min(1)).optional(),
  takenEvery: z.number().int().min(2).optional(),
});

const openingHoursSchema = z
  .strictObject({
    weekdays: z.array(z.number().int().min(1).max(7)).min(1),
    from: hhmm,
    to: hhmm,
  })
  .refine((h) => h.from < h.to, { message: 'Öppettiden måste sluta efter att den börjar.', path: ['to'] });

const serviceSchema = z.strictObject({
  id,
  name: z.string().min(1),
  careTypeName: z.string().min(1).optional(),
  durationMinutes: z.number().int().min(5).max(480),
  specialHandling: z.boolean().default(false),
  hiddenFromFreeChoice: z.boolean().default(false),
  resourceCount: z.number().int().min(1).default(1),
  instructionsKey: textKey.optional(),
  synonyms: z.array(z.string().min(1)).default([]),
  schedule: scheduleSchema.optional(),
});

const unitSchema = z
  .strictObject({
    hsaId: z.string().regex(/^SE[0-9A-Za-z-]+$/, 'Ett HSA-id börjar med SE, till exempel SE2321000016-DEMO1.'),
    name: z.string().min(1),
    kind: z.enum(unitKinds),
    bookingSystem: z.string().min(1),
    phone: z.string().regex(/^\+?[0-9][0-9 -]*[0-9]$/, 'Skriv telefonnumret med siffror, till exempel 018-611 00 01.'),
    address: z.string().min(1).optional(),
    postalCode: z
      .string()
      .regex(/^\d{3} ?\d{2}$/, 'Skriv postnumret med fem siffror, till exempel 753 09.')
      .optional(),
    postalTown: z.string().min(1).optional(),
    openingHours: z.array(openingHoursSchema).min(1).optional(),
    web: z
      .url({ protocol: /^https$/, error: 'Skriv webbadressen med https://, till exempel https://www.1177.se/.' })
      .optional(),
    confidential: z.boolean().default(false),
    specialHandling: z.boolean().default(false),
    hasBookingBook: z.boolean().default(true),
    synonyms: z.array(z.string().min(1)).default([]),
    services: z.array(serviceSchema).default([]),
  })
  .transform((unit) => ({ ...unit, services: unit.services.map((s) => ({ ...s, unitHsaId: unit.hsaId })) }));

export const unitsFileSchema = z.strictObject({ units: z.array(unitSchema).min(1) });
export type UnitsFile = z.infer<typeof unitsFileSchema>;

const bookingSchema = z
  .strictObject({
    id,
    careServiceId: id,
    inDays: z.number().int().min(-30).max(365).optional(),
    at: hhmm.optional(),
    earliestInHours: z.number().min(0.5).max(20).optional(),
    performerName: z.string().min(1).optional(),
    resourceName: z.string().min(1).optional(),
    seriesId: id.optional(),
    resourceCount: z.number().int().min(1).optional(),
    reason: z.string().optional(),
  })
  .refine((b) => (b.earliestInHours === undefined) !== (b.inDays === undefined), {
    message: 'Ange antingen inDays (med at) eller earliestInHours, inte båda och inte ingen.',
  });

const invitationSchema = z
  .strictObject({
    id,
    careServiceId: id,
    fromInDays: z.number().int().min(-365).max(365),
    toInDays: z.number().int().min(-365).max(365),
    purpose: z.string().min(1),
  })
  .refine((i) => i.toInDays >= i.fromInDays, { message: 'toInDays måste vara samma som eller senare än fromInDays.' });

const personSchema = z.strictObject({
  personnummer: z
    .string()
    .regex(/^(19|20)\d{10}$/, 'Ett personnummer skrivs med tolv siffror utan bindestreck, till exempel 191212121212.'),
  name: z.string().min(1),
  /** The personnummer of the person's guardians (vårdnadshavare), for a child */
  guardians: z.array(z.string().regex(/^(19|20)\d{10}$/, 'Ett personnummer skrivs med tolv siffror.')).default([]),
  bookings: z.array(bookingSchema).default([]),
  invitations: z.array(invitationSchema).default([]),
});

export const peopleFileSchema = z.strictObject({ people: z.array(personSchema).min(1) });
export type PeopleFile = z.infer<typeof peopleFileSchema>;

/** Texts: nested maps of strings, addressed by dotted keys. */
export type TextTree = { [key: string]: string | TextTree };
export const textsFileSchema: z.ZodType<TextTree> = z.lazy(() =>
  z.record(z.string(), z.union([z.string().min(1), textsFileSchema])),
);

/** What a resident may want, as the understanding names it; examples in exempel.yaml. */
export const INTENT_NAMES = [
  'view',
  'cancel',
  'rebook',
  'book',
  'book-invitation',
  'guided',
  'help',
  'abort',
  'restart',
  'menu',
  'yes',
  'no',
  'back',
  'change',
  'ask-unit',
  'ask-cost',
  'thanks',
  'logout',
  'greeting',
  'other',
  'time',
] as const;
export type IntentName = (typeof INTENT_NAMES)[number];

const exampleList = z.array(z.string().trim().min(1, 'Ett exempel får inte vara tomt.'));

/** Example utterances per intent; the classifier is trained on them at start-up. */
export const examplesSchema = z.strictObject({
  svenska: z.strictObject(
    Object.fromEntries(INTENT_NAMES.map((i) => [i, exampleList])) as Record<IntentName, typeof exampleList>,
  ),
  engelska: z.partialRecord(z.enum(INTENT_NAMES), exampleList).default({}),
});
export type ExamplesFile = z.infer<typeof examplesSchema>;

export const EMERGENCY_CATEGORIES = [
  'stroke',
  'chest',
  'breathing',
  'unconscious',
  'bleeding',
  'anaphylaxis',
  'poisoning',
  'suicide',
  'infection',
] as const;
export type EmergencyCategory = (typeof EMERGENCY_CATEGORIES)[number];

const emergencyCategory = z.strictObject({
  /** The text the resident gets, e.g. advice.emergency */
  advice: textKey,
  /** The same advice in English, for a resident who writes English */
  adviceEnglish: textKey.optional(),
  /** Phrasings that always trigger (with or without å/ä/ö, small typos in long words) */
  phrases: z.array(z.string().min(2)).default([]),
  /** Descriptions written many ways; the classifier learns from them to catch new wordings */
  examples: z.array(z.string().min(2)).default([]),
});

/** Red flags that get the emergency advice at once, wherever the resident is. */
export const emergencySchema = z.strictObject({
  categories: z.strictObject(
    Object.fromEntries(EMERGENCY_CATEGORIES.map((c) => [c, emergencyCategory])) as Record<
      EmergencyCategory,
      typeof emergencyCategory
    >,
  ),
  /** Harmless look-alikes: phrases taken out before the red flags are sought, and examples the classifier learns are not emergencies */
  notEmergency: z.strictObject({
    phrases: z.array(z.string().min(2)).default([]),
    examples: z.array(z.string().min(2)).default([]),
  }),
});
export type EmergencyFile = z.infer<typeof emergencySchema>;

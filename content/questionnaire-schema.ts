import { z } from 'zod';
import { id, textKey } from './schemas.js';

// The format of a guided questionnaire (guidad tidsbokning), as editors write it in
// content/fragor/*.yaml. Questions are asked one at a time; after each answer the first
// rule whose condition holds decides the next question or the outcome.

/** A text given inline, or by key from texter.yaml. */
const text = z.union([z.string().min(1), z.strictObject({ key: textKey })]);

const comparison = z
  .strictObject({
    lt: z.number().optional(),
    lte: z.number().optional(),
    gt: z.number().optional(),
    gte: z.number().optional(),
    eq: z.number().optional(),
  })
  .refine((c) => Object.values(c).length > 0, {
    message: 'Ange minst en jämförelse: lt, lte, gt, gte eller eq.',
  });

/** What an answer must be: a value, one of several values, or a number comparison. */
const expected = z.union([z.string().min(1), z.array(z.string().min(1)).min(1), comparison]);

export type Expected = z.infer<typeof expected>;

export type Condition = { all: Condition[] } | { any: Condition[] } | { [questionId: string]: Expected };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z
      .record(id, expected)
      .refine((r) => Object.keys(r).length > 0, { message: 'Ett villkor måste nämna minst en fråga.' }),
  ]),
);

const rule = z
  .strictObject({ if: conditionSchema.optional(), goto: id.optional(), outcome: id.optional() })
  .refine((r) => (r.goto === undefined) !== (r.outcome === undefined), {
    message: 'En regel leder antingen till en fråga (goto) eller till ett utfall (outcome).',
  });

const option = z.strictObject({
  value: id,
  label: text,
  /** Choosing this option is an emergency: the rules must lead to an emergency outcome at once. */
  emergency: z.boolean().default(false),
  /** Choosing this option means the time is for a child of the resident's (ombud): booked in the child's name */
  forChild: z.boolean().default(false),
  /** Other ways residents write this answer («nytt», «har haft det förut»): the whole message is taken as the option */
  alsoSaid: z.array(z.string().min(1)).default([]),
});

const question = z
  .strictObject({
    id,
    text,
    answer: z.enum(['yesno', 'choice', 'number']),
    options: z.array(option).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    /** For yes/no questions: answering yes is an emergency */
    emergencyOnYes: z.boolean().default(false),
    next: z.array(rule).min(1),
  })
  .refine((q) => (q.answer === 'choice') === (q.options !== undefined && q.options.length >= 2), {
    message: 'En fråga med answer: choice behöver minst två svarsalternativ (options), och bara den.',
  })
  .refine((q) => q.answer === 'number' || (q.min === undefined && q.max === undefined), {
    message: 'min och max gäller bara answer: number.',
  });

const outcome = z
  .strictObject({
    /** Book this care service (id from demo/enheter.yaml) */
    book: id.optional(),
    /** Or give this advice (text key) */
    advice: textKey.optional(),
    /** The unit whose name and phone the advice text may use as {unit} and {phone} */
    unit: z.string().optional(),
    emergency: z.boolean().default(false),
  })
  .refine((o) => (o.book === undefined) !== (o.advice === undefined), {
    message: 'Ett utfall är antingen book (en vårdtjänst) eller advice (en råd-text).',
  });

export const questionnaireSchema = z.strictObject({
  id,
  title: text,
  /** The unit whose services the questionnaire leads to */
  unit: z.string().min(1),
  start: id,
  questions: z.array(question).min(1),
  outcomes: z.record(id, outcome),
});

export type Questionnaire = z.infer<typeof questionnaireSchema>;
export type Question = Questionnaire['questions'][number];
export type Rule = Question['next'][number];
export type Outcome = Questionnaire['outcomes'][string];
export type TextValue = z.infer<typeof text>;
export type Answer = string | number;

import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { sendMessage, seenIn, type Replies } from './client.js';

// What the simulated residents say, and what the bot must answer, read from phrases.json
// (the resident's words are Swedish, and Swedish lives in data, not in code). A step
// either says something or clicks the first button whose title matches a pattern; every
// answer of ours is checked against the step's patterns, so the benchmark stops at the
// first wrong answer instead of timing error messages.

const stepSchema = z
  .strictObject({
    name: z.string().optional(),
    say: z.string().optional(),
    click: z.string().optional(),
    expect: z.array(z.string()).default([]),
  })
  .refine((s) => (s.say === undefined) !== (s.click === undefined), 'a step either says or clicks');

const phrasesSchema = z.strictObject({
  resident: z.string().regex(/^\d{12}$/),
  view: z.array(stepSchema).min(1),
  cycle: z.array(stepSchema).min(1),
  states: z.array(z.strictObject({ name: z.string(), steps: z.array(stepSchema).min(1) })).min(1),
});

export type Step = z.infer<typeof stepSchema>;
export type Phrases = z.infer<typeof phrasesSchema>;

export function readPhrases(): Phrases {
  const file = new URL('./phrases.json', import.meta.url);
  return phrasesSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export const stepName = (s: Step): string => s.name ?? s.say ?? `click /${s.click ?? ''}/`;

/** A conversation as one resident: the last answer's buttons are what a click picks from. */
export class Conversation {
  private last: Replies = { texts: [], buttons: [] };
  /** Compiled patterns, per step object */
  private static readonly patterns = new WeakMap<Step, RegExp[]>();

  constructor(
    readonly base: string,
    readonly id: string,
    private readonly token: string | undefined,
    /** The echo bot only repeats; only our bot's answers are checked */
    private readonly echo = false,
  ) {}

  get lastReplies(): Replies {
    return this.last;
  }

  async run(step: Step): Promise<Replies> {
    let text = step.say ?? '';
    let value: unknown;
    if (step.click !== undefined) {
      const pattern = new RegExp(step.click);
      const button = this.echo ? undefined : this.last.buttons.find((b) => pattern.test(b.title));
      if (!this.echo && !button) throw this.failure(step, `no button matches /${step.click}/`);
      text = button?.title ?? step.click;
      value = button?.value;
    }
    this.last = await sendMessage(this.base, this.id, { text, value, token: this.token });
    this.check(step, text);
    return this.last;
  }

  private check(step: Step, sent: string): void {
    if (this.echo) {
      if (this.last.texts[0] !== `echo: ${sent}`) throw this.failure(step, 'the echo bot did not echo');
      return;
    }
    let patterns = Conversation.patterns.get(step);
    if (!patterns) {
      patterns = step.expect.map((p) => new RegExp(p, 'm'));
      Conversation.patterns.set(step, patterns);
    }
    const seen = seenIn(this.last);
    const missing = patterns.find((p) => !p.test(seen));
    if (missing) throw this.failure(step, `the answer does not match ${String(missing)}`);
  }

  private failure(step: Step, why: string): Error {
    return new Error(
      `Conversation ${this.id}, step "${stepName(step)}": ${why}. The answer was:\n${seenIn(this.last)
        .split('\n')
        .slice(0, 30)
        .map((l) => `    | ${l}`)
        .join('\n')}`,
    );
  }
}

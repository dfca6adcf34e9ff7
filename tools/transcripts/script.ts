// A dialog transcript as data, whatever file it came from (.chat or .transcript): what
// the user does, turn by turn, and what the bot is expected to answer.

export interface UserStep {
  kind: 'user';
  line: number;
  text?: string;
  /** A card submit or button value */
  value?: unknown;
  /** Click the button with this label in the bot's last answer */
  click?: string;
  /** Log in as this demo resident before sending (empty string: log out) */
  login?: string;
  /** Set the bot's clock before sending */
  clock?: string;
  /** Start over: fresh demo data and a new conversation */
  reset?: boolean;
  /** Send a conversation start (members added) instead of a message */
  start?: boolean;
  /** Which conversation to speak in, when a transcript has several (e.g. two residents racing) */
  conversation?: string;
}

export interface BotStep {
  kind: 'bot';
  line: number;
  /** Expected text: exact (spaces folded), with * wildcards, or a /regular expression/ */
  text: string;
  /** Expected button labels in order, when given */
  buttons?: string[];
  /** Expected texts inside cards, when given */
  cardTexts?: string[];
}

export type Step = UserStep | BotStep;

export interface Script {
  file: string;
  /** Local time the bot's clock starts at, and the demo data is seeded for */
  clock: string;
  /** Demo resident logged in from the start */
  login?: string;
  steps: Step[];
}

export const DEFAULT_CLOCK = '2026-12-01T09:00';

export class TranscriptError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'TranscriptError';
  }
}

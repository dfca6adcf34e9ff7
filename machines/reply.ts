// What machines say, as data: text keys with parameters, and the choices offered.
// Content renders the Swedish; bot/ renders buttons or cards per channel.

export type TextParams = Record<string, string | number>;

export interface TextRef {
  key: string;
  params?: TextParams;
}

export interface Choice {
  /** What the machine receives when this is chosen */
  value: string;
  label: TextRef;
  /** Other ways residents say this choice («nytt» for «Nya besvär»), as an editor wrote them */
  words?: string[];
}

/** What kind of answer the resident is asked for. */
export type Expects = 'choice' | 'yesno' | 'text' | 'number' | 'free';

export interface Reply {
  parts: TextRef[];
  choices?: Choice[];
  expects?: Expects;
  /** Shown as a card where the channel supports it (a booking summary) */
  card?: 'booking' | 'confirmation';
  /** A question the chart asks between a flow's questions; the flow's own question is asked again after it */
  interlude?: boolean;
  /** A booking made or moved: the channel offers it as a calendar entry */
  calendar?: { bookingId: string; patientId: string };
  /** The help for this question, where the flow's own help would not fit it (a yes/no, a reason) */
  help?: string;
}

export const t = (key: string, params?: TextParams): TextRef => (params ? { key, params } : { key });

export const choice = (value: string, key: string, params?: TextParams): Choice => ({ value, label: t(key, params) });

/** The values every machine understands for yes/no buttons. */
export const YES = 'yes';
export const NO = 'no';
export const BACK = 'back';
export const CHANGE = 'change';

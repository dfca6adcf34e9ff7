import type { DateTime } from 'luxon';
import { isClockTime, minutesOf } from '../booking/slot-filter.js';
import { localFields } from '../booking/time.js';
import { hasWish, type UserEvent } from '../machines/events.js';
import { BACK, CHANGE, NO, YES, type Choice, type Reply } from '../machines/reply.js';
import { buttonSaid, pauseSaid } from './button-words.js';
import { numberIn } from './number-words.js';
import type { Lexicon } from './lexicon.js';
import { normalize, sameWord, tokens } from '../content/words.js';
import { understand, type FullUnderstanding } from './understand.js';
import type { UnderstandingModel } from './understanding-model.js';

// From what the resident typed or clicked to one event, in the light of the last prompt:
// a button value, a label typed out, a number, a global command, yes/no, free text.
// An answer that fits the current question answers it; anything else is read by the
// understanding (intents learned from examples) and sent on with what it found.

/** Commands that work wherever the resident is. */
export type GlobalCommand = 'abort' | 'restart' | 'menu' | 'help' | 'logout';

export type Interpreted =
  | { kind: 'global'; command: GlobalCommand; understanding?: FullUnderstanding }
  | { kind: 'event'; event: UserEvent; understanding?: FullUnderstanding }
  /** A button of an earlier question, e.g. a double click after the answer was taken */
  | { kind: 'stale' }
  /** «vänta», «nej vänta lite»: a moment asked for; the question is asked again */
  | { kind: 'pause' };

export interface UserInput {
  text?: string;
  /** A card submit or button value: `{ choice: "...", prompt: n }` or the value itself */
  value?: unknown;
}

interface Submitted {
  choice: string;
  prompt?: number;
}

const GLOBALS: readonly string[] = ['abort', 'restart', 'menu', 'help', 'logout'];
const SHORT_COMMAND = 4;
/** A reason may well ask for help («behöver hjälp med knät»): only «hjälp» itself is the command there. */
const SHORT_HELP = 2;
/** Errands other than choosing a time: «nej, jag vill avboka i stället» at a confirmation asks to switch to it. */
const OTHER_ERRANDS: readonly string[] = ['view', 'cancel', 'book-invitation', 'guided'];
const ERRANDS: readonly string[] = [...OTHER_ERRANDS, 'rebook', 'book'];

function submittedChoice(value: unknown): Submitted | undefined {
  if (typeof value === 'string') return { choice: value };
  if (!value || typeof value !== 'object' || !('choice' in value) || typeof value.choice !== 'string') return undefined;
  const prompt = 'prompt' in value && typeof value.prompt === 'number' ? value.prompt : undefined;
  return { choice: value.choice, prompt };
}

/** "2", "nr 2", "alternativ 2", "den andra" */
/** Ordinal words beyond the lexicon's list of places: «tionde», «femtonde», «tjugonde», «elfte», «tolfte». */
const ORDINAL_WORD = /(onde|sjunde|elfte|tolfte)$/;

/**
 * A day, a time or a number said («den 10:e», «den femtonde», «ja, kl 9»): a message that
 * says one answers a yes/no question with more than yes, and is never taken as a yes.
 */
const saysNumber = (words: readonly string[], lex: Lexicon) =>
  words.some((w) => /\d/.test(w) || lex.ordinals.has(w) || (w.length >= 5 && ORDINAL_WORD.test(w)));

/** Words around a place in the list: «nr 2», «den andra», «the first one» */
const ORDINAL_PADDING = new Set('nr nummer alternativ val den det tiden valj the one number option'.split(' '));

/**
 * «ja fast …», «ja gärna men kan jag …», «ja eller vänta»: a yes taken back or held up by
 * what follows a hedge word; «ja men gärna», «ja men visst» are still a yes.
 */
function hedged(words: readonly string[], lex: Lexicon): boolean {
  const i = words.findIndex((w) => lex.hedges.has(w));
  if (i < 0) return false;
  const rest = words.slice(i + 1).filter((w) => !lex.padding.has(w) && !lex.answerWords.yes.has(w));
  return rest.length > 0 || i === words.length - 1;
}

function ordinalOf(words: readonly string[], lex: Lexicon): number | undefined {
  const rest = words.filter((w) => !ORDINAL_PADDING.has(w));
  const [w] = rest;
  if (rest.length !== 1 || w === undefined) return undefined;
  if (/^\d{1,2}$/.test(w)) return Number(w);
  // A number word is not taken as a place in the list: «tre» may be the answer itself (three days).
  return lex.ordinals.get(w);
}

/**
 * The one choice every word typed points to (politeness aside): a word points to the
 * choices whose label has it and, on a yes/no question, a yes or no word to that button
 * («nope fortsätt» is «Nej, fortsätt»). Undefined unless exactly one choice is left.
 */
function choiceByWords(
  words: readonly string[],
  choices: readonly Choice[],
  labelOf: (c: Choice) => string,
  lex: Lexicon,
): Choice | undefined {
  const significant = words.filter((w) => !lex.padding.has(w));
  if (significant.length === 0) return choiceStartingWith(words, choices, labelOf);
  const answers = lex.answerWords;
  const hits = choices.filter((c) => {
    const labelWords = tokens(normalize(labelOf(c)));
    return significant.every(
      (w) =>
        labelWords.some((lw) => sameWord(w, lw)) ||
        (c.value === YES && answers.yes.has(w)) ||
        (c.value === NO && answers.no.has(w)),
    );
  });
  return hits.length === 1 ? hits[0] : undefined;
}

/**
 * A message of small words only («mig») is the one choice whose label begins with them
 * («Mig själv»); «tack» is not «Nej tack».
 */
function choiceStartingWith(
  words: readonly string[],
  choices: readonly Choice[],
  labelOf: (c: Choice) => string,
): Choice | undefined {
  if (words.length === 0) return undefined;
  const hits = choices.filter((c) => {
    const labelWords = tokens(normalize(labelOf(c)));
    return words.every((w, i) => labelWords[i] === w);
  });
  return hits.length === 1 ? hits[0] : undefined;
}

/** The choices that are things listed (bookings, times, days, units…), not ways on («Senare tider», «Meny»). */
const ITEM_LABELS = new Set([
  'choice.booking',
  'choice.slot',
  'choice.slotWith',
  'choice.day',
  'choice.invitation',
  'choice.child',
  'choice.unit',
  'choice.service',
]);
const items = (choices: readonly Choice[]) => choices.filter((c) => ITEM_LABELS.has(c.label.key));

/** «den sista», «sista tiden»: the last of the things listed */
const saysLast = (words: readonly string[], lex: Lexicon) => {
  const rest = words.filter((w) => !['den', 'det', 'tiden', 'the', 'one'].includes(w) && !lex.padding.has(w));
  return rest.length === 1 && lex.lastWords.has(rest[0] ?? '');
};

const SLOT_LABELS = new Set(['choice.slot', 'choice.slotWith']);

/**
 * «kl 9», «10.00 på måndag»: the one time listed that starts at the clock time said, on
 * the day said if one is. A time of day that names none, or several, is a wish instead.
 */
function listedTimeSaid(understanding: FullUnderstanding, choices: readonly Choice[]): Choice | undefined {
  const { timeFrom, dateFrom, dateTo, weekday } = understanding.wish;
  if (!timeFrom || !isClockTime(understanding.wish)) return undefined;
  const hits = choices.filter((c) => {
    const start = c.label.params?.start;
    if (!SLOT_LABELS.has(c.label.key) || typeof start !== 'string') return false;
    const { date, minute, weekday: day } = localFields(start);
    return (
      minute === minutesOf(timeFrom) &&
      (!dateFrom || (date >= dateFrom && date <= (dateTo ?? dateFrom))) &&
      (!weekday || day === weekday)
    );
  });
  return hits.length === 1 ? hits[0] : undefined;
}

export interface PromptState {
  prompt?: Reply;
  /** Which question is current; buttons carry the number of the question they answer */
  seq: number;
}

/** Yes/no buttons become confirmed/declined, navigation buttons their events; any other value is a choice. */
function choiceEvent(value: string, prompt: Reply | undefined): UserEvent {
  if (value === BACK) return { type: 'user.back' };
  if (value === CHANGE) return { type: 'user.change' };
  if (prompt?.expects === 'yesno' && value === YES) return { type: 'user.confirmed' };
  if (prompt?.expects === 'yesno' && value === NO) return { type: 'user.declined' };
  return { type: 'user.chose', value };
}

export interface InterpretDeps {
  labelOf: (c: Choice) => string;
  model: UnderstandingModel;
  now: DateTime;
}

export async function interpret(input: UserInput, state: PromptState, deps: InterpretDeps): Promise<Interpreted> {
  const { prompt } = state;
  const lex = deps.model.lexicon;
  const choices = prompt?.choices ?? [];
  const submitted = submittedChoice(input.value);
  if (submitted?.prompt !== undefined && submitted.prompt !== state.seq) return { kind: 'stale' };
  if (submitted !== undefined) return { kind: 'event', event: choiceEvent(submitted.choice, prompt) };

  const text = (input.text ?? '').trim();
  // Each label is rendered once per message, however many readings look at it.
  const labels = new Map<Choice, string>();
  const labelOf = (c: Choice) => {
    let label = labels.get(c);
    if (label === undefined) labels.set(c, (label = deps.labelOf(c)));
    return label;
  };
  const normalized = normalize(text);
  const words = tokens(normalized);
  const exact = choices.find(
    (c) => normalize(labelOf(c)) === normalized || c.words?.some((w) => normalize(w) === normalized),
  );
  if (exact && normalized) return { kind: 'event', event: choiceEvent(exact.value, prompt) };
  if (prompt?.expects === 'number') {
    const n = numberIn(words, lex);
    if (n !== undefined) return { kind: 'event', event: { type: 'user.number', value: n } };
  }
  const n = ordinalOf(words, lex);
  const nth = n === undefined ? (saysLast(words, lex) ? items(choices).at(-1) : undefined) : choices[n - 1];
  if (nth) return { kind: 'event', event: choiceEvent(nth.value, prompt) };
  const otherwise = buttonSaid(words, prompt, labelOf, lex);
  if (otherwise) return { kind: 'event', event: choiceEvent(otherwise.value, prompt) };
  if (pauseSaid(words, lex)) return { kind: 'pause' };

  const understanding = await understand(text, deps.now, deps.model);
  const { intent } = understanding;
  const said: UserEvent = { type: 'user.said', text, understanding };
  // The words of a yes/no button say which («fortsätt» is «Nej, fortsätt», not «avbryt»).
  const moreThanYes =
    prompt?.expects === 'yesno' &&
    (saysNumber(words, lex) || hasWish(understanding) || text.includes('?') || hedged(words, lex));
  // «nej vet inte», «ja kanske»: not sure, neither yes nor no; the question decides what follows.
  if (understanding.unsure && prompt?.expects === 'yesno') return { kind: 'event', event: said, understanding };
  const byLabel = prompt?.expects === 'yesno' ? choiceByWords(words, choices, labelOf, lex) : undefined;
  if (byLabel && !(moreThanYes && byLabel.value === YES))
    return { kind: 'event', event: choiceEvent(byLabel.value, prompt), understanding };
  // A reason written in free text is the answer, unless it is a short command («avbryt»); a
  // message that also says when or with whom («nej förresten, samma läkare») answers the question.
  const commandLike = prompt?.expects !== 'text' || words.length <= (intent === 'help' ? SHORT_HELP : SHORT_COMMAND);
  const carriesWish = hasWish(understanding) || understanding.performer !== undefined || understanding.forSelf;
  // «tror det», «vet inte» are no «avbryt», whatever the classifier makes of them.
  if (GLOBALS.includes(intent) && commandLike && !carriesWish && !understanding.unsure)
    return { kind: 'global', command: intent as GlobalCommand, understanding };
  if ((intent === 'back' || intent === 'change') && commandLike) {
    // «tillbaka» with a button «Tillbaka till menyn» is that button.
    const button = choiceByWords(words, choices, labelOf, lex);
    if (button) return { kind: 'event', event: choiceEvent(button.value, prompt), understanding };
    return { kind: 'event', event: { type: intent === 'back' ? 'user.back' : 'user.change' }, understanding };
  }
  // «nej tack» at an optional question with one way past it («Hoppa över») is that way, not the answer.
  const saysOnlyNo =
    words.some((w) => lex.answerWords.no.has(w)) && words.every((w) => lex.answerWords.no.has(w) || lex.padding.has(w));
  if (prompt?.expects === 'text' && choices.length === 1 && choices[0] && saysOnlyNo)
    return { kind: 'event', event: choiceEvent(choices[0].value, prompt), understanding };
  // «nej förresten, ta en annan dag» at a reason is no reason: the new wish goes to the question before.
  const noWithWish = lex.answerWords.no.has(words[0] ?? '') && hasWish(understanding);
  if (prompt?.expects === 'text' && normalized && !noWithWish)
    return { kind: 'event', event: { type: 'user.text', text }, understanding };
  // «den tiden passar bra», «ja» with one time on offer: that time.
  const only = items(choices);
  if (prompt?.expects === 'choice' && intent === 'yes' && !saysNumber(words, lex) && only.length === 1 && only[0])
    return { kind: 'event', event: choiceEvent(only[0].value, prompt), understanding };
  // «nej, jag vill ha en annan tid», «nä det blev fel»: a no, unless it names another errand or a new wish
  // («nej förresten, boka om den istället» may leave the understanding unsure which: it is asked).
  const maybeErrand = intent === 'unclear' && understanding.alternatives?.some((a) => ERRANDS.includes(a));
  const saysNoFirst =
    prompt?.expects === 'yesno' &&
    lex.answerWords.no.has(words[0] ?? '') &&
    !OTHER_ERRANDS.includes(intent) &&
    !maybeErrand;
  if (saysNoFirst && !carriesWish) return { kind: 'event', event: { type: 'user.declined' }, understanding };
  if (prompt?.expects === 'yesno' && ((intent === 'yes' && !moreThanYes) || intent === 'no')) {
    return { kind: 'event', event: { type: intent === 'yes' ? 'user.confirmed' : 'user.declined' }, understanding };
  }
  const named =
    prompt?.expects === 'choice' && !OTHER_ERRANDS.includes(intent) && listedTimeSaid(understanding, choices);
  if (named) return { kind: 'event', event: choiceEvent(named.value, prompt), understanding };
  const byWords = choiceByWords(words, choices, labelOf, lex);
  if (byWords && !(moreThanYes && byWords.value === YES))
    return { kind: 'event', event: choiceEvent(byWords.value, prompt), understanding };
  return { kind: 'event', event: said, understanding };
}

import { DEFAULT_CLOCK, TranscriptError, type BotStep, type Script, type Step, type UserStep } from './script.js';

// The Bot Framework Emulator's .transcript: a JSON array of activities in both directions.
// Replay tolerates what real files contain (trace and typing activities, conversation
// updates, channelData, card submits with a value, a trailing comma) and compares what
// matters: text, buttons and card texts.
//
// Extensions, kept in channelData so the Emulator ignores them: on the first activity,
// `tidbokschatten: { clock, login }`; on a user message, `tidbokschatten: { login }`.

interface Activity {
  type?: string;
  text?: string;
  value?: unknown;
  from?: { role?: string; id?: string };
  recipient?: { role?: string };
  membersAdded?: { id?: string }[];
  channelData?: { tidbokschatten?: { clock?: string; login?: string } };
  suggestedActions?: { actions?: { title?: string }[] };
  attachments?: { contentType?: string; content?: unknown }[];
}

/** Line of a character offset, for error messages. */
const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (first) {
    // The Emulator has been seen writing a comma before the closing bracket.
    const lenient = text.replace(/,(\s*[\]}])/g, '$1');
    try {
      return JSON.parse(lenient);
    } catch {
      const message = (first as Error).message;
      const position = /position (\d+)/.exec(message);
      throw new TranscriptError(
        file,
        position ? lineAt(text, Number(position[1])) : 1,
        `The file is not valid JSON: ${message}`,
      );
    }
  }
}

/** The line where each element of the top-level array starts, so errors can point at it. */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (depth === 1 && c === '{') lines.push(line);
      depth++;
    } else if (c === '}' || c === ']') depth--;
  }
  return lines;
}

const isBot = (a: Activity) => a.from?.role === 'bot' || (a.from?.role === undefined && a.recipient?.role === 'user');
const isUser = (a: Activity) => a.from?.role === 'user' || (a.from?.role === undefined && a.recipient?.role === 'bot');

/** Texts of the TextBlocks (and similar) in an Adaptive or hero card. */
export function cardTexts(content: unknown): string[] {
  const out: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if ((o.type === 'TextBlock' || o.type === 'TextRun') && typeof o.text === 'string') out.push(o.text);
    if (typeof o.title === 'string' && o.type === undefined) out.push(o.title);
    for (const key of ['body', 'items', 'columns', 'inlines', 'facts']) if (key in o) visit(o[key]);
    if (o.type === 'Fact' || ('title' in o && 'value' in o && typeof o.value === 'string'))
      out.push(`${String(o.title)} ${String(o.value)}`);
  };
  visit(content);
  return out;
}

export function parseEmulatorTranscript(text: string, file: string): Script {
  const data = parseJson(text, file);
  if (!Array.isArray(data)) throw new TranscriptError(file, 1, 'A .transcript must be a JSON array of activities.');
  const steps: Step[] = [];
  const lines = elementLines(text);
  const settings = (data[0] as Activity | undefined)?.channelData?.tidbokschatten ?? {};
  data.forEach((raw, index) => {
    const a = raw as Activity | null | undefined;
    const line = lines[index] ?? 1;
    const n = index + 1;
    if (!a || typeof a !== 'object' || typeof a.type !== 'string')
      throw new TranscriptError(file, line, `Activity number ${n} has no type.`);
    if (a.type === 'trace' || a.type === 'typing' || a.type === 'event' || a.type === 'endOfConversation') return;
    if (a.type === 'conversationUpdate') {
      if (steps.length === 0 && (a.membersAdded?.length ?? 0) > 0) steps.push({ kind: 'user', line, start: true });
      return;
    }
    if (a.type !== 'message') return;
    if (isUser(a)) {
      const step: UserStep = { kind: 'user', line };
      if (a.text) step.text = a.text;
      if (a.value !== undefined) step.value = a.value;
      if (a.channelData?.tidbokschatten?.login !== undefined) step.login = a.channelData.tidbokschatten.login;
      if (step.text === undefined && step.value === undefined)
        throw new TranscriptError(file, line, `User activity number ${n} has neither text nor value.`);
      steps.push(step);
    } else if (isBot(a)) {
      const step: BotStep = { kind: 'bot', line, text: a.text ?? '' };
      if (a.suggestedActions?.actions) step.buttons = a.suggestedActions.actions.map((x) => x.title ?? '');
      const cards = (a.attachments ?? []).flatMap((x) => cardTexts(x.content));
      if (cards.length > 0) step.cardTexts = cards;
      steps.push(step);
    } else {
      throw new TranscriptError(
        file,
        line,
        `Activity number ${n} is a message from neither the user nor the bot (no from.role).`,
      );
    }
  });
  if (!steps.some((s) => s.kind === 'user'))
    throw new TranscriptError(file, 1, 'The transcript has no user message to send.');
  return { file, clock: settings.clock ?? DEFAULT_CLOCK, login: settings.login, steps };
}

import { DEFAULT_CLOCK, TranscriptError, type BotStep, type Script, type Step, type UserStep } from './script.js';

// Chatdown (.chat), the Bot Framework's readable transcript format, as testers write it:
//
//   user=Resident            header: who is who (names are the line prefixes)
//   bot=Bot
//   clock=2026-12-01T09:00    extension: the bot's clock and the day the demo data is seeded
//   login=191212121212        extension: log in as a demo resident from the start
//
//   Resident: vilka tider har jag
//   Bot: Du har 7 bokade tider:
//   Bot: tisdag * kl. 9.30*       * matches anything; /.../ is a regular expression
//   Resident: [Click=Avboka en tid]          extension: click a button by its label
//   Bot: Vilken tid vill du avboka? [Suggestions=a|b|c]
//
// Lines that do not start with a name continue the message above. Lines starting with #
// are comments. Annotations in [brackets]: Suggestions (alias SuggestedActions),
// Attachment, AttachmentLayout, Typing and Delay from Chatdown; Click, Login, Logout,
// Clock, Reset, ConversationUpdate and Conversation (speak in a second conversation)
// added here.

const ANNOTATION = /\[([A-Za-z]+)(?:=([^\]]*))?\]/g;
const USER_ANNOTATIONS = [
  'click',
  'login',
  'logout',
  'clock',
  'reset',
  'conversationupdate',
  'conversation',
  'typing',
  'delay',
];
const BOT_ANNOTATIONS = ['suggestions', 'suggestedactions', 'attachment', 'attachmentlayout', 'typing', 'delay'];
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const PERSONNUMMER = /^(19|20)\d{10}$/;

interface Draft {
  who: 'user' | 'bot';
  line: number;
  lines: string[];
}

export function parseChatdown(text: string, file: string): Script {
  const header: Record<string, string> = {};
  const drafts: Draft[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const headerMatch = /^(user|bot|clock|login|channelId)\s*=\s*(.*)$/i.exec(trimmed);
    const [, headerKey, headerValue] = headerMatch ?? [];
    if (headerKey !== undefined && headerValue !== undefined && drafts.length === 0) {
      header[headerKey.toLowerCase()] = headerValue.trim();
      return;
    }
    const userName = header.user ?? 'user';
    const botName = header.bot ?? 'bot';
    const [, speaker, said = ''] = /^([^:[]+?)\s*:(.*)$/.exec(trimmed) ?? [];
    const name = speaker?.trim().toLowerCase();
    const previous = drafts.at(-1);
    if (name !== undefined && (name === userName.toLowerCase() || name === 'user'))
      drafts.push({ who: 'user', line, lines: [said.trim()] });
    else if (name !== undefined && (name === botName.toLowerCase() || name === 'bot'))
      drafts.push({ who: 'bot', line, lines: [said.trim()] });
    else if (previous) previous.lines.push(trimmed);
    else
      throw new TranscriptError(
        file,
        line,
        `This line is neither a header (user=, bot=, clock=, login=) nor a message from "${userName}:" or "${botName}:".`,
      );
  });
  if (header.clock !== undefined && !LOCAL_TIME.test(header.clock)) {
    throw new TranscriptError(file, 1, `clock= must be a local time such as ${DEFAULT_CLOCK}, not "${header.clock}".`);
  }
  if (header.login !== undefined && !PERSONNUMMER.test(header.login)) {
    throw new TranscriptError(
      file,
      1,
      `login= must be a personnummer of twelve digits such as 191212121212, not "${header.login}".`,
    );
  }
  const steps: Step[] = drafts.map((d) => (d.who === 'user' ? userStep(d, file) : botStep(d, file)));
  if (!steps.some((s) => s.kind === 'user'))
    throw new TranscriptError(file, 1, 'The transcript has no user message to send.');
  return { file, clock: header.clock ?? DEFAULT_CLOCK, login: header.login, steps };
}

function annotationsOf(
  d: Draft,
  file: string,
  allowed: readonly string[],
): { text: string; notes: Map<string, string> } {
  const joined = d.lines.join('\n');
  const notes = new Map<string, string>();
  for (const m of joined.matchAll(ANNOTATION)) {
    const key = (m[1] ?? '').toLowerCase();
    if (!allowed.includes(key)) {
      throw new TranscriptError(
        file,
        d.line,
        `Unknown annotation [${m[1]}] in a ${d.who} line. Known here: ${allowed.join(', ')}.`,
      );
    }
    notes.set(key, (m[2] ?? '').trim());
  }
  return { text: joined.replace(ANNOTATION, '').trim(), notes };
}

function userStep(d: Draft, file: string): UserStep {
  const { text, notes } = annotationsOf(d, file, USER_ANNOTATIONS);
  const step: UserStep = { kind: 'user', line: d.line };
  if (text) step.text = text;
  if (notes.has('click')) step.click = notes.get('click');
  if (notes.has('logout')) step.login = '';
  const pnr = notes.get('login');
  if (pnr !== undefined) {
    if (!PERSONNUMMER.test(pnr))
      throw new TranscriptError(file, d.line, `[Login=...] needs a personnummer of twelve digits, not "${pnr}".`);
    step.login = pnr;
  }
  const clock = notes.get('clock');
  if (clock !== undefined) {
    if (!LOCAL_TIME.test(clock))
      throw new TranscriptError(
        file,
        d.line,
        `[Clock=...] needs a local time such as ${DEFAULT_CLOCK}, not "${clock}".`,
      );
    step.clock = clock;
  }
  if (notes.has('reset')) step.reset = true;
  if (notes.get('conversation')) step.conversation = notes.get('conversation');
  if (notes.has('conversationupdate')) step.start = true;
  if (!step.text && !step.click && !step.start && !step.reset && step.login === undefined && !step.clock) {
    throw new TranscriptError(file, d.line, 'The user line is empty: write a message or a [Click=label].');
  }
  return step;
}

function botStep(d: Draft, file: string): BotStep {
  const { text, notes } = annotationsOf(d, file, BOT_ANNOTATIONS);
  const step: BotStep = { kind: 'bot', line: d.line, text };
  const suggestions = notes.get('suggestions') ?? notes.get('suggestedactions');
  if (suggestions !== undefined) step.buttons = suggestions === '' ? [] : suggestions.split('|').map((s) => s.trim());
  if (!text && step.buttons === undefined)
    throw new TranscriptError(
      file,
      d.line,
      'The bot line says nothing: write the expected text, * for any text, or [Suggestions=...].',
    );
  return step;
}

/** Writes a recorded conversation as a .chat file that replays it. */
export function writeChatdown(script: Omit<Script, 'file'>, names: { user: string; bot: string }): string {
  const out = [
    `user=${names.user}`,
    `bot=${names.bot}`,
    `clock=${script.clock}`,
    ...(script.login ? [`login=${script.login}`] : []),
    '',
  ];
  for (const step of script.steps) {
    if (step.kind === 'user') {
      const notes = [
        step.reset ? '[Reset]' : '',
        step.clock ? `[Clock=${step.clock}]` : '',
        step.login === '' ? '[Logout]' : step.login ? `[Login=${step.login}]` : '',
        step.start ? '[ConversationUpdate]' : '',
        step.click ? `[Click=${step.click}]` : '',
      ]
        .filter(Boolean)
        .join('');
      out.push(`${names.user}: ${[notes, step.click ? '' : (step.text ?? '')].filter(Boolean).join(' ')}`);
    } else {
      const buttons = step.buttons && step.buttons.length > 0 ? ` [Suggestions=${step.buttons.join('|')}]` : '';
      const [first = '', ...rest] = step.text.split(/\n+/);
      out.push(
        `${names.bot}: ${first}${rest.length === 0 ? buttons : ''}`,
        ...rest.map((l, i) => (i === rest.length - 1 ? `${l}${buttons}` : l)),
      );
    }
  }
  return `${out.join('\n')}\n`;
}

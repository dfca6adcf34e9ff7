import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { DateTime } from 'luxon';
import { must } from '../booking/invariant.js';
import { loadContentOrThrow } from '../content/load.js';
import { startLocalBot } from './local-bot.js';
import { writeChatdown } from './transcripts/chatdown.js';
import { HttpBotClient, type BotReply } from './transcripts/http-client.js';
import type { Step, UserStep } from './transcripts/script.js';

// `npm run chat`: a console chat with the bot, on its own fresh demo data (or, with
// --url, with a bot already running). `--record file.chat` saves the conversation as a
// transcript that `npm run test:transcripts` can replay.

const HELP = `Commands:
  /login 191212121212   log in as a demo resident (/people lists them)
  /logout               log out
  /clock 2026-12-01T09:00  set the bot's clock
  /reset                fresh demo data and a new conversation
  /quit                 end (also Ctrl+D)
A number clicks that button; anything else is sent as a message.`;

/** The address a button opens, as a full URL, if it is a link rather than an answer. */
let botUrl = '';
const linkOf = (b: { value?: unknown }) =>
  typeof b.value === 'string' && /^(https?:\/\/|\/)/.test(b.value)
    ? b.value.startsWith('/')
      ? `${botUrl}${b.value}`
      : b.value
    : undefined;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const url = option(args, '--url');
  const recordTo = option(args, '--record');
  const clock = option(args, '--clock') ?? DateTime.now().setZone('Europe/Stockholm').toFormat("yyyy-MM-dd'T'HH:mm");
  const own = url ? undefined : await startLocalBot(loadContentOrThrow(), clock);
  botUrl = url ?? must(own, 'a bot of its own').url;
  const client = new HttpBotClient(botUrl);
  const steps: Step[] = [];
  let pending: Partial<UserStep> = {};
  let last: BotReply[] = [];

  const show = (replies: BotReply[]) => {
    // Buttons are numbered across the whole answer, as the number typed picks among them all.
    let n = 0;
    for (const r of replies) {
      console.log(`\n  ${r.text.replace(/\n/g, '\n  ')}`);
      for (const b of r.buttons) console.log(`    [${++n}] ${b.title}${linkOf(b) ? ` (${linkOf(b)})` : ''}`);
      steps.push({
        kind: 'bot',
        line: 0,
        text: r.text,
        ...(r.buttons.length ? { buttons: r.buttons.map((b) => b.title) } : {}),
      });
    }
    last = replies;
  };
  const userTurn = async (step: Omit<UserStep, 'kind' | 'line'>, send: () => Promise<BotReply[]>) => {
    steps.push({ kind: 'user', line: 0, ...pending, ...step });
    pending = {};
    show(await send());
  };

  console.log(
    `Tidbokschatten – console chat. Clock ${clock}. Type /help for commands.${recordTo ? ` Recording to ${recordTo}.` : ''}`,
  );
  await userTurn({ start: true }, () => client.start());
  const lines = createInterface({ input: process.stdin, output: process.stdout, prompt: '\ndu> ' });
  lines.prompt();
  for await (const raw of lines) {
    const input = raw.trim();
    try {
      if (input === '/quit') break;
      else if (input === '/help') console.log(HELP);
      else if (input.startsWith('/login ')) {
        const pnr = input.slice(7).trim();
        console.log(`  (logged in as ${await client.login(pnr)})`);
        pending.login = pnr;
      } else if (input === '/logout') {
        client.logout();
        pending.login = '';
        console.log('  (logged out)');
      } else if (input.startsWith('/clock ')) {
        const local = input.slice(7).trim();
        console.log(`  (clock set to ${await client.setClock(local)})`);
        pending.clock = local;
      } else if (input === '/reset') {
        await client.reset();
        pending.reset = true;
        console.log('  (fresh demo data and a new conversation)');
      } else if (input === '/people') {
        const people = (await (await fetch(`${client.baseUrl}/api/demo/people`)).json()) as {
          personnummer: string;
          name: string;
        }[];
        people.forEach((p) => console.log(`  ${p.personnummer}  ${p.name}`));
      } else if (input.startsWith('/')) console.log(`  Unknown command ${input}. ${HELP}`);
      else if (
        /^\d{1,2}$/.test(input) &&
        !last.some((r) => r.expects === 'number' || r.expects === 'text') &&
        last.flatMap((r) => r.buttons)[Number(input) - 1]
      ) {
        const button = must(last.flatMap((r) => r.buttons)[Number(input) - 1], 'the button numbered');
        const link = linkOf(button);
        // A button that opens a link (the calendar entry) is shown, not sent.
        if (link) console.log(`  ${link}`);
        else await userTurn({ click: button.title }, () => client.send({ text: button.title, value: button.value }));
      } else if (input) await userTurn({ text: input }, () => client.send({ text: input }));
    } catch (error) {
      console.log(`  (error: ${(error as Error).message})`);
    }
    lines.prompt();
  }
  lines.close();
  if (recordTo) {
    const content = loadContentOrThrow();
    writeFileSync(
      recordTo,
      writeChatdown(
        { clock, steps },
        { user: content.texts.render('chat.userName'), bot: content.texts.render('chat.botName') },
      ),
    );
    console.log(`\nSaved the conversation to ${recordTo}. Run it with: npm run test:transcripts`);
  }
  await own?.stop();
}

await main();

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChatdown, writeChatdown } from '../../tools/transcripts/chatdown.js';
import { parseEmulatorTranscript } from '../../tools/transcripts/emulator.js';
import { HttpBotClient } from '../../tools/transcripts/http-client.js';
import { loadTranscript } from '../../tools/transcripts/load.js';
import { formatFailure, runScript, textMatches } from '../../tools/transcripts/runner.js';
import { TranscriptError } from '../../tools/transcripts/script.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { seededTemplate } from '../support/seeded-template.js';

const errorOf = (run: () => unknown): TranscriptError => {
  try {
    run();
  } catch (error) {
    if (error instanceof TranscriptError) return error;
    throw error;
  }
  throw new Error('expected a TranscriptError');
};

describe('reading transcripts', () => {
  it.each([
    [
      'a line that is neither user nor bot',
      'user=Invånare\nbot=Tidbokschatten\nOm jag får säga något\nInvånare: hej',
      3,
      'neither a header',
    ],
    ['an unknown annotation', 'user=U\nbot=B\nU: hej\nB: Hej [Button=ok]', 4, 'Unknown annotation [Button]'],
    ['a user annotation on a bot line', 'user=U\nbot=B\nU: hej\nB: [Click=Meny]', 4, 'Unknown annotation [Click]'],
    ['a bad clock', 'user=U\nbot=B\nclock=imorgon\nU: hej', 1, 'clock= must be a local time'],
    ['a bad login', 'user=U\nbot=B\nU: [Login=1212] hej', 3, 'twelve digits'],
    ['an empty user line', 'user=U\nbot=B\nU:\nB: hej', 3, 'The user line is empty'],
    ['no user message at all', 'user=U\nbot=B\nB: hej', 1, 'no user message'],
  ])('rejects %s with its line and a plain explanation', (_, text, line, message) => {
    const error = errorOf(() => parseChatdown(text, 'x.chat'));
    expect(error.line).toBe(line);
    expect(error.message).toContain(`x.chat:${line}: `);
    expect(error.reason).toContain(message);
  });

  it('reads continuation lines, comments and suggestions', () => {
    const script = parseChatdown(
      '# en kommentar\nuser=U\nbot=B\nU: hej\nB: rad ett\nrad två [Suggestions=Ja|Nej]',
      'x.chat',
    );
    expect(script.steps).toEqual([
      { kind: 'user', line: 4, text: 'hej' },
      { kind: 'bot', line: 5, text: 'rad ett\nrad två', buttons: ['Ja', 'Nej'] },
    ]);
  });

  it('writes what it reads: a recorded conversation replays as recorded', () => {
    const steps = [
      { kind: 'user' as const, line: 0, start: true },
      { kind: 'bot' as const, line: 0, text: 'Hej!\n\nVad vill du göra?', buttons: ['Avboka', 'Omboka'] },
      { kind: 'user' as const, line: 0, click: 'Avboka', login: '191212121212' },
      { kind: 'user' as const, line: 0, text: 'nej tack', clock: '2026-12-02T10:00' },
    ];
    const again = parseChatdown(
      writeChatdown({ clock: '2026-12-01T09:00', steps }, { user: 'Resident', bot: 'Bot' }),
      'r.chat',
    );
    expect(again.steps.map((s) => ({ ...s, line: undefined }))).toEqual([
      { kind: 'user', start: true },
      { kind: 'bot', text: 'Hej!\nVad vill du göra?', buttons: ['Avboka', 'Omboka'] },
      { kind: 'user', click: 'Avboka', login: '191212121212' },
      { kind: 'user', text: 'nej tack', clock: '2026-12-02T10:00' },
    ]);
  });

  it('tolerates what Emulator files contain and reports broken JSON with its line', () => {
    const script = loadTranscript('test/transcripts/emulator-visa-och-meny.transcript');
    expect(script.login).toBe('191111111111');
    expect(script.steps.map((s) => s.kind)).toEqual(['user', 'bot', 'user', 'bot', 'bot', 'bot']);
    expect(script.steps[2]).toMatchObject({ text: 'Mina bokade tider', value: { choice: 'view' } });
    const broken = errorOf(() =>
      parseEmulatorTranscript('[\n  {"type": "message",\n  "text": "hej"\n  "from": {}}\n]', 'b.transcript'),
    );
    expect(broken.message).toMatch(/^b\.transcript:4: The file is not valid JSON/);
    expect(errorOf(() => parseEmulatorTranscript('{"type":"message"}', 'o.transcript')).reason).toContain('JSON array');
    expect(
      errorOf(() => parseEmulatorTranscript('[\n{"type":"message","text":"hej"}\n]', 'n.transcript')).reason,
    ).toContain('neither the user nor the bot');
  });

  it('matches text exactly, with * wildcards, or by /regular expression/', () => {
    expect(textMatches('Du har 7 bokade tider:', 'Du har  7 bokade\ntider:')).toBe(true);
    expect(textMatches('Du har * bokade tider:', 'Du har 7 bokade tider:')).toBe(true);
    expect(textMatches('Du har 6 bokade tider:', 'Du har 7 bokade tider:')).toBe(false);
    expect(textMatches('/^Klart! .* kl\\. 8\\.20\\./', 'Klart! Du har bokat X kl. 8.20.')).toBe(true);
    expect(textMatches('Kostar (inget)?', 'Kostar (inget)?')).toBe(true);
  });
});

describe('running transcripts', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({}, seededTemplate('2026-12-01T09:00'));
  });
  afterAll(() => app.stop());

  const run = (file: string) => runScript(loadTranscript(file), new HttpBotClient(app.url));

  it('fails a transcript whose expectation is wrong, naming the file, the line, the expected and the actual reply', async () => {
    const result = await run('test/fixtures/transcripts/fel-forvantan.chat');
    expect(result.ok).toBe(false);
    const text = result.ok ? '' : formatFailure(result.failure);
    expect(text).toContain('test/fixtures/transcripts/fel-forvantan.chat:6');
    expect(text).toContain('expected: Hej! Välkommen till något helt annat.');
    expect(text).toContain('actual:   Hej! Jag hjälper dig med dina tider');
  });

  it('fails a click on a button the bot did not offer, listing the buttons it did offer', async () => {
    const result = await run('test/fixtures/transcripts/fel-knapp.chat');
    expect(result.ok ? '' : formatFailure(result.failure)).toMatch(
      /fel-knapp\.chat:6\n {2}expected: a button "Boka en massage"\n {2}actual: {3}buttons: Mina bokade tider \| Avboka en tid/,
    );
  });

  it('fails when the bot says more than the transcript expects', async () => {
    const result = await run('test/fixtures/transcripts/for-mycket-fran-boten.chat');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.failure.expected).toBe('(nothing more from the bot)');
  });

  it('passes a recorded transcript and counts its turns', async () => {
    const result = await run('test/transcripts/avboka-vanlig-tid.chat');
    expect(result).toEqual({ ok: true, turns: 5 });
  });
});

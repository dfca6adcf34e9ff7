import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseChatdown } from './chatdown.js';
import { parseEmulatorTranscript } from './emulator.js';
import { TranscriptError, type Script } from './script.js';

/** Reads a .chat or .transcript file; a malformed file gives a TranscriptError with its line. */
export function loadTranscript(path: string): Script {
  const file = relative(process.cwd(), path) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new TranscriptError(file, 1, 'The file cannot be read.');
  }
  if (path.endsWith('.chat')) return parseChatdown(text, file);
  if (path.endsWith('.transcript')) return parseEmulatorTranscript(text, file);
  throw new TranscriptError(file, 1, 'A transcript file must end in .chat or .transcript.');
}

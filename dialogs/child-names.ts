import { normalize, sameWord, tokens } from '../content/words.js';
import type { ChildKind } from '../machines/events.js';
import type { Choice, Reply } from '../machines/reply.js';
import type { Interpreted, UserInput } from './interpret.js';
import type { Lexicon } from './lexicon.js';

// «visa lillas tid», «avboka tiden för Tore»: a child of the resident's named by given
// name. The understanding knows no one's name, so the name is read as «mitt barn» («mitt
// barns» for «lillas») and the errand is for that child. A short name is matched as written
// (many are words too), a longer one also with a small typo; never in a free-text answer,
// and never against the child's kind: «min lilla son» is no daughter called Lilla.

export interface ChildName {
  id: string;
  name: string;
  kind: ChildKind;
}

export interface ChildNamed {
  /** The message with the child's name read as «mitt barn» */
  text: string;
  childId: string;
}

const SHORTEST_NAME = 2;
const LONGER_NAME = 5;

const givenName = (name: string) => tokens(normalize(name))[0] ?? '';
/** A longer name («lilla») also with a letter missing or an ending («lila», «lillan»); a short one as written. */
const isName = (word: string, given: string) =>
  word === given ||
  word === `${given}s` ||
  (given.length >= LONGER_NAME && (sameWord(word, given) || sameWord(word, `${given}s`)));

export function childNamedIn(
  text: string,
  children: readonly ChildName[],
  prompt: Reply | undefined,
  labelOf: (c: Choice) => string,
  lex: Lexicon,
): ChildNamed | undefined {
  if (prompt?.expects === 'text' || children.length === 0) return undefined;
  const words = tokens(normalize(text));
  const onButtons = new Set((prompt?.choices ?? []).flatMap((c) => tokens(normalize(labelOf(c)))));
  const otherKind = (kind: ChildKind) => words.some((w) => lex.childKinds[kind === 'son' ? 'daughter' : 'son'].has(w));
  const named = children.filter((c) => {
    const given = givenName(c.name);
    return (
      given.length >= SHORTEST_NAME &&
      !onButtons.has(given) &&
      !otherKind(c.kind) &&
      words.some((w) => isName(w, given))
    );
  });
  const child = named.length === 1 ? named[0] : undefined;
  if (!child) return undefined;
  const given = givenName(child.name);
  const read = words.map((w) => (isName(w, given) ? (w.endsWith('s') ? 'mitt barns' : 'mitt barn') : w)).join(' ');
  return { text: read, childId: child.id };
}

/** The message as the understanding should read it, and the child it names, if any. */
export async function namingChild(
  input: UserInput,
  prompt: Reply | undefined,
  who: { patientId?: string; actingFor?: unknown },
  deps: {
    children?: (patientId: string) => Promise<readonly ChildName[]>;
    labelOf: (c: Choice) => string;
    model: { lexicon: Lexicon };
  },
): Promise<{ input: UserInput; childId?: string }> {
  const { patientId } = who;
  const typed = input.text?.trim() && input.value === undefined && prompt?.expects !== 'text';
  if (!typed || !input.text || !patientId || who.actingFor !== undefined || !deps.children) return { input };
  const named = childNamedIn(input.text, await deps.children(patientId), prompt, deps.labelOf, deps.model.lexicon);
  return named ? { input: { ...input, text: named.text }, childId: named.childId } : { input };
}

/** What a message was read as, with the child it named (the understanding itself is shared and frozen). */
export function forNamedChild(interpreted: Interpreted, childId: string | undefined): Interpreted {
  if (childId === undefined || (interpreted.kind !== 'event' && interpreted.kind !== 'global')) return interpreted;
  if (!interpreted.understanding) return interpreted;
  const understanding = { ...interpreted.understanding, forChild: true, childId };
  if (interpreted.kind === 'global') return { ...interpreted, understanding };
  const { event } = interpreted;
  return { ...interpreted, understanding, event: event.type === 'user.said' ? { ...event, understanding } : event };
}

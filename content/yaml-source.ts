import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';

// A content file as parsed YAML that remembers where every value stands, so that a
// problem found by the schema or a later cross-check can name the file, line and column.

export interface ContentProblem {
  file: string;
  line: number;
  column: number;
  /** Where in the file's structure, e.g. "enheter[2].typ" */
  where: string;
  message: string;
}

export type PathPart = string | number;

export class YamlSource {
  private constructor(
    readonly file: string,
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  static read(path: string, root: string): { source?: YamlSource; problems: ContentProblem[] } {
    const file = relative(root, path) || path;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return { problems: [{ file, line: 1, column: 1, where: '', message: 'Filen saknas eller går inte att läsa.' }] };
    }
    return YamlSource.parse(text, file);
  }

  static parse(text: string, file: string): { source?: YamlSource; problems: ContentProblem[] } {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const problems = doc.errors.map((e) => {
      const pos = lines.linePos(e.pos[0]);
      return { file, line: pos.line, column: pos.col, where: '', message: yamlMessage(e.code, e.message) };
    });
    if (problems.length > 0) return { problems };
    return { source: new YamlSource(file, doc, lines), problems: [] };
  }

  data(): unknown {
    return this.doc.toJS();
  }

  /** Position of the value at a path; falls back to the nearest existing parent. */
  at(path: readonly PathPart[], message: string, keyOnly = false): ContentProblem {
    let node: unknown = this.doc.contents;
    let found: unknown = node;
    for (const part of path) {
      if (!isMap(node) && !(node && typeof node === 'object' && 'items' in node)) break;
      const collection = node as { items: unknown[] };
      const next = isMap(node)
        ? node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part))
        : collection.items[Number(part)];
      if (next === undefined) break;
      found = isPair(next) ? (keyOnly ? next.key : (next.value ?? next.key)) : next;
      node = isPair(next) ? next.value : next;
    }
    const range = (found as Node | null)?.range;
    const pos = this.lines.linePos(range ? range[0] : 0);
    return { file: this.file, line: pos.line, column: pos.col, where: formatPath(path), message };
  }

  /** Validates against a zod schema; each issue becomes a problem at its place in the file. */
  validate<T>(schema: z.ZodType<T>): { value?: T; problems: ContentProblem[] } {
    const result = schema.safeParse(this.data());
    if (result.success) return { value: result.data, problems: [] };
    return { problems: result.error.issues.map((issue) => this.problemOf(issue)) };
  }

  private problemOf(issue: z.core.$ZodIssue): ContentProblem {
    const path = issue.path.filter((p): p is PathPart => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0] ?? '';
      return this.at([...path, key], `Okänt fält "${issue.keys.join('", "')}". Kontrollera stavningen.`, true);
    }
    return this.at(path, explain(issue, this.has(path)));
  }

  private has(path: readonly PathPart[]): boolean {
    let value: unknown = this.data();
    for (const part of path) {
      if (value === null || typeof value !== 'object' || !(String(part) in value)) return false;
      value = (value as Record<string, unknown>)[String(part)];
    }
    return value !== undefined && value !== null;
  }
}

export function formatPath(path: readonly PathPart[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

export function formatProblem(p: ContentProblem): string {
  const where = p.where ? ` (${p.where})` : '';
  return `${p.file}:${p.line}:${p.column}${where}: ${p.message}`;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'en text',
  number: 'ett tal',
  boolean: 'ja eller nej (true/false)',
  array: 'en lista',
  object: 'en samling fält',
  int: 'ett heltal',
};

function explain(issue: z.core.$ZodIssue, present: boolean): string {
  switch (issue.code) {
    case 'invalid_type':
      if (!present) return `Fältet saknas men måste finnas (${TYPE_NAMES[issue.expected] ?? issue.expected}).`;
      return `Ska vara ${TYPE_NAMES[issue.expected] ?? issue.expected}.`;
    case 'invalid_value':
      return `Ogiltigt värde. Tillåtna värden: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'too_small':
      return issue.origin === 'string' ? 'Texten får inte vara tom.' : `För litet: minst ${String(issue.minimum)}.`;
    case 'too_big':
      return `För stort: högst ${String(issue.maximum)}.`;
    case 'invalid_format':
      return `Fel format. ${issue.message}`;
    default:
      return issue.message;
  }
}

function yamlMessage(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return 'Samma nyckel står två gånger. Ta bort eller byt namn på den ena.';
  if (code === 'BAD_INDENT' || code === 'MISSING_CHAR')
    return `Fel indrag eller tecken i YAML: ${message.split('\n')[0]}`;
  return `YAML-filen går inte att läsa: ${message.split('\n')[0]}`;
}

import type { DateTime } from 'luxon';
import { FORMATTERS, type FormatterName } from './format.js';
import type { TextTree } from './schemas.js';

// Texts are templates with placeholders: "{unitName}" inserts a value as it is, and
// "{start|datetime}" formats an ISO time the Swedish way (see format.ts).

export type TextParams = Record<string, string | number | undefined>;

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)(?:\|([a-z]+))?\}/g;

export interface Placeholder {
  name: string;
  format?: string;
}

export function placeholdersOf(template: string): Placeholder[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => ({ name: m[1] ?? '', format: m[2] }));
}

export const isFormatter = (name: string): name is FormatterName => Object.hasOwn(FORMATTERS, name);

/** "{first|text}" inserts another text, named by the value: e.g. the phrase for an intent. */
export const TEXT_FORMAT = 'text';

export const isKnownFormat = (name: string): boolean => name === TEXT_FORMAT || isFormatter(name);

export function flattenTexts(tree: TextTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flattenTexts(value, full)) out.set(k, v);
  }
  return out;
}

/** A template split once into its text and its placeholders, in order: text, placeholder, text, … */
interface Compiled {
  texts: string[];
  holes: Placeholder[];
}

function compile(template: string): Compiled {
  const texts: string[] = [];
  const holes: Placeholder[] = [];
  let at = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    texts.push(template.slice(at, m.index));
    holes.push({ name: m[1] ?? '', ...(m[2] ? { format: m[2] } : {}) });
    at = m.index + m[0].length;
  }
  texts.push(template.slice(at));
  return { texts, holes };
}

export class Texts {
  /** Each template compiled the first time it is rendered */
  private readonly compiled = new Map<string, Compiled>();

  constructor(private readonly templates: ReadonlyMap<string, string>) {}

  has(key: string): boolean {
    return this.templates.has(key);
  }

  keys(): string[] {
    return [...this.templates.keys()];
  }

  template(key: string): string | undefined {
    return this.templates.get(key);
  }

  /** Renders a text; a missing key or parameter is a bug the content checker should have caught. */
  render(key: string, params: TextParams = {}, now?: DateTime): string {
    let compiled = this.compiled.get(key);
    if (compiled === undefined) {
      const template = this.templates.get(key);
      if (template === undefined) throw new Error(`Missing text: ${key}`);
      this.compiled.set(key, (compiled = compile(template)));
    }
    const { texts, holes } = compiled;
    let out = texts[0] ?? '';
    for (let i = 0; i < holes.length; i++) {
      const { name, format } = holes[i] as Placeholder;
      const value = params[name];
      if (value === undefined) throw new Error(`Text ${key} needs parameter ${name}`);
      out += this.filled(key, String(value), format, now) + (texts[i + 1] ?? '');
    }
    return out;
  }

  private filled(key: string, value: string, format: string | undefined, now: DateTime | undefined): string {
    if (!format) return value;
    if (format === TEXT_FORMAT) return this.render(value, {}, now);
    if (!isFormatter(format)) throw new Error(`Text ${key} uses unknown format ${format}`);
    return FORMATTERS[format](value, now);
  }
}

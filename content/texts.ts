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

export class Texts {
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
    const template = this.templates.get(key);
    if (template === undefined) throw new Error(`Missing text: ${key}`);
    return template.replace(PLACEHOLDER, (_, name: string, format: string | undefined) => {
      const value = params[name];
      if (value === undefined) throw new Error(`Text ${key} needs parameter ${name}`);
      if (!format) return String(value);
      if (format === TEXT_FORMAT) return this.render(String(value), {}, now);
      if (!isFormatter(format)) throw new Error(`Text ${key} uses unknown format ${format}`);
      return FORMATTERS[format](String(value), now);
    });
  }
}

import { checkDeadlineWords } from './deadline-check.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import type { RulesProvider } from '../booking/catalog.js';
import { rulesProviderOf } from './konfiguration.js';
import {
  emergencySchema,
  examplesSchema,
  konfigurationSchema,
  peopleFileSchema,
  textsFileSchema,
  unitsFileSchema,
  type EmergencyFile,
  type ExamplesFile,
  type KonfigurationFile,
  type PeopleFile,
  type UnitsFile,
} from './schemas.js';
import { languageSchema, type LanguageFile } from './language-schema.js';
import { checkEmergencyExamples, checkExamples } from './examples-check.js';
import { checkQuestionnaire, questionnaireTextParams } from './questionnaire-check.js';
import { questionnaireSchema, type Questionnaire } from './questionnaire-schema.js';
import { crossCheck } from './cross-check.js';
import { flattenTexts, Texts } from './texts.js';
import { formatProblem, YamlSource, type ContentProblem } from './yaml-source.js';

/** The folder that holds the shipped content (this file's folder). */
export const CONTENT_DIR = fileURLToPath(new URL('.', import.meta.url));

export const CONTENT_FILES = {
  texts: 'texter.yaml',
  konfiguration: 'konfiguration.yaml',
  units: 'demo/enheter.yaml',
  people: 'demo/personer.yaml',
  language: 'sprak.yaml',
  emergency: 'akut.yaml',
  examples: 'exempel.yaml',
  questionnaires: 'fragor',
} as const;

export interface Content {
  texts: Texts;
  konfiguration: KonfigurationFile;
  rulesFor: RulesProvider;
  units: UnitsFile['units'];
  people: PeopleFile['people'];
  language: LanguageFile;
  emergency: EmergencyFile;
  examples: ExamplesFile;
  questionnaires: Questionnaire[];
}

export type LoadResult = { ok: true; content: Content } | { ok: false; problems: ContentProblem[] };

export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(`Innehållet har ${problems.length} fel:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ContentError';
  }
}

/**
 * Reads and checks every content file. All problems are collected, so an editor sees the
 * whole list at once; nothing is returned unless everything is valid, so the bot never
 * runs on half-loaded content.
 */
export function loadContent(dir: string = CONTENT_DIR): LoadResult {
  const problems: ContentProblem[] = [];
  const read = <T extends object>(name: string, schema: z.ZodType<T>): { value: T; source: YamlSource } | undefined => {
    const { source, problems: parseProblems } = YamlSource.read(join(dir, name), dir);
    problems.push(...parseProblems);
    if (!source) return undefined;
    const { value, problems: schemaProblems } = source.validate(schema);
    problems.push(...schemaProblems);
    return value === undefined ? undefined : { value, source };
  };
  const texts = read(CONTENT_FILES.texts, textsFileSchema);
  const konfiguration = read(CONTENT_FILES.konfiguration, konfigurationSchema);
  const units = read(CONTENT_FILES.units, unitsFileSchema);
  const people = read(CONTENT_FILES.people, peopleFileSchema);
  const language = read(CONTENT_FILES.language, languageSchema);
  const emergency = read(CONTENT_FILES.emergency, emergencySchema);
  const examples = read(CONTENT_FILES.examples, examplesSchema);
  const files = questionnaireFiles(dir);
  const questionnaires = files.map((file) => read(file, questionnaireSchema)).filter((q) => q !== undefined);
  const complete = texts && konfiguration && units && people && language && emergency && examples;
  if (!complete || questionnaires.length < files.length) return { ok: false, problems };

  const flat = new Texts(flattenTexts(texts.value));
  const rulesFor = rulesProviderOf(konfiguration.value);
  const extraTexts = new Map(questionnaires.flatMap((q) => [...questionnaireTextParams(q.value)]));
  problems.push(...crossCheck({ texts: flat, textsSource: texts.source, konfiguration, units, people, extraTexts }));
  problems.push(...checkExamples(examples), ...checkEmergencyExamples(emergency));
  problems.push(...checkDeadlineWords({ texts: flat, textsSource: texts.source, units: units.value.units, rulesFor }));
  for (const key of Object.keys(language.value.buttons.words)) {
    if (!key.startsWith('choice.') || !flat.has(key))
      problems.push(
        language.source.at(['buttons', 'words', key], `Knappen ${key} finns inte under choice: i texter.yaml.`),
      );
  }
  for (const [category, c] of Object.entries(emergency.value.categories)) {
    for (const [field, key] of [
      ['advice', c.advice],
      ['adviceEnglish', c.adviceEnglish],
    ] as const)
      if (key !== undefined && !flat.has(key))
        problems.push(emergency.source.at(['categories', category, field], `Texten ${key} finns inte i texter.yaml.`));
  }
  for (const q of questionnaires) {
    problems.push(
      ...checkQuestionnaire({
        questionnaire: q.value,
        source: q.source,
        texts: flat,
        units: units.value.units,
        rulesFor,
      }),
    );
  }
  const ids = new Map<string, string>();
  for (const q of questionnaires) {
    const other = ids.get(q.value.id);
    if (other)
      problems.push(
        q.source.at(
          ['id'],
          `Frågeformuläret ${q.value.id} finns redan i ${other}. Varje formulär behöver ett eget id.`,
        ),
      );
    ids.set(q.value.id, q.source.file);
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    content: {
      texts: flat,
      konfiguration: konfiguration.value,
      rulesFor,
      units: units.value.units,
      people: people.value.people,
      language: language.value,
      emergency: emergency.value,
      examples: examples.value,
      questionnaires: questionnaires.map((q) => q.value),
    },
  };
}

function questionnaireFiles(dir: string): string[] {
  try {
    return readdirSync(join(dir, CONTENT_FILES.questionnaires))
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => join(CONTENT_FILES.questionnaires, f));
  } catch {
    return [];
  }
}

/** Loads content or throws a ContentError that lists every problem. */
export function loadContentOrThrow(dir?: string): Content {
  const result = loadContent(dir);
  if (!result.ok) throw new ContentError(result.problems);
  return result.content;
}

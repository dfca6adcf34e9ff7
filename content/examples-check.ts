import type { EmergencyFile, ExamplesFile } from './schemas.js';
import type { ContentProblem, PathPart, YamlSource } from './yaml-source.js';

// Checks of the examples the understanding learns from: enough of them per intent, and
// no example taught two different things (under two intents, or as both an emergency
// and a harmless look-alike) — the classifier could then learn neither.

/** The fewest Swedish examples an intent may have. */
export const MIN_EXAMPLES = 40;

/** How two examples compare: case, å/ä/ö and punctuation do not make them different. */
export const exampleKey = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

interface Seen {
  label: string;
  line: number;
}

interface Loaded<T> {
  value: T;
  source: YamlSource;
}

class Registry {
  private readonly seen = new Map<string, Seen>();
  readonly problems: ContentProblem[] = [];

  constructor(
    private readonly source: YamlSource,
    private readonly what: (label: string) => string,
  ) {}

  add(text: string, label: string, path: PathPart[]): void {
    const key = exampleKey(text);
    const where = this.source.at(path, '');
    if (key === '') {
      this.problems.push({
        ...where,
        message: `Exemplet "${text}" har inga bokstäver eller siffror, så boten kan inte lära sig något av det. Ta bort det.`,
      });
      return;
    }
    const earlier = this.seen.get(key);
    if (!earlier) {
      this.seen.set(key, { label, line: where.line });
      return;
    }
    const message =
      earlier.label === label
        ? `Exemplet "${text}" står redan på rad ${earlier.line}. Ta bort det ena.`
        : `Exemplet "${text}" står redan under ${this.what(earlier.label)} (rad ${earlier.line}). Ett exempel får bara stå under en avsikt; ta bort det ena eller skriv om det.`;
    this.problems.push({ ...where, message });
  }
}

export function checkExamples(examples: Loaded<ExamplesFile>): ContentProblem[] {
  const registry = new Registry(examples.source, (label) => label);
  const problems: ContentProblem[] = [];
  for (const [language, byIntent] of Object.entries(examples.value) as [
    keyof ExamplesFile,
    Record<string, string[] | undefined>,
  ][]) {
    for (const [intent, list] of Object.entries(byIntent)) {
      (list ?? []).forEach((text, i) => registry.add(text, intent, [language, intent, i]));
      if (language === 'svenska' && (list?.length ?? 0) < MIN_EXAMPLES) {
        problems.push(
          examples.source.at(
            [language, intent],
            `Avsikten ${intent} har ${list?.length ?? 0} exempel. Skriv minst ${MIN_EXAMPLES}, på så många olika sätt som invånare skriver.`,
            true,
          ),
        );
      }
    }
  }
  return [...problems, ...registry.problems];
}

export function checkEmergencyExamples(emergency: Loaded<EmergencyFile>): ContentProblem[] {
  const registry = new Registry(emergency.source, (label) =>
    label === 'notEmergency' ? 'notEmergency' : `kategorin ${label}`,
  );
  for (const [category, c] of Object.entries(emergency.value.categories)) {
    c.examples.forEach((text, i) => registry.add(text, category, ['categories', category, 'examples', i]));
  }
  emergency.value.notEmergency.examples.forEach((text, i) =>
    registry.add(text, 'notEmergency', ['notEmergency', 'examples', i]),
  );
  return registry.problems;
}

import type { KonfigurationFile, PeopleFile, UnitsFile } from './schemas.js';
import { TEXT_CONTRACT } from './text-contract.js';
import { isKnownFormat, placeholdersOf, type Texts } from './texts.js';
import type { ContentProblem, PathPart, YamlSource } from './yaml-source.js';

// Checks across files that no single schema can see: ids that must be unique, references
// that must point somewhere, and texts that the code or the konfiguration relies on.

interface Loaded<T> {
  value: T;
  source: YamlSource;
}

export interface CrossCheckInput {
  texts: Texts;
  textsSource: YamlSource;
  konfiguration: Loaded<KonfigurationFile>;
  units: Loaded<UnitsFile>;
  people: Loaded<PeopleFile>;
  /** Texts used by other content (questionnaires), with the values they may contain */
  extraTexts: ReadonlyMap<string, readonly string[]>;
}

export function crossCheck(input: CrossCheckInput): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const { units, people, konfiguration, texts, textsSource } = input;
  const at = (src: YamlSource, path: PathPart[], message: string) => problems.push(src.at(path, message));

  const unitIds = new Map<string, number>();
  const serviceIds = new Set<string>();
  units.value.units.forEach((unit, u) => {
    const key = unit.hsaId.toLowerCase();
    if (unitIds.has(key))
      at(
        units.source,
        ['units', u, 'hsaId'],
        `HSA-id ${unit.hsaId} finns redan på enhet nummer ${(unitIds.get(key) ?? 0) + 1}.`,
      );
    unitIds.set(key, u);
    unit.services.forEach((service, s) => {
      if (serviceIds.has(service.id))
        at(
          units.source,
          ['units', u, 'services', s, 'id'],
          `Vårdtjänsten ${service.id} finns redan. Ett id får bara användas en gång.`,
        );
      serviceIds.add(service.id);
      if (service.instructionsKey && !texts.has(service.instructionsKey)) {
        at(
          units.source,
          ['units', u, 'services', s, 'instructionsKey'],
          `Texten ${service.instructionsKey} finns inte i texter.yaml.`,
        );
      }
    });
  });

  const known = new Set(people.value.people.map((p) => p.personnummer));
  people.value.people.forEach((person, p) =>
    person.guardians.forEach((guardian, g) => {
      if (!known.has(guardian))
        at(
          input.people.source,
          ['people', p, 'guardians', g],
          `Vårdnadshavaren ${guardian} finns inte i personer.yaml.`,
        );
    }),
  );

  const seen = new Set<string>();
  const unique = (id: string, path: PathPart[], what: string) => {
    if (seen.has(id)) at(people.source, path, `${what} ${id} finns redan. Ett id får bara användas en gång.`);
    seen.add(id);
  };
  people.value.people.forEach((person, p) => {
    unique(person.personnummer, ['people', p, 'personnummer'], 'Personnumret');
    person.bookings.forEach((b, i) => {
      unique(b.id, ['people', p, 'bookings', i, 'id'], 'Bokningen');
      if (!serviceIds.has(b.careServiceId))
        at(
          people.source,
          ['people', p, 'bookings', i, 'careServiceId'],
          `Vårdtjänsten ${b.careServiceId} finns inte i enheter.yaml.`,
        );
    });
    person.invitations.forEach((inv, i) => {
      unique(inv.id, ['people', p, 'invitations', i, 'id'], 'Bokningsunderlaget');
      if (!serviceIds.has(inv.careServiceId))
        at(
          people.source,
          ['people', p, 'invitations', i, 'careServiceId'],
          `Vårdtjänsten ${inv.careServiceId} finns inte i enheter.yaml.`,
        );
    });
  });

  for (const serviceId of Object.keys(konfiguration.value.byCareService)) {
    if (!serviceIds.has(serviceId))
      at(konfiguration.source, ['byCareService', serviceId], `Vårdtjänsten ${serviceId} finns inte i enheter.yaml.`);
  }
  const termLayers: [PathPart[], KonfigurationFile['defaults']['terms'] | undefined][] = [
    [['defaults', 'terms'], konfiguration.value.defaults.terms],
    ...Object.entries(konfiguration.value.byUnitKind).map(
      ([k, r]) => [['byUnitKind', k, 'terms'], r.terms] as [PathPart[], typeof r.terms],
    ),
    ...Object.entries(konfiguration.value.byCareService).map(
      ([k, r]) => [['byCareService', k, 'terms'], r.terms] as [PathPart[], typeof r.terms],
    ),
  ];
  for (const [path, terms] of termLayers) {
    for (const [action, key] of Object.entries(terms ?? {})) {
      if (key && !texts.has(key))
        at(konfiguration.source, [...path, action], `Villkorstexten ${key} finns inte i texter.yaml.`);
    }
  }

  problems.push(...checkTexts(texts, textsSource, input.extraTexts));
  return problems;
}

function checkTexts(texts: Texts, source: YamlSource, extra: ReadonlyMap<string, readonly string[]>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const key of TEXT_CONTRACT.keys()) {
    if (!texts.has(key))
      problems.push(source.at([], `Texten ${key} saknas. Programmet använder den, så lägg till den.`));
  }
  for (const key of texts.keys()) {
    const template = texts.template(key) ?? '';
    const provided = TEXT_CONTRACT.get(key) ?? extra.get(key) ?? [];
    for (const brace of template.match(/\{[^}]*\}?/g) ?? []) {
      if (!/^\{[a-zA-Z][a-zA-Z0-9]*(\|[a-z]+)?\}$/.test(brace)) {
        problems.push(
          source.at(
            key.split('.'),
            `Texten ${key} har ${brace}, som inte är ett giltigt värde. Skriv värden som {unitName} eller {start|datetime}, utan å, ä, ö och mellanslag.`,
          ),
        );
      }
    }
    const unique = placeholdersOf(template).filter(
      (ph, i, all) => all.findIndex((o) => o.name === ph.name && o.format === ph.format) === i,
    );
    for (const ph of unique) {
      const path = key.split('.');
      if (ph.format && !isKnownFormat(ph.format)) {
        problems.push(
          source.at(
            path,
            `Texten ${key} använder formatet "${ph.format}", som inte finns. Använd date, time, datetime, shortdate eller text.`,
          ),
        );
      }
      if (!provided.includes(ph.name)) {
        const offer =
          provided.length > 0
            ? `Möjliga: ${provided.map((p) => `{${p}}`).join(', ')}.`
            : 'Den här texten får inga värden.';
        problems.push(
          source.at(path, `Texten ${key} använder {${ph.name}}, men programmet ger inget sådant värde. ${offer}`),
        );
      }
    }
  }
  return problems;
}

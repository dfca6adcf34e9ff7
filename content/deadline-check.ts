import type { RulesProvider } from '../booking/catalog.js';
import type { CareService, Unit } from '../booking/types.js';
import type { Texts } from './texts.js';
import type { ContentProblem, YamlSource } from './yaml-source.js';

// A villkorstext that says the deadline in words («avboka senast 72 timmar före besöket»)
// must say what the konfiguration does: the deadline the bot computes and shows is the
// konfiguration's, and a resident who reads two different deadlines cannot trust either.

const NUMBER_WORDS: Record<string, number> = { ett: 1, en: 1, två: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7 };

/** The deadlines a text names, in hours: «72 timmar», «ett dygn», «tre dygn». */
export function hoursInWords(text: string): number[] {
  const hours = [...text.matchAll(/(\d+)\s*timm(?:ar|e)\b/gi)].map((m) => Number(m[1]));
  const days = [...text.matchAll(/(\d+|ett|en|två|tre|fyra|fem|sex|sju)\s+dygn/gi)].map((m) => {
    const word = (m[1] ?? '').toLowerCase();
    return 24 * (NUMBER_WORDS[word] ?? Number(word));
  });
  return [...new Set([...hours, ...days])];
}

interface DeadlineInput {
  texts: Texts;
  textsSource: YamlSource;
  units: readonly (Unit & { services: CareService[] })[];
  rulesFor: RulesProvider;
}

export function checkDeadlineWords({ texts, textsSource, units, rulesFor }: DeadlineInput): ContentProblem[] {
  const problems = new Map<string, ContentProblem>();
  for (const unit of units) {
    for (const service of unit.services) {
      const rules = rulesFor(service, unit);
      for (const key of Object.values(rules.terms)) {
        const text = texts.template(key);
        if (!text || problems.has(key)) continue;
        const at = (message: string) => problems.set(key, textsSource.at(key.split('.'), message));
        if (/vardag/i.test(text))
          at(
            `Texten ${key} räknar tidsgränsen i vardagar, men boten räknar i timmar ` +
              `(${service.id}: ${rules.changeDeadlineHours} timmar). Skriv tidsgränsen i timmar.`,
          );
        const said = hoursInWords(text);
        if (said.length > 0 && !said.includes(rules.changeDeadlineHours))
          at(
            `Texten ${key} säger ${said.join(' och ')} timmar, men konfigurationen säger att ${service.id} ` +
              `ska avbokas senast ${rules.changeDeadlineHours} timmar före besöket.`,
          );
      }
    }
  }
  return [...problems.values()];
}

import type { RulesProvider } from '../booking/catalog.js';
import type { ServiceRules } from '../booking/types.js';
import type { KonfigurationFile } from './schemas.js';

// The region's konfiguration in three layers, the most specific winning:
// defaults, then per kind of unit, then per care service.
export function rulesProviderOf(file: KonfigurationFile): RulesProvider {
  return (service, unit) => {
    const byKind = file.byUnitKind[unit.kind] ?? {};
    const byService = file.byCareService[service.id] ?? {};
    const merged: ServiceRules = { ...file.defaults, ...byKind, ...byService };
    merged.terms = { ...file.defaults.terms, ...byKind.terms, ...byService.terms };
    merged.askReason = { ...file.defaults.askReason, ...byKind.askReason, ...byService.askReason };
    return merged;
  };
}

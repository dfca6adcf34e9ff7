import type { SchedulingSystem } from './scheduling-system.js';
import type { CareService, ServiceRules, Unit } from './types.js';

/** The region's konfiguration for one care service at one unit. */
export type RulesProvider = (service: CareService, unit: Unit) => ServiceRules;

/** Catalogues built, by the list of units they were built from */
const built = new WeakMap<
  readonly Unit[],
  { services: readonly CareService[]; rulesFor: RulesProvider; catalog: Catalog }
>();

/** Units and care services by id, with their konfiguration. */
export class Catalog {
  private constructor(
    private readonly unitsById: Map<string, Unit>,
    private readonly servicesById: Map<string, CareService>,
    private readonly rulesFor: RulesProvider,
  ) {}

  static async load(system: SchedulingSystem, rulesFor: RulesProvider): Promise<Catalog> {
    const [units, services] = await Promise.all([system.units(), system.careServices()]);
    // A booking system that hands out the same lists while nothing changed gets the same catalogue.
    const known = built.get(units);
    if (known?.services === services && known.rulesFor === rulesFor) return known.catalog;
    // HSA-ids compare case-insensitively (crm:scheduling).
    const catalog = new Catalog(
      new Map(units.map((u) => [u.hsaId.toLowerCase(), u])),
      new Map(services.map((s) => [s.id, s])),
      rulesFor,
    );
    built.set(units, { services, rulesFor, catalog });
    return catalog;
  }

  unit(hsaId: string): Unit | undefined {
    return this.unitsById.get(hsaId.toLowerCase());
  }

  service(id: string): CareService | undefined {
    return this.servicesById.get(id);
  }

  units(): Unit[] {
    return [...this.unitsById.values()];
  }

  services(): CareService[] {
    return [...this.servicesById.values()];
  }

  /** Unit, care service and rules together, or undefined when either is unknown. */
  resolve(
    unitHsaId: string,
    careServiceId: string,
  ): { unit: Unit; service: CareService; rules: ServiceRules } | undefined {
    const unit = this.unit(unitHsaId);
    const service = this.service(careServiceId);
    if (!unit || !service) return undefined;
    return { unit, service, rules: this.rulesFor(service, unit) };
  }
}

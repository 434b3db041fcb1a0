import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { DemandCategory, ServiceOfferingFilter, ServiceOfferingKind } from '@/graphql/generated/graphql';
import { DEMAND_CATEGORIES } from '@/features/demands/demand-categories';
import { OFFERING_KINDS } from './offering-kinds';

/** The 服务清单's filters, kept in the URL so a filtered list can be shared. */
export interface OfferingFilters {
  category: DemandCategory | null;
  kind: ServiceOfferingKind | null;
  regionId: string | null;
}

function text(value: LocationQuery[string] | undefined): string | null {
  return typeof value === 'string' && value ? value : null;
}

export function offeringFiltersFromQuery(query: LocationQuery): OfferingFilters {
  const category = text(query.category);
  const kind = text(query.kind);
  return {
    category: DEMAND_CATEGORIES.some((entry) => entry.value === category) ? (category as DemandCategory) : null,
    kind: OFFERING_KINDS.includes(kind as ServiceOfferingKind) ? (kind as ServiceOfferingKind) : null,
    regionId: text(query.region),
  };
}

export function offeringFiltersToQuery(filters: OfferingFilters): LocationQueryRaw {
  return {
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.regionId ? { region: filters.regionId } : {}),
  };
}

/** Only available offerings are listed: withdrawn ones are shown on their organisation's page. */
export function toServiceOfferingFilter(filters: OfferingFilters): ServiceOfferingFilter {
  return { active: true, category: filters.category, kind: filters.kind, regionId: filters.regionId };
}

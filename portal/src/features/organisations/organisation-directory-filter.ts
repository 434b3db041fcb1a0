import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { OrganisationFilter, OrganisationKind, VerificationStatus } from '@/graphql/generated/graphql';
import { ORGANISATION_KINDS, VERIFICATION_STATUSES } from './organisation-kinds';

/** The directory's filters; they live in the URL (`?kind=&status=&region=&q=`), so a filtered list can be shared. */
export interface DirectoryFilters {
  kind: OrganisationKind | null;
  status: VerificationStatus | null;
  regionId: string | null;
  search: string;
}

function single(value: LocationQuery[string] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first !== '' ? first : null;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.includes(value as T) ? (value as T) : null;
}

export function filtersFromQuery(query: LocationQuery): DirectoryFilters {
  return {
    kind: oneOf(ORGANISATION_KINDS, single(query.kind)),
    status: oneOf(VERIFICATION_STATUSES, single(query.status)),
    regionId: single(query.region),
    search: single(query.q) ?? '',
  };
}

export function filtersToQuery(filters: DirectoryFilters): LocationQueryRaw {
  const search = filters.search.trim();
  return {
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.regionId ? { region: filters.regionId } : {}),
    ...(search ? { q: search } : {}),
  };
}

/** The API filter; absent conditions are left out rather than sent as null. */
export function toOrganisationFilter(filters: DirectoryFilters): OrganisationFilter {
  const search = filters.search.trim();
  return {
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.status ? { verificationStatus: filters.status } : {}),
    ...(filters.regionId ? { regionId: filters.regionId } : {}),
    ...(search ? { search } : {}),
  };
}

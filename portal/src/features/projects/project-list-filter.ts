import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { NeedKind, ProjectCategory, ProjectFilter, ProjectOrder, ProjectStatus } from '@/graphql/generated/graphql';
import { NEED_KINDS, PROJECT_CATEGORIES, PROJECT_STATUSES } from './project-enums';

/** The orderings offered, by a key that also names them in the URL and in the locale files. */
export const PROJECT_ORDERINGS = {
  newest: { field: 'CREATED_AT', direction: 'DESC' },
  startSoonest: { field: 'START_DATE', direction: 'ASC' },
  startLatest: { field: 'START_DATE', direction: 'DESC' },
  title: { field: 'TITLE', direction: 'ASC' },
} as const satisfies Record<string, ProjectOrder>;

export type ProjectOrdering = keyof typeof PROJECT_ORDERINGS;

export const PROJECT_ORDERING_KEYS = Object.keys(PROJECT_ORDERINGS) as ProjectOrdering[];

/**
 * The list's filters and ordering; they live in the URL (`?status=&category=&region=&org=&need=&order=`)
 * so a filtered list can be shared and survives a reload.
 */
export interface ProjectListFilters {
  status: ProjectStatus | null;
  category: ProjectCategory | null;
  regionId: string | null;
  organisationId: string | null;
  needKind: NeedKind | null;
  ordering: ProjectOrdering;
}

function single(value: LocationQuery[string] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first !== '' ? first : null;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.includes(value as T) ? (value as T) : null;
}

export function filtersFromQuery(query: LocationQuery): ProjectListFilters {
  return {
    status: oneOf(PROJECT_STATUSES, single(query.status)),
    category: oneOf(PROJECT_CATEGORIES, single(query.category)),
    regionId: single(query.region),
    organisationId: single(query.org),
    needKind: oneOf(NEED_KINDS, single(query.need)),
    ordering: oneOf(PROJECT_ORDERING_KEYS, single(query.order)) ?? 'newest',
  };
}

export function filtersToQuery(filters: ProjectListFilters): LocationQueryRaw {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.regionId ? { region: filters.regionId } : {}),
    ...(filters.organisationId ? { org: filters.organisationId } : {}),
    ...(filters.needKind ? { need: filters.needKind } : {}),
    ...(filters.ordering !== 'newest' ? { order: filters.ordering } : {}),
  };
}

/** The API filter; absent conditions are left out rather than sent as null. */
export function toProjectFilter(filters: ProjectListFilters): ProjectFilter {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.regionId ? { regionId: filters.regionId } : {}),
    ...(filters.organisationId ? { organisationId: filters.organisationId } : {}),
    ...(filters.needKind ? { needKind: filters.needKind } : {}),
  };
}

export function toProjectOrder(filters: ProjectListFilters): ProjectOrder {
  return { ...PROJECT_ORDERINGS[filters.ordering] };
}

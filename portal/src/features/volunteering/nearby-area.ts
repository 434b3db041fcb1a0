import type { RegionLevel } from '@/graphql/generated/graphql';

/** Below a township (乡镇/街道) an area is too small to hold the activities near someone: one community, one grid. */
const TOO_SMALL: readonly RegionLevel[] = ['VILLAGE', 'GRID', 'MICRO_GRID'];

interface Place {
  id: string;
  level: RegionLevel;
}

/**
 * The area whose activities are "near" a person who lives in `residence`: the township (乡镇/街道) that
 * contains it — activities are organised for a community or a street, rarely for one grid, so the
 * person's own grid or micro-grid would list next to nothing. A residence at a township or above is
 * the area itself; none, no default (all regions).
 */
export function nearbyArea(residence: (Place & { ancestors: readonly Place[] }) | null | undefined): string | null {
  if (!residence) {
    return null;
  }
  if (!TOO_SMALL.includes(residence.level)) {
    return residence.id;
  }
  return residence.ancestors.find((ancestor) => ancestor.level === 'TOWNSHIP')?.id ?? residence.id;
}

import type { RouteMeta } from 'vue-router';
import type { RegionRoleKind } from '@/graphql/generated/graphql';

/** Just enough of a person to decide what the UI offers. */
export interface PersonWithRoles {
  regionRoles: ReadonlyArray<{ role: RegionRoleKind }>;
}

export function hasAnyRole(person: PersonWithRoles, roles: readonly RegionRoleKind[]): boolean {
  return person.regionRoles.some((regionRole) => roles.includes(regionRole.role));
}

/**
 * Whether to show a page (menu entry, route). A UI convenience only: the API enforces
 * authorisation on every field and mutation, so hiding is never the protection.
 */
export function canAccess(meta: RouteMeta, person: PersonWithRoles | null): boolean {
  if (meta.roles) {
    return person !== null && hasAnyRole(person, meta.roles);
  }
  if (meta.requiresAuth) {
    return person !== null;
  }
  return true;
}

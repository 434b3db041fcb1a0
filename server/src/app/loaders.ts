import type { EntityManager } from '@mikro-orm/postgresql';
import { createMembershipLoaders } from '../memberships/membership.loaders.js';
import { createOrganisationLoaders } from '../organisations/organisation.loaders.js';
import { createPersonLoaders } from '../people/person.loaders.js';
import { createRegionLoaders } from '../regions/region.loaders.js';

/** Every feature's DataLoaders, created fresh per request so no cache outlives it. */
export function createLoaders(em: EntityManager) {
  return {
    regions: createRegionLoaders(em),
    organisations: createOrganisationLoaders(em),
    people: createPersonLoaders(em),
    memberships: createMembershipLoaders(em),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

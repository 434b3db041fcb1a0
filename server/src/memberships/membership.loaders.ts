import type { EntityManager } from '@mikro-orm/postgresql';
import { groupLoader } from '../common/loaders/entity-loader.js';
import { Membership } from './membership.entity.js';
import { RegionRole } from './region-role.entity.js';

export function createMembershipLoaders(em: EntityManager) {
  return {
    byOrganisation: groupLoader(
      (organisations: readonly string[]) =>
        em.find(Membership, { organisation: { $in: [...organisations] } }, { orderBy: { role: 'asc', createdAt: 'asc' } }),
      (membership) => membership.organisation.uuid,
    ),
    byPerson: groupLoader(
      (people: readonly string[]) => em.find(Membership, { person: { $in: [...people] } }, { orderBy: { createdAt: 'asc' } }),
      (membership) => membership.person.uuid,
    ),
    regionRolesByPerson: groupLoader(
      (people: readonly string[]) => em.find(RegionRole, { person: { $in: [...people] } }, { orderBy: { createdAt: 'asc' } }),
      (role) => role.person.uuid,
    ),
  };
}

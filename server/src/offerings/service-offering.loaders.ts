import type { EntityManager } from '@mikro-orm/postgresql';
import { entityLoader, groupLoader } from '../common/loaders/entity-loader.js';
import { ServiceOffering, ServiceOfferingRegion } from './service-offering.entity.js';

export function createServiceOfferingLoaders(em: EntityManager) {
  return {
    byUuid: entityLoader(em, ServiceOffering),
    /** An organisation's offerings, active ones first, by title. */
    byOrganisation: groupLoader(
      (organisations: readonly string[]) =>
        em.find(ServiceOffering, { organisation: { $in: [...organisations] } }, { orderBy: { active: 'desc', title: 'asc', uuid: 'asc' } }),
      (offering) => offering.organisation.uuid,
    ),
    /** The region links of each offering (the regions themselves come through the region loader). */
    servedRegions: groupLoader(
      (offerings: readonly string[]) =>
        em.find(ServiceOfferingRegion, { offering: { $in: [...offerings] } }, { orderBy: { createdAt: 'asc', uuid: 'asc' } }),
      (link) => link.offering.uuid,
    ),
  };
}

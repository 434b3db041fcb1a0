import type { EntityManager } from '@mikro-orm/postgresql';
import { entityLoader, groupLoader } from '../common/loaders/entity-loader.js';
import { Deliverable, DeliverableOwner, DeliverablePledge } from './deliverable.entity.js';

export function createDeliverableLoaders(em: EntityManager) {
  return {
    byUuid: entityLoader(em, Deliverable),
    byProject: groupLoader(
      (projects: readonly string[]) =>
        em.find(Deliverable, { project: { $in: [...projects] } }, { orderBy: { dueOn: 'asc nulls last', createdAt: 'asc', uuid: 'asc' } }),
      (deliverable) => deliverable.project.uuid,
    ),
    /** Owner links per deliverable with their organisations joined in: one statement per page. */
    ownersByDeliverable: groupLoader(
      (deliverables: readonly string[]) =>
        em.find(
          DeliverableOwner,
          { deliverable: { $in: [...deliverables] } },
          { populate: ['organisation'], orderBy: { createdAt: 'asc', uuid: 'asc' } },
        ),
      (link) => link.deliverable.uuid,
    ),
    pledgesByDeliverable: groupLoader(
      (deliverables: readonly string[]) =>
        em.find(
          DeliverablePledge,
          { deliverable: { $in: [...deliverables] } },
          { populate: ['pledge'], orderBy: { createdAt: 'asc', uuid: 'asc' } },
        ),
      (link) => link.deliverable.uuid,
    ),
  };
}

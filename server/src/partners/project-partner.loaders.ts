import type { EntityManager } from '@mikro-orm/postgresql';
import { entityLoader, groupLoader } from '../common/loaders/entity-loader.js';
import { ProjectPartner } from './project-partner.entity.js';

export function createPartnerLoaders(em: EntityManager) {
  return {
    byUuid: entityLoader(em, ProjectPartner),
    /** Every place (any status) per project, with its organisation joined in: one statement per page. */
    byProject: groupLoader(
      (projects: readonly string[]) =>
        em.find(
          ProjectPartner,
          { project: { $in: [...projects] } },
          { populate: ['organisation'], orderBy: { createdAt: 'asc', uuid: 'asc' } },
        ),
      (partner) => partner.project.uuid,
    ),
  };
}

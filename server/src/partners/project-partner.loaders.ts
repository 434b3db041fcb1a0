import type { EntityManager } from '@mikro-orm/postgresql';
import { entityLoader, groupLoader } from '../common/loaders/entity-loader.js';
import { plainEntity, selectColumns } from '../common/loaders/plain-rows.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { ProjectPartner } from './project-partner.entity.js';

export function createPartnerLoaders(em: EntityManager) {
  return {
    byUuid: entityLoader(em, ProjectPartner),
    /**
     * Every place (any status) per project, with its organisation joined in: one statement per page.
     * Read-only plain rows (see `plain-rows.ts`): changes only read their policy facts from them.
     */
    byProject: groupLoader(
      async (projects: readonly string[]) => {
        const rows = await em.execute<Record<string, unknown>[]>(
          `select ${selectColumns(em, ProjectPartner, 'pp')}, ${selectColumns(em, Organisation, 'o', 'o.')}
           from project_partner pp join organisation o on o.id = pp.organisation_id
          where pp.project_id in (${projects.map(() => '?').join(', ')}) order by pp.created_at, pp.id`,
          [...projects],
        );
        return rows.map((row) => plainEntity(em, ProjectPartner, row, '', { organisation: plainEntity(em, Organisation, row, 'o.') }));
      },
      (partner) => partner.project.uuid,
    ),
  };
}

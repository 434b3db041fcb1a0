import type { EntityManager } from '@mikro-orm/postgresql';
import { entityLoader, groupLoader } from '../common/loaders/entity-loader.js';
import { plainEntity, selectColumns } from '../common/loaders/plain-rows.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Deliverable, DeliverableOwner, DeliverablePledge } from './deliverable.entity.js';

export function createDeliverableLoaders(em: EntityManager) {
  return {
    byUuid: entityLoader(em, Deliverable),
    /** Deliverables per project, by due date (read-only plain rows, see `plain-rows.ts`). */
    byProject: groupLoader(
      async (projects: readonly string[]) => {
        const rows = await em.execute<Record<string, unknown>[]>(
          `select ${selectColumns(em, Deliverable, 'd')} from deliverable d
          where d.project_id in (${projects.map(() => '?').join(', ')}) order by d.due_on asc nulls last, d.created_at, d.id`,
          [...projects],
        );
        return rows.map((row) => plainEntity(em, Deliverable, row));
      },
      (deliverable) => deliverable.project.uuid,
    ),
    /** Owner links per deliverable with their organisations joined in: one statement per page (read-only plain rows). */
    ownersByDeliverable: groupLoader(
      async (deliverables: readonly string[]) => {
        const rows = await em.execute<Record<string, unknown>[]>(
          `select ${selectColumns(em, DeliverableOwner, 'l')}, ${selectColumns(em, Organisation, 'o', 'o.')}
           from deliverable_owner l join organisation o on o.id = l.organisation_id
          where l.deliverable_id in (${deliverables.map(() => '?').join(', ')}) order by l.created_at, l.id`,
          [...deliverables],
        );
        return rows.map((row) => plainEntity(em, DeliverableOwner, row, '', { organisation: plainEntity(em, Organisation, row, 'o.') }));
      },
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

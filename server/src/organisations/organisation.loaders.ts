import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { entityLoader, groupLoader } from '../common/loaders/entity-loader.js';
import { Organisation } from './organisation.entity.js';

export function createOrganisationLoaders(em: EntityManager) {
  return {
    byUuid: entityLoader(em, Organisation),
    childrenByParent: groupLoader(
      (parents: readonly string[]) => em.find(Organisation, { parent: { $in: [...parents] } }, { orderBy: { name: 'asc', uuid: 'asc' } }),
      (organisation) => organisation.parent!.uuid,
    ),
    /** Members per organisation: one grouped count for every organisation of a page. */
    memberCount: new DataLoader<string, number>(async (uuids) => {
      const rows = await em.getConnection().execute<{ organisation_id: string; count: number }[]>(
        `select organisation_id, count(*)::int as count from membership
            where organisation_id in (${uuids.map(() => '?').join(', ')}) group by organisation_id`,
        [...uuids],
      );
      const counts = new Map(rows.map((row) => [row.organisation_id, row.count]));
      return uuids.map((uuid) => counts.get(uuid) ?? 0);
    }),
  };
}

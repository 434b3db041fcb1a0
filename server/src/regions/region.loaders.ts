import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { entityLoader, groupLoader } from '../common/loaders/entity-loader.js';
import { Region } from './region.entity.js';

export function createRegionLoaders(em: EntityManager) {
  return {
    byUuid: entityLoader(em, Region),
    childrenByParent: groupLoader(
      (parents: readonly string[]) => em.find(Region, { parent: { $in: [...parents] } }, { orderBy: { divisionCode: 'asc', name: 'asc' } }),
      (region) => region.parent!.uuid,
    ),
    /**
     * Organisations in each region's subtree (the region itself included): one grouped query for every
     * region of a page, matching organisations' regions by materialised-path prefix.
     */
    organisationCount: new DataLoader<string, number>(async (uuids) => {
      const rows = await em.getConnection().execute<{ id: string; count: number }[]>(
        `select r.id, count(o.id)::int as count
           from region r
           join region inside on inside.path like r.path || '%'
           join organisation o on o.region_id = inside.id
          where r.id in (${uuids.map(() => '?').join(', ')})
          group by r.id`,
        [...uuids],
      );
      const counts = new Map(rows.map((row) => [row.id, row.count]));
      return uuids.map((uuid) => counts.get(uuid) ?? 0);
    }),
  };
}

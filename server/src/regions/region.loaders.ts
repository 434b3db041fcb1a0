import type { EntityManager } from '@mikro-orm/postgresql';
import { entityLoader, groupLoader } from '../common/loaders/entity-loader.js';
import { Region } from './region.entity.js';

export function createRegionLoaders(em: EntityManager) {
  return {
    byUuid: entityLoader(em, Region),
    childrenByParent: groupLoader(
      (parents: readonly string[]) => em.find(Region, { parent: { $in: [...parents] } }, { orderBy: { divisionCode: 'asc', name: 'asc' } }),
      (region) => region.parent!.uuid,
    ),
  };
}

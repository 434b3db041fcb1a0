import type { EntityManager } from '@mikro-orm/postgresql';
import { entityLoader } from '../common/loaders/entity-loader.js';
import { Organisation } from './organisation.entity.js';

export function createOrganisationLoaders(em: EntityManager) {
  return {
    byUuid: entityLoader(em, Organisation),
  };
}

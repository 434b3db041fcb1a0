import type { EntityManager } from '@mikro-orm/postgresql';
import { entityLoader } from '../common/loaders/entity-loader.js';
import { Person } from './person.entity.js';

export function createPersonLoaders(em: EntityManager) {
  return {
    byUuid: entityLoader(em, Person),
  };
}

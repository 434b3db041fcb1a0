import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { ClassType } from 'type-graphql';

/** One `where id in (…)` for every `load()` of a tick; keeps key order, undefined for missing rows. */
export function entityLoader<T extends { uuid: string }>(em: EntityManager, entity: ClassType<T>): DataLoader<string, T | undefined> {
  return new DataLoader(async (uuids) => {
    const rows = await em.find(entity, { uuid: { $in: [...uuids] } } as never);
    const byUuid = new Map(rows.map((row) => [row.uuid, row]));
    return uuids.map((uuid) => byUuid.get(uuid));
  });
}

/** Groups children by a parent key with one query for all parents of a tick. */
export function groupLoader<K, T>(load: (keys: readonly K[]) => Promise<T[]>, keyOf: (row: T) => K): DataLoader<K, T[]> {
  return new DataLoader(async (keys) => {
    const rows = await load(keys);
    const groups = new Map<K, T[]>();
    for (const row of rows) {
      const key = keyOf(row);
      const group = groups.get(key);
      if (group) {
        group.push(row);
      } else {
        groups.set(key, [row]);
      }
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}

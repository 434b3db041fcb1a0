import type { MikroORM } from '@mikro-orm/postgresql';

/** Applies pending committed migrations; never `schema:update` at run time. Returns the names applied. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((migration) => migration.name);
}

/** True when every committed migration has been applied (for `/readyz`). */
export async function migrationsApplied(orm: MikroORM): Promise<boolean> {
  return (await orm.migrator.getPending()).length === 0;
}

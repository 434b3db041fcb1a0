import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, defineConfig, type Options } from '@mikro-orm/postgresql';
import { entities } from './entities.js';
import { migrationsList } from './migrations/index.js';
import { PlainClient, PreparingClient } from './preparing-client.js';

export interface OrmOptions {
  url: string;
  statementTimeoutMs?: number;
  poolMax?: number;
  /** Statements marked by `preparedExecute` run as named prepared statements (default: yes). */
  preparedStatements?: boolean;
  /** Receives every SQL statement; tests count them. */
  onQuery?: (sql: string) => void;
}

export function ormConfig(options: OrmOptions): Options {
  return defineConfig({
    clientUrl: options.url,
    entities,
    extensions: [Migrator],
    // Migrations are listed in code, so they run the same from tsx, vitest and the built JS.
    migrations: { migrationsList, snapshot: false, transactional: true, allOrNothing: true, tableName: 'mikro_orm_migrations' },
    // The append-only guards (triggers and their functions) are written by hand in migrations; without
    // this, every generated migration would drop them because no entity declares them.
    schemaGenerator: { ignoreTriggers: true, ignoreRoutines: true },
    pool: { min: 0, max: options.poolMax ?? 10 },
    driverOptions: {
      Client: options.preparedStatements === false ? PlainClient : PreparingClient,
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    },
    debug: options.onQuery ? ['query'] : false,
    logger: options.onQuery ?? (() => {}),
    // Entities are explicit; nothing is discovered from the file system at run time.
    discovery: { warnWhenNoEntities: true },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    // Otherwise MikroORM gives every entity it loads a getter and setter per property on first write,
    // new closures each time, held by accessor pairs V8 allocates in its old generation: every write's
    // entities then outlived young collections (ADR 0021). What it propagates, a many-to-one
    // set into the other side's loaded collection, nothing here relies on: collections are read through
    // loaders.
    propagationOnPrototype: false,
  });
}

export async function initOrm(options: OrmOptions): Promise<MikroORM> {
  return MikroORM.init(ormConfig(options));
}

export type { MikroORM };

import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createPgPubSub } from '../common/pubsub/pg-pubsub.js';
import type { Config } from '../config/env.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded-postgres.js';
import { startDemandSweeper } from '../demands/demand-sweeper.js';
import { migrate } from '../db/migrate.js';
import { initOrm } from '../db/orm.js';
import { seedDemoOnce, type DemoAccount } from '../demo/seed.js';
import { systemClock, type Clock } from './clock.js';
import type { Logger } from './logger.js';
import { createSchema } from './schema.js';
import { startHttpServer } from './server.js';

export interface Gongzhi {
  url: string;
  port: number;
  databaseUrl: string;
  orm: MikroORM;
  demoAccounts: DemoAccount[];
  /** Graceful stop: stop taking requests, drain, close the pool, stop an embedded PostgreSQL. */
  stop(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** Receives every SQL statement (tests count them). */
  onQuery?: (sql: string) => void;
}

/** Starts the whole product: database, migrations, demo data, GraphQL over HTTP and WebSocket, portal. */
export async function startGongzhi({ config, logger, clock = systemClock, onQuery }: StartOptions): Promise<Gongzhi> {
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    logger.info({ dataDir: config.dataDir }, 'starting embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, database: 'gongzhi', persistent: true, preferredPort: 54329 });
    databaseUrl = embedded.url;
  }
  const orm = await initOrm({
    url: databaseUrl,
    statementTimeoutMs: config.statementTimeoutMs,
    preparedStatements: config.pgPreparedStatements,
    onQuery,
  });
  try {
    const applied = await migrate(orm);
    if (applied.length) {
      logger.info({ applied }, 'applied migrations');
    }
    const demoAccounts = config.seedDemo ? await seedDemoOnce(orm, logger, clock.now()) : [];
    const { pubSub, close: closePubSub } = await createPgPubSub(databaseUrl, logger);
    const schema = await createSchema(pubSub);
    const http = await startHttpServer({ config, logger, orm, schema, pubSub, clock });
    // Closes unrated and escalates overdue demand tickets even when nobody reads them.
    const demandSweeper = startDemandSweeper({ orm, pubSub, clock, logger, intervalMs: config.demandSweepIntervalMs });
    return {
      url: http.url,
      port: http.port,
      databaseUrl,
      orm,
      demoAccounts,
      async stop() {
        await http.stop();
        await demandSweeper.stop();
        await closePubSub();
        await orm.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await orm.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}

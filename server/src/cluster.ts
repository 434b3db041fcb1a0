/**
 * `pnpm start:cluster --workers N`: N Gongzhi server processes behind one port (node:cluster; the
 * primary accepts connections and hands them to workers round-robin). The primary starts the embedded
 * PostgreSQL when no DATABASE_URL is given, applies migrations and seeds the demo once, then forks;
 * workers are ordinary stateless servers on the same database (sessions live in PostgreSQL, live events
 * travel through LISTEN/NOTIFY), and a worker that dies is replaced.
 */
import 'reflect-metadata';
import cluster from 'node:cluster';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createLogger } from './app/logger.js';
import { systemClock } from './app/clock.js';
import { ConfigError, loadConfig } from './config/env.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded-postgres.js';
import { migrate } from './db/migrate.js';
import { initOrm } from './db/orm.js';
import { seedDemoOnce } from './demo/seed.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

if (cluster.isPrimary) {
  const { values } = parseArgs({ options: { workers: { type: 'string', default: String(os.availableParallelism()) } }, strict: false });
  const workers = Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1) {
    console.error('usage: pnpm start:cluster --workers N (N ≥ 1)');
    process.exit(2);
  }
  let config;
  try {
    config = loadConfig(process.env, { dataDir: path.join(root, '.data/postgres'), portalDir: path.join(root, 'portal/dist') });
  } catch (error) {
    console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, database: 'gongzhi', persistent: true, preferredPort: 54329 });
    databaseUrl = embedded.url;
  }
  // Once, before any worker starts: N workers racing to migrate or seed would collide.
  const orm = await initOrm({ url: databaseUrl });
  await migrate(orm);
  if (config.seedDemo) {
    await seedDemoOnce(orm, logger, systemClock.now());
  }
  await orm.close();
  let stopping = false;
  const fork = () => cluster.fork({ DATABASE_URL: databaseUrl, SEED_DEMO: 'false' });
  for (let index = 0; index < workers; index += 1) {
    fork();
  }
  cluster.on('exit', (worker, code) => {
    if (!stopping) {
      logger.warn({ worker: worker.process.pid, code }, 'worker exited; starting another');
      fork();
    }
  });
  logger.info({ workers, port: config.port }, `Gongzhi cluster: ${workers} workers on port ${config.port}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) {
        return;
      }
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) {
        worker?.process.kill('SIGTERM');
      }
      // Workers drain their requests (main.ts), then the embedded PostgreSQL stops last.
      const waitForWorkers = (): void => {
        if (Object.keys(cluster.workers ?? {}).length) {
          setTimeout(waitForWorkers, 100);
          return;
        }
        void (embedded ? embedded.stop() : Promise.resolve()).finally(() => process.exit(0));
      };
      waitForWorkers();
    });
  }
} else {
  // A worker is the ordinary server (main.ts) with DATABASE_URL set by the primary.
  await import('./main.js');
}

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { initOrm, migrate, startEmbeddedPostgres } from '@gongzhi/server';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface BenchDatabase {
  url: string;
  /** The data directory of an embedded cluster (its postmaster.pid names the PostgreSQL processes). */
  dataDir?: string;
  stop(): Promise<void>;
}

/** The bench's own persistent embedded PostgreSQL for a scale (`.data/bench-<scale>`, git-ignored), or `url`. */
export async function openBenchDatabase(scale: number, url?: string): Promise<BenchDatabase> {
  if (url) {
    return { url, stop: async () => {} };
  }
  const dataDir = path.join(REPO_ROOT, '.data', `bench-${scale}`);
  const db = await startEmbeddedPostgres({
    dataDir,
    database: 'gongzhi',
    persistent: true,
    preferredPort: 54400 + Math.min(99, Math.round(scale)),
  });
  return { url: db.url, dataDir, stop: () => db.stop() };
}

/** Applies the committed migrations with the server's own migrator, as `startGongzhi` does. */
export async function migrateDatabase(url: string): Promise<void> {
  const orm = await initOrm({ url });
  try {
    await migrate(orm);
  } finally {
    await orm.close();
  }
}

/** The pids of the cluster's postmaster and of its backends (children), for CPU time from /proc. */
export function postgresPids(dataDir: string | undefined): number[] {
  if (!dataDir) {
    return [];
  }
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) {
    return [];
  }
  const postmaster = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  const pids = [postmaster];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === postmaster) {
        pids.push(Number(entry));
      }
    } catch {
      // The process ended between listing and reading.
    }
  }
  return pids;
}

/** A pg client for one-off work (generation, checks). */
export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** The URL of another database on the same server. */
export function withDatabaseName(url: string, name: string): string {
  const other = new URL(url);
  other.pathname = `/${name}`;
  return other.toString();
}

async function onMaintenanceDatabase<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connect(withDatabaseName(url, 'postgres'));
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A copy of the database at `url` named `name` (replacing a leftover of an interrupted run), for work
 * that writes: `create database … template …` copies files, a few seconds at scale 1. Nothing may be
 * connected to the source meanwhile, and the user needs the right to create databases.
 */
export async function copyDatabase(url: string, name: string): Promise<string> {
  const source = decodeURIComponent(new URL(url).pathname.slice(1));
  await onMaintenanceDatabase(url, async (client) => {
    await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
    await client.query(`create database ${client.escapeIdentifier(name)} template ${client.escapeIdentifier(source)}`);
  });
  return withDatabaseName(url, name);
}

/** Drops a copy made by `copyDatabase`, closing whatever is still connected to it. */
export async function dropDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await onMaintenanceDatabase(url, (client) => client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`));
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createLogger, initOrm, migrate, seedDemoOnce, startEmbeddedPostgres } from '@gongzhi/server';
import { TEMPLATES, TEST_EPOCH } from './templates.js';

/**
 * One embedded PostgreSQL for the whole run, with two migrated template databases (empty, and with the
 * demo district). Each test file clones one (CREATE DATABASE … TEMPLATE), so files run in parallel on
 * fresh data. DATABASE_URL points the run at another PostgreSQL (its user must be allowed to create databases).
 */
export default async function setup(project: TestProject) {
  let stop = async () => {};
  let adminUrl = process.env.DATABASE_URL;
  let dir: string | undefined;
  if (!adminUrl) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-test-pg-'));
    fs.chmodSync(dir, 0o755);
    const db = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), database: 'postgres', persistent: false });
    adminUrl = db.url;
    stop = () => db.stop();
  }
  const logger = createLogger('warn');
  for (const [template, seeded] of [
    [TEMPLATES.empty, false],
    [TEMPLATES.demo, true],
  ] as const) {
    const admin = await initOrm({ url: adminUrl });
    await admin.em.getConnection().execute(`drop database if exists ${template} with (force)`);
    await admin.em.getConnection().execute(`create database ${template}`);
    await admin.close();
    const orm = await initOrm({ url: withDatabase(adminUrl, template) });
    await migrate(orm);
    if (seeded) {
      await seedDemoOnce(orm, logger, new Date(TEST_EPOCH));
    }
    await orm.close();
  }
  project.provide('adminDatabaseUrl', adminUrl);
  return async () => {
    await stop();
    if (dir) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

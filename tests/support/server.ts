import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { createLogger, initOrm, loadConfig, startGongzhi, type Clock, type Gongzhi } from '@gongzhi/server';
import { GraphQLClient } from './client.js';
import { withDatabase } from './global-setup.js';
import { TEMPLATES, TEST_EPOCH } from './templates.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A clock tests move by hand: deadlines are tested by setting time, never by sleeping. */
export class TestClock implements Clock {
  constructor(private current = new Date(TEST_EPOCH)) {}
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestServer {
  app: Gongzhi;
  url: string;
  databaseUrl: string;
  clock: TestClock;
  /** A client with its own cookie jar (a separate browser). */
  client(): GraphQLClient;
  /** A client already signed in with a demo or test account. */
  signedIn(identifier: string, password?: string): Promise<GraphQLClient>;
  /** SQL statements executed since the last reset. */
  statements: { count: number; log: string[]; reset(): void };
  /** Runs SQL directly against this file's database (for checks the API does not expose). */
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

async function cloneDatabase(template: string): Promise<string> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = await initOrm({ url: adminUrl });
  await admin.em.getConnection().execute(`create database ${name} template ${template}`);
  await admin.close();
  return withDatabase(adminUrl, name);
}

/** Starts a real Gongzhi server (HTTP + WebSocket) on a free port over a fresh copy of a template database. */
export async function startTestServer(
  options: { demo?: boolean; env?: Record<string, string>; databaseUrl?: string } = {},
): Promise<TestServer> {
  const databaseUrl = options.databaseUrl ?? (await cloneDatabase(options.demo === false ? TEMPLATES.empty : TEMPLATES.demo));
  const config = loadConfig(
    { NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: databaseUrl, SEED_DEMO: 'false', ...options.env },
    { dataDir: '', portalDir: path.join(root, 'portal/dist') },
  );
  const clock = new TestClock();
  const statements = {
    count: 0,
    log: [] as string[],
    reset() {
      this.count = 0;
      this.log = [];
    },
  };
  const app = await startGongzhi({
    config,
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    clock,
    onQuery: (sql) => {
      statements.count += 1;
      statements.log.push(sql);
    },
  });
  const server: TestServer = {
    app,
    url: app.url,
    databaseUrl,
    clock,
    client: () => new GraphQLClient(app.url),
    async signedIn(identifier, password = 'gongzhi-demo') {
      const client = new GraphQLClient(app.url);
      await client.signIn(identifier, password);
      return client;
    },
    statements,
    sql: (query, params = []) => app.orm.em.getConnection().execute(query, params as never[]),
    stop: () => app.stop(),
  };
  return server;
}

/**
 * The raw-SQL limit of the writes section: reference/raw-sql-writes-server.ts as its own process on the
 * writes' copy of the database, answering the bench's `pledgeCreate` requests.
 */
import http from 'node:http';
import path from 'node:path';
import { freePort } from '@gongzhi/server';
import { post } from './loadgen.js';
import { startProcess, TSX, type ServerProcess } from './processes.js';
import { RAW_PLEDGE_STATEMENTS } from './reference/raw-sql-writes.js';
import { REPO_ROOT } from './support/database.js';

export const LIMIT_LABEL = 'pledgeCreate — raw SQL limit (pg, pool 10)';
export { RAW_PLEDGE_STATEMENTS };

export async function startRawWritesServer(databaseUrl: string): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  return startProcess({
    name: 'raw-sql-writes',
    args: ['--import', `file://${TSX}`, 'bench/reference/raw-sql-writes-server.ts', databaseUrl, String(port)],
    cwd: path.join(REPO_ROOT, 'tests'),
    label: 'node tests/bench/reference/raw-sql-writes-server.ts (pg, pool 10)',
    url,
    env: { NODE_ENV: 'production' },
    // Signed out, it answers UNAUTHENTICATED without touching the database: enough to know it listens.
    ready: async () => {
      const agent = new http.Agent();
      try {
        return (await post(agent, new URL(url), JSON.stringify({ variables: { input: {} } }))).status === 200;
      } finally {
        agent.destroy();
      }
    },
  });
}

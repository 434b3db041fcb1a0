import { initOrm } from '@gongzhi/server';
import { preparedExecute } from '@gongzhi/server/src/db/prepared-query.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * The statements every request or write repeats run prepared (`preparedExecute`): inside a change on
 * the transaction's own connection — a statement on another connection would not see the change's
 * locks and rows — and as a named statement PostgreSQL plans once, unless PG_PREPARED_STATEMENTS is off.
 */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ demo: false });
});
afterAll(() => server?.stop());

const PROBE = 'select pg_backend_pid() as pid, ?::int + 1 as answer, ?::text as word';
const SELF = `select statement from pg_prepared_statements where statement like ? /* pool probe */`;

async function insideTransaction(preparedStatements: boolean) {
  const orm = await initOrm({ url: server.databaseUrl, preparedStatements });
  try {
    return await orm.em.fork().transactional(async (em) => {
      const [own] = await em.execute<{ pid: number }[]>('select pg_backend_pid() as pid');
      // A row the transaction wrote and has not committed: only its own connection sees it.
      await em.execute(`create temporary table probe (id int) on commit drop`);
      await em.execute('insert into probe values (41)');
      const [probe] = await preparedExecute<{ pid: number; answer: number; word: string }>(em, PROBE, [41, '共治?']);
      const [seen] = await preparedExecute<{ id: number }>(em, 'select id from probe where id = ?', [41]);
      const statements = await em.execute<{ statement: string }[]>('select statement from pg_prepared_statements');
      return { own: own!.pid, probe: probe!, seen: seen?.id, statements: statements.map((row) => row.statement) };
    });
  } finally {
    await orm.close();
  }
}

describe('preparedExecute', () => {
  it("runs on the transaction's connection as named prepared statements, with the values sent apart", async () => {
    const result = await insideTransaction(true);
    expect(result.probe).toEqual({ pid: result.own, answer: 42, word: '共治?' });
    expect(result.seen).toBe(41);
    expect(result.statements.some((statement) => statement.includes('$1::int + 1 as answer, $2::text'))).toBe(true);
  });

  it('sends them unnamed when PG_PREPARED_STATEMENTS is off (poolers that cannot keep them)', async () => {
    const result = await insideTransaction(false);
    expect(result.probe).toEqual({ pid: result.own, answer: 42, word: '共治?' });
    expect(result.seen).toBe(41);
    expect(result.statements).toEqual([]);
  });

  it('runs outside a transaction on a connection of the pool, prepared there too', async () => {
    const orm = await initOrm({ url: server.databaseUrl });
    try {
      const [probe] = await preparedExecute<{ answer: number; word: string }>(orm.em.fork(), PROBE, [1, 'x']);
      expect(probe).toMatchObject({ answer: 2, word: 'x' });
      // A named statement is listed while it runs, on whichever connection ran it.
      const itself = await preparedExecute<{ statement: string }>(orm.em.fork(), SELF, ['%pool probe%']);
      expect(itself).toHaveLength(1);
    } finally {
      await orm.close();
    }
  });
});

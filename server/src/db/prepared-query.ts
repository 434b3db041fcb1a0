import type { EntityManager, PostgreSqlConnection } from '@mikro-orm/postgresql';
import { CompiledQuery, type Kysely } from 'kysely';
import { PREPARE_MARK } from './preparing-client.js';

interface LoggedConnection {
  executeQuery<T>(query: string, run: () => Promise<T>): Promise<T>;
}

/** MikroORM's `?` placeholders as PostgreSQL's `$1`, `$2`… (the texts given here hold no other `?`). */
function numbered(text: string): string {
  let index = 0;
  return text.replace(/\?/g, () => `$${(index += 1)}`);
}

/**
 * `em.execute` for the statements that repeat with every request — compiled pages, the caller's
 * session, the locks and checks of the busiest writes — as prepared statements: the text (`?`
 * placeholders, like `em.execute`) is parsed and planned once per connection and the values are sent
 * apart. MikroORM inlines values into a new text that PostgreSQL must plan every time; planning was a
 * fifth of a compiled page's cost and a quarter of PostgreSQL's CPU per write (`pnpm bench`).
 *
 * Inside a transaction (a change) the statement runs on the transaction's connection, through kysely,
 * which MikroORM holds it with; outside, on any connection of MikroORM's pool. Either way it is logged
 * like MikroORM's own statements. `PreparingClient` turns the marked text into a named statement, and
 * with PG_PREPARED_STATEMENTS=false (poolers that cannot keep them) the pool has `PlainClient`s instead:
 * the mark is then a comment.
 */
export function preparedExecute<R>(em: EntityManager, text: string, values: unknown[]): Promise<R[]> {
  return preparedQuery<R>(em, numbered(text), values);
}

/** `preparedExecute` for a text with PostgreSQL's own `$1`, `$2`… placeholders (the look-ahead compiler's). */
export async function preparedQuery<R>(em: EntityManager, sql: string, values: unknown[]): Promise<R[]> {
  const connection = em.getConnection() as PostgreSqlConnection;
  const transaction = em.getTransactionContext<Kysely<unknown>>();
  return (connection as unknown as LoggedConnection).executeQuery(sql, async () => {
    if (transaction) {
      return (await transaction.executeQuery<R>(CompiledQuery.raw(PREPARE_MARK + sql, values))).rows as R[];
    }
    const pool = await connection.getNativeClient();
    return (await pool.query<R & object>(PREPARE_MARK + sql, values)).rows;
  });
}

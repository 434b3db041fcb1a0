import { createHash } from 'node:crypto';
import type { EntityManager, PostgreSqlConnection } from '@mikro-orm/postgresql';

/**
 * Named prepared statements are cached per connection and never freed, so only this many distinct
 * texts are prepared; any further text runs unnamed (planned every time, as before).
 */
const MAX_PREPARED = 500;
const prepared = new Set<string>();

function statementName(text: string): string | undefined {
  const name = `gz_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  if (prepared.has(name) || prepared.size < MAX_PREPARED) {
    prepared.add(name);
    return name;
  }
  return undefined;
}

interface LoggedConnection {
  executeQuery<T>(query: string, run: () => Promise<T>): Promise<T>;
}

/**
 * Runs `text` (with `$1`… placeholders) as a named prepared statement on MikroORM's own `pg` pool, logged
 * like MikroORM's statements. MikroORM inlines parameters into the text, so PostgreSQL plans every
 * statement it sends anew; the look-ahead compiler's statements are large and repeat with each page,
 * and planning them was a fifth of their cost. Outside transactions only: the pool hands out any
 * connection. `prepare: false` (PG_PREPARED_STATEMENTS=false) sends them unnamed, for poolers that
 * cannot keep prepared statements.
 */
export async function preparedQuery<R>(em: EntityManager, text: string, values: unknown[], prepare = true): Promise<R[]> {
  const connection = em.getConnection() as PostgreSqlConnection;
  const pool = await connection.getNativeClient();
  const name = prepare ? statementName(text) : undefined;
  return (connection as unknown as LoggedConnection).executeQuery(text, async () => {
    const result = await pool.query<R & object>({ ...(name ? { name } : {}), text, values });
    return result.rows;
  });
}

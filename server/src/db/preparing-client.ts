import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * Named prepared statements are cached per connection and never freed, so only this many distinct
 * texts are prepared; any further text runs unnamed (planned every time, as before).
 */
const MAX_PREPARED = 500;
/** Text → statement name, so the texts every request repeats are hashed once per process, not per run. */
const names = new Map<string, string>();

/** The name of `text`'s prepared statement; undefined once `MAX_PREPARED` texts have one. */
function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_PREPARED) {
    name = `gz_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/** Leads the text of a statement to be run as a named prepared statement (an SQL comment to PostgreSQL). */
export const PREPARE_MARK = '/* prepare */ ';

/**
 * The `pg` client of MikroORM's pool (pool option `Client`). Statements reach the client through kysely,
 * which passes only text and values; a text that starts with `PREPARE_MARK` is sent as a named
 * prepared statement instead, so PostgreSQL parses and plans it once per connection. This is how
 * statements inside a transaction, whose connection kysely holds, get prepared (see `preparedExecute`).
 */
export class PreparingClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    // An own property rather than an override: `Client.query` has a dozen overloads to restate. The pool
    // calls it with a callback (`pool.query`), kysely without.
    this.query = ((text: unknown, values?: unknown, callback?: unknown) => {
      const [given, done] = typeof values === 'function' ? [undefined, values] : [values, callback];
      const name =
        typeof text === 'string' && text.startsWith(PREPARE_MARK) && (given === undefined || Array.isArray(given))
          ? statementName(text)
          : undefined;
      return name ? query({ name, text, values: given }, ...(done ? [done] : [])) : query(text, values, ...(callback ? [callback] : []));
    }) as pg.Client['query'];
  }
}

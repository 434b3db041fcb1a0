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
 * `client.query` for texts: a text that starts with `PREPARE_MARK` runs as a named prepared statement when
 * `prepare` is on. An own property rather than an override: `Client.query` has a dozen overloads to
 * restate. The pool calls it with a callback (`pool.query`), kysely without; `pg` answers the latter with
 * a promise it makes before the query is queued, and that path kept each statement's objects alive into
 * V8's old generation (3.6 KB a statement, measured through kysely; ADR 0021), so a text is always sent
 * with a callback and the promise is made here. Query objects (`pg-cursor`) and config objects pass
 * through as they are.
 */
function textQueries(client: pg.Client, prepare: boolean): pg.Client['query'] {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  return ((text: unknown, values?: unknown, callback?: unknown) => {
    if (typeof text !== 'string') {
      return query(text, values, callback);
    }
    const [given, done] = typeof values === 'function' ? [undefined, values] : [values, callback];
    const name =
      prepare && text.startsWith(PREPARE_MARK) && (given === undefined || Array.isArray(given)) ? statementName(text) : undefined;
    const config = name ? { name, text, values: given } : { text, values: given };
    if (done) {
      return query(config, done);
    }
    return new Promise((resolve, reject) => {
      query(config, (error: Error | null, result: unknown) => (error ? reject(error) : resolve(result)));
    });
  }) as pg.Client['query'];
}

/**
 * The `pg` client of MikroORM's pool (pool option `Client`). Statements reach the client through kysely,
 * which passes only text and values; a text that starts with `PREPARE_MARK` is sent as a named
 * prepared statement instead, so PostgreSQL parses and plans it once per connection. This is how
 * statements inside a transaction, whose connection kysely holds, get prepared (see `preparedExecute`).
 */
export class PreparingClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.query = textQueries(this, true);
  }
}

/** The pool's client with PG_PREPARED_STATEMENTS=false (poolers that cannot keep them): the mark is a comment. */
export class PlainClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.query = textQueries(this, false);
  }
}

import { Cursor, type EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import type { ClassType } from 'type-graphql';
import { plainEntity } from '../loaders/plain-rows.js';
import { PageInfo, pageSize, type ConnectionArgs, type ConnectionShape } from './connection.js';

/** A condition on the listed row `alias`, as SQL with `?` placeholders and their values. */
export interface SqlCondition {
  sql: (alias: string) => string;
  params: unknown[];
}

export interface KeysetOrder {
  /** The entity property (as MikroORM names it: the cursor format is MikroORM's). */
  property: string;
  /** Its column, and the SQL type a cursor value is cast to. */
  column: string;
  type: 'timestamptz' | 'text' | 'date';
  direction: 'asc' | 'desc';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function invalidCursor(): GraphQLError {
  return new GraphQLError('after is not a valid cursor of this list', { extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
}

/** The `[value, uuid]` of a cursor written by this function or by MikroORM's `findByCursor`. */
function decodeAfter(after: string): [string, string] {
  let value: unknown;
  try {
    value = Cursor.decode(after);
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || typeof value[1] !== 'string' || !UUID.test(value[1])) {
    throw invalidCursor();
  }
  return [value[0], value[1]];
}

/**
 * One keyset page of `table` ordered by one column and the id, in hand-written SQL: the rows come back
 * as read-only plain entities (`plain-rows.ts`), without MikroORM's query builder and hydration, which
 * were most of a short list's cost. Cursors are MikroORM's (`Cursor.for`), so they stay valid across
 * both ways of listing; `count: false` skips the count for callers that know `totalCount` is not asked
 * for (it is then NaN).
 */
export async function keysetPage<T extends { uuid: string }>(
  em: EntityManager,
  entity: ClassType<T>,
  table: string,
  where: SqlCondition[],
  order: KeysetOrder,
  args: ConnectionArgs,
  { count = true }: { count?: boolean } = {},
): Promise<ConnectionShape<T>> {
  const first = pageSize(args.first);
  const conditions = [...where];
  if (args.after) {
    const [value, uuid] = decodeAfter(args.after);
    const comparison = order.direction === 'asc' ? '>' : '<';
    conditions.push({ sql: (t) => `(${t}.${order.column}, ${t}.id) ${comparison} (?::${order.type}, ?::uuid)`, params: [value, uuid] });
  }
  const sql = (list: SqlCondition[]) => (list.length ? `where ${list.map((condition) => condition.sql('t')).join(' and ')}` : '');
  const params = (list: SqlCondition[]) => list.flatMap((condition) => condition.params);
  const direction = order.direction === 'asc' ? 'asc' : 'desc';
  const [rows, total] = await Promise.all([
    em.execute<Record<string, unknown>[]>(
      `select t.* from ${table} t ${sql(conditions)} order by t.${order.column} ${direction}, t.id ${direction} limit ${first + 1}`,
      params(conditions),
    ),
    // The whole list, not what follows the cursor.
    count ? em.execute<{ count: number }[]>(`select count(*)::int as count from ${table} t ${sql(where)}`, params(where)) : undefined,
  ]);
  const nodes = rows.slice(0, first).map((row) => plainEntity(em, entity, row));
  const meta = em.getMetadata().get(entity);
  const orderBy = { [order.property]: direction, uuid: direction };
  const cursorOf = (node: T) => Cursor.for(meta, node as never, orderBy as never);
  return {
    edges: nodes.map((node) => ({ cursor: cursorOf(node), node })),
    nodes,
    pageInfo: Object.assign(new PageInfo(), {
      hasNextPage: rows.length > first,
      hasPreviousPage: !!args.after,
      startCursor: nodes.length ? cursorOf(nodes[0]!) : null,
      endCursor: nodes.length ? cursorOf(nodes.at(-1)!) : null,
    }),
    totalCount: total ? total[0]!.count : NaN,
  };
}

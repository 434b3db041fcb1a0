import { getNamedType, isObjectType, type GraphQLObjectType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { Context } from '../../app/context.js';
import type { ConnectionShape } from '../relay/connection.js';
import { chinaDay } from '../time/china-day.js';
import { collectFields, compileObject } from './compile.js';

/**
 * The answers for rows `uuids` of `table`, built by one SQL statement from the selection, in the order of
 * `uuids`; undefined when the selection cannot be compiled (the resolvers answer then). A row deleted
 * since the caller listed it has no answer: `fallback` keeps what the caller had.
 */
async function loadPrecompiled<T>(
  ctx: Context,
  info: GraphQLResolveInfo,
  type: GraphQLObjectType,
  table: string,
  selectionSets: readonly SelectionSetNode[],
  rows: readonly T[],
  uuidOf: (row: T) => string,
): Promise<(T | object)[] | undefined> {
  let aliases = 0;
  const scope = { alias: () => `t${(aliases += 1)}`, today: chinaDay(ctx.clock.now()) };
  const json = compileObject(type, selectionSets, 't0', { info, scope });
  if (!json || !rows.length) {
    return json ? [] : undefined;
  }
  const uuids = rows.map(uuidOf);
  const answers = await ctx.em.execute<{ id: string; answer: object }[]>(
    `select t0.id, ${json} as answer from ${table} t0 where t0.id in (${uuids.map(() => '?').join(', ')})`,
    uuids,
  );
  const byUuid = new Map(answers.map((answer) => [answer.id, answer.answer]));
  return rows.map((row) => byUuid.get(uuidOf(row)) ?? row);
}

/**
 * A connection whose `nodes` are answered by one compiled statement (their whole sub-tree) when the
 * selection allows; `edges`, `pageInfo` and `totalCount` stay as the page gave them.
 */
export async function withPrecompiledNodes<T extends { uuid: string }>(
  ctx: Context,
  info: GraphQLResolveInfo,
  table: string,
  connection: ConnectionShape<T>,
): Promise<ConnectionShape<T | object>> {
  const connectionType = getNamedType(info.returnType);
  if (!isObjectType(connectionType)) {
    return connection;
  }
  const selections = collectFields(
    connectionType,
    info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : [])),
    info,
  );
  const nodes = [...(selections?.values() ?? [])].filter((node) => node.name.value === 'nodes');
  const nodeType = getNamedType(connectionType.getFields().nodes?.type);
  if (nodes.length !== 1 || !nodes[0]!.selectionSet || !isObjectType(nodeType)) {
    return connection;
  }
  const answers = await loadPrecompiled(ctx, info, nodeType, table, [nodes[0]!.selectionSet], connection.nodes, (node) => node.uuid);
  return answers ? { ...connection, nodes: answers } : connection;
}

/** One object answered by one compiled statement (its whole sub-tree) when the selection allows. */
export async function withPrecompiledObject<T extends { uuid: string }>(
  ctx: Context,
  info: GraphQLResolveInfo,
  table: string,
  object: T | null,
): Promise<T | object | null> {
  const type = getNamedType(info.returnType);
  if (!object || !isObjectType(type)) {
    return object;
  }
  const selectionSets = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  const answers = await loadPrecompiled(ctx, info, type, table, selectionSets, [object], (row) => row.uuid);
  return answers?.[0] ?? object;
}

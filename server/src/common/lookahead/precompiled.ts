import { getNamedType, isObjectType, type GraphQLObjectType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { Context } from '../../app/context.js';
import { preparedQuery } from '../../db/prepared-query.js';
import type { ConnectionShape } from '../relay/connection.js';
import { chinaDay } from '../time/china-day.js';
import { collectFields, compileObject, type Operation } from './compile.js';
import type { CompileScope } from './sql-shape.js';

export type AnswerFormat = 'object' | 'text';

/** A compiled selection, ready to answer for any rows of its table. */
export interface CompiledAnswers {
  /** The answers by uuid; a row deleted since the caller listed it is missing. */
  load(uuids: readonly string[]): Promise<Map<string, unknown>>;
}

/**
 * The scope of one compiled statement: its table aliases, and whether a field used today's date (then
 * bound as `$2`). A class rather than an object literal with a getter: V8 keeps a literal's getter in an
 * accessor pair it allocates in the old generation, and the getter, a new closure on every call, held
 * the request's whole context through its closure. Until the next full collection that dead pair kept it
 * alive through every young collection, so each request listing projects copied 7–22 KB of its objects
 * to the old generation (ADR 0021).
 */
class StatementScope implements CompileScope {
  usesToday = false;
  #aliases = 0;

  alias(): string {
    this.#aliases += 1;
    return `t${this.#aliases}`;
  }

  get today(): string {
    this.usesToday = true;
    return '$2::date';
  }
}

/**
 * Compiles the selection of `type` (rows of `table`) into one SQL statement giving parsed objects for the
 * resolvers or JSON text for a direct answer. Undefined when the selection cannot be compiled (the
 * resolvers answer then) or inside a transaction (the statement runs on a pooled connection of its own).
 */
export function compileAnswers(
  ctx: Context,
  operation: Operation,
  type: GraphQLObjectType,
  table: string,
  selectionSets: readonly SelectionSetNode[],
  format: AnswerFormat,
): CompiledAnswers | undefined {
  if (ctx.em.isInTransaction()) {
    return undefined;
  }
  const scope = new StatementScope();
  const json = compileObject(type, selectionSets, 't0', { operation, scope, direct: format === 'text' });
  if (!json) {
    return undefined;
  }
  const sql = `select t0.id, ${json}${format === 'text' ? '::text' : ''} as answer from ${table} t0 where t0.id = any($1::uuid[])`;
  return {
    async load(uuids) {
      if (!uuids.length) {
        return new Map();
      }
      const answers = await preparedQuery<{ id: string; answer: unknown }>(
        ctx.em,
        sql,
        scope.usesToday ? [uuids, chinaDay(ctx.clock.now())] : [uuids],
      );
      return new Map(answers.map((answer) => [answer.id, answer.answer]));
    },
  };
}

const operationOf = (info: GraphQLResolveInfo): Operation => ({ variableValues: info.variableValues, fragments: info.fragments });

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
  const operation = operationOf(info);
  const selections = collectFields(
    connectionType,
    info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : [])),
    operation,
  );
  const nodes = [...(selections?.values() ?? [])].filter((node) => node.name.value === 'nodes');
  const nodeType = getNamedType(connectionType.getFields().nodes?.type);
  if (nodes.length !== 1 || !nodes[0]!.selectionSet || !isObjectType(nodeType)) {
    return connection;
  }
  const compiled = compileAnswers(ctx, operation, nodeType, table, [nodes[0]!.selectionSet], 'object');
  if (!compiled) {
    return connection;
  }
  const answers = await compiled.load(connection.nodes.map((node) => node.uuid));
  return { ...connection, nodes: connection.nodes.map((node) => (answers.get(node.uuid) as object | undefined) ?? node) };
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
  const compiled = compileAnswers(ctx, operationOf(info), type, table, selectionSets, 'object');
  const answers = await compiled?.load([object.uuid]);
  return (answers?.get(object.uuid) as object | undefined) ?? object;
}

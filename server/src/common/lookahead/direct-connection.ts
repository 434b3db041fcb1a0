import { getNamedType, isObjectType, type FieldNode, type GraphQLField, type GraphQLObjectType } from 'graphql';
import type { Context } from '../../app/context.js';
import type { ConnectionShape, PageInfo } from '../relay/connection.js';
import type { Operation } from './compile.js';
import { collectFields } from './compile.js';
import { jsonObject, RawJson } from './direct-answers.js';
import { compileAnswers } from './precompiled.js';

const CONNECTION_FIELDS = new Set(['nodes', 'totalCount', 'pageInfo', '__typename']);

function namedObjectType(field: GraphQLField<unknown, unknown> | undefined): GraphQLObjectType | undefined {
  const type = field && getNamedType(field.type);
  return isObjectType(type) ? type : undefined;
}

/**
 * The direct answer of a root connection field: `page` lists the rows (counting them only when
 * `totalCount` is asked for), and their `nodes` are written by one compiled statement. `edges` carry
 * cursors per node: a selection with them is left to the resolvers.
 */
export async function directConnection<T extends { uuid: string }>(
  ctx: Context,
  field: FieldNode,
  operation: Operation,
  definition: GraphQLField<unknown, unknown>,
  table: string,
  page: (options: { count: boolean }) => Promise<ConnectionShape<T>>,
): Promise<RawJson | undefined> {
  const connectionType = namedObjectType(definition);
  const nodeType = namedObjectType(connectionType?.getFields().nodes);
  const pageInfoType = namedObjectType(connectionType?.getFields().pageInfo);
  const selection = connectionType && field.selectionSet && collectFields(connectionType, [field.selectionSet], operation);
  if (!selection || !nodeType || !pageInfoType || [...selection.values()].some((node) => !CONNECTION_FIELDS.has(node.name.value))) {
    return undefined;
  }
  // Compiled before the page is listed: a selection the compiler cannot answer costs nothing here.
  const nodes = [...selection.values()].filter((node) => node.name.value === 'nodes');
  const compiled =
    nodes.length === 1 && nodes[0]!.selectionSet
      ? compileAnswers(ctx, operation, nodeType, table, [nodes[0]!.selectionSet], 'text')
      : undefined;
  if (nodes.length > 1 || (nodes.length === 1 && !compiled)) {
    return undefined;
  }
  const connection = await page({ count: [...selection.values()].some((node) => node.name.value === 'totalCount') });
  const uuids = connection.nodes.map((node) => node.uuid);
  const answers = compiled ? await compiled.load(uuids) : new Map<string, unknown>();
  const members: [string, string][] = [];
  for (const [key, node] of selection) {
    switch (node.name.value) {
      case '__typename':
        members.push([key, JSON.stringify(connectionType.name)]);
        break;
      case 'totalCount':
        members.push([key, String(connection.totalCount)]);
        break;
      case 'nodes':
        // A row deleted between the page and its answers is left out, as if listed a moment later.
        members.push([key, `[${uuids.flatMap((uuid) => (answers.has(uuid) ? [answers.get(uuid) as string] : [])).join(',')}]`]);
        break;
      default: {
        const pageInfo = node.selectionSet && collectFields(pageInfoType, [node.selectionSet], operation);
        if (!pageInfo) {
          return undefined;
        }
        members.push([
          key,
          jsonObject(
            [...pageInfo].map(([infoKey, infoField]) => [
              infoKey,
              JSON.stringify(
                infoField.name.value === '__typename' ? pageInfoType.name : connection.pageInfo[infoField.name.value as keyof PageInfo],
              ),
            ]),
          ),
        ]);
      }
    }
  }
  return new RawJson(jsonObject(members));
}

/** The direct answer of a root field giving one object (null when `object` finds none the caller may see). */
export async function directObject<T extends { uuid: string }>(
  ctx: Context,
  field: FieldNode,
  operation: Operation,
  definition: GraphQLField<unknown, unknown>,
  table: string,
  object: () => Promise<T | null | undefined>,
): Promise<RawJson | null | undefined> {
  const type = namedObjectType(definition);
  const compiled = type && field.selectionSet && compileAnswers(ctx, operation, type, table, [field.selectionSet], 'text');
  if (!compiled) {
    return undefined;
  }
  const row = await object();
  if (!row) {
    return null;
  }
  const text = (await compiled.load([row.uuid])).get(row.uuid) as string | undefined;
  return text === undefined ? null : new RawJson(text);
}

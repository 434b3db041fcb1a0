import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLField,
  type GraphQLObjectType,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { pageSize } from '../relay/connection.js';
import { sqlShape, type CompileScope, type FieldSql } from './sql-shape.js';

/**
 * Compiles the selection of an object type into one SQL expression that builds its answer as JSON
 * (`row_to_json` over a sub-select per object, nested sub-selects for relations; compact JSON text in
 * selection order), the way PostGraphile answers a whole page in
 * one statement. Objects are keyed by response key (aliases included), in selection order. For the
 * resolvers (`serve-precompiled.ts`) every object carries `PRECOMPILED`, and they hand its values out as
 * they are; for a direct answer (`direct-answers.ts`) the JSON is the response itself, `__typename`
 * included.
 *
 * Returns undefined when any selected field has no SQL shape, takes arguments the shape does not
 * handle, or sits behind a fragment on another type: the caller then answers through the resolvers.
 */
export const PRECOMPILED = '__c';

/** Response keys become column names, which PostgreSQL cuts at 63 bytes. */
const MAX_KEY_LENGTH = 63;

/** One JSON object from `[response key, SQL]` members, keys in order, as compact text. */
const sqlJsonObject = (members: [string, string][]) =>
  `(select row_to_json(o) from (select ${members.map(([key, sql]) => `${sql} as "${key}"`).join(', ')}) o)`;

/** A JSON array of `item` over the rows of `from`, in `orderBy` order; `[]` when there are none. */
const sqlJsonArray = (item: string, orderBy: string, from: string) =>
  `(select coalesce(array_to_json(array_agg(${item} order by ${orderBy})), '[]'::json) ${from})`;

/** What a selection means outside itself: the operation's (coerced) variables and its fragments. */
export interface Operation {
  variableValues: Record<string, unknown>;
  fragments: Record<string, FragmentDefinitionNode>;
}

export interface Compilation {
  operation: Operation;
  scope: CompileScope;
  /** The JSON is the response itself: no `PRECOMPILED` marker, `__typename` written out. */
  direct: boolean;
}

function skipped(node: FieldNode | { directives?: FieldNode['directives'] }, operation: Operation): boolean {
  if (!node.directives?.length) {
    return false;
  }
  const skip = getDirectiveValues(GraphQLSkipDirective, node as FieldNode, operation.variableValues);
  const include = getDirectiveValues(GraphQLIncludeDirective, node as FieldNode, operation.variableValues);
  return skip?.if === true || include?.if === false;
}

/**
 * The fields selected on `type` by response key, fragments on the type itself inlined. Undefined when a
 * response key repeats (GraphQL would merge the two selections) or a fragment is on another type.
 */
export function collectFields(
  type: GraphQLObjectType,
  selectionSets: readonly SelectionSetNode[],
  operation: Operation,
): Map<string, FieldNode> | undefined {
  const fields = new Map<string, FieldNode>();
  const visit = (selectionSet: SelectionSetNode): boolean => {
    for (const selection of selectionSet.selections) {
      if (skipped(selection, operation)) {
        continue;
      }
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        if (fields.has(key)) {
          return false;
        }
        fields.set(key, selection);
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : operation.fragments[selection.name.value];
        if (!fragment || (fragment.typeCondition && fragment.typeCondition.name.value !== type.name) || !visit(fragment.selectionSet)) {
          return false;
        }
      }
    }
    return true;
  };
  return selectionSets.every(visit) ? fields : undefined;
}

function objectTypeOf(field: GraphQLField<unknown, unknown>): GraphQLObjectType | undefined {
  const named = getNamedType(field.type);
  return isObjectType(named) ? named : undefined;
}

const marker = (compilation: Compilation): [string, string][] => (compilation.direct ? [] : [[PRECOMPILED, '1']]);

/** graphql-js answers `__typename` from the type itself; a direct answer writes it out. */
const typename = (type: GraphQLObjectType, key: string, compilation: Compilation): [string, string][] =>
  compilation.direct ? [[key, `'${type.name}'::text`]] : [];

/**
 * A column in its scalar's serialised form, as the scalars in `common/scalars` write it: DateTime as
 * `Date.prototype.toISOString()` (UTC, milliseconds), Decimal and Date as PostgreSQL's own text.
 */
function serialised(field: GraphQLField<unknown, unknown>, sql: string): string {
  switch (getNamedType(field.type).name) {
    case 'DateTime':
      return `to_char(${sql} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    case 'Decimal':
    case 'Date':
      return `${sql}::text`;
    default:
      return sql;
  }
}

const given = (args: Record<string, unknown>, except: string[] = []) =>
  Object.entries(args).some(([name, value]) => !except.includes(name) && value !== null && value !== undefined);

function compileConnection(
  spec: Extract<FieldSql, { kind: 'connection' }>,
  type: GraphQLObjectType,
  node: FieldNode,
  args: Record<string, unknown>,
  row: string,
  compilation: Compilation,
): string | undefined {
  if (given(args, ['first'])) {
    return undefined;
  }
  // The resolvers' page size; an invalid one is theirs to report, at the field's own path.
  let first: number;
  try {
    first = pageSize(args.first as number | null | undefined);
  } catch {
    return undefined;
  }
  const fields = node.selectionSet && collectFields(type, [node.selectionSet], compilation.operation);
  if (!fields || [...fields.keys()].some((key) => key.length > MAX_KEY_LENGTH)) {
    return undefined;
  }
  const parts = marker(compilation);
  for (const [key, field] of fields) {
    const name = field.name.value;
    if (name === '__typename') {
      parts.push(...typename(type, key, compilation));
      continue;
    }
    const target = compilation.scope.alias();
    if (name === 'totalCount') {
      parts.push([key, `(select count(*)::int from ${spec.from(target)} where ${spec.where(row, target)})`]);
    } else if (name === 'nodes') {
      const nodeType = objectTypeOf(type.getFields().nodes!);
      const item = nodeType && field.selectionSet && compileObject(nodeType, [field.selectionSet], target, compilation);
      if (!item) {
        return undefined;
      }
      parts.push([
        key,
        sqlJsonArray(
          item,
          `${target}.__n`,
          `from (select ${target}.*, row_number() over (order by ${spec.orderBy(target)}) as __n
                  from ${spec.from(target)} where ${spec.where(row, target)} order by __n limit ${first}) ${target}`,
        ),
      ]);
    } else {
      // edges and pageInfo carry cursors: the resolvers answer those.
      return undefined;
    }
  }
  return sqlJsonObject(parts);
}

function compileField(
  spec: FieldSql,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  row: string,
  compilation: Compilation,
): string | undefined {
  const args = getArgumentValues(field, node, compilation.operation.variableValues);
  if (spec.kind === 'value') {
    if (given(args)) {
      return undefined;
    }
    const sql = spec.sql(row, compilation.scope);
    return spec.column ? serialised(field, sql) : sql;
  }
  const type = objectTypeOf(field);
  if (!type || !node.selectionSet) {
    return undefined;
  }
  if (spec.kind === 'connection') {
    return compileConnection(spec, type, node, args, row, compilation);
  }
  if (given(args)) {
    return undefined;
  }
  if (spec.kind === 'embedded') {
    return compileObject(type, [node.selectionSet], row, compilation);
  }
  const target = compilation.scope.alias();
  const item = compileObject(type, [node.selectionSet], target, compilation);
  if (!item) {
    return undefined;
  }
  const rows = `from ${spec.from(target)} where ${spec.where(row, target)}`;
  return spec.kind === 'object' ? `(select ${item} ${rows})` : sqlJsonArray(item, spec.orderBy(target), rows);
}

/** The JSON-building SQL for the selection of `type` on `row`, or undefined when it cannot be compiled. */
export function compileObject(
  type: GraphQLObjectType,
  selectionSets: readonly SelectionSetNode[],
  row: string,
  compilation: Compilation,
): string | undefined {
  const shape = sqlShape(type.name);
  const fields = shape && collectFields(type, selectionSets, compilation.operation);
  if (!shape || !fields || [...fields.keys()].some((key) => key.length > MAX_KEY_LENGTH)) {
    return undefined;
  }
  const parts = marker(compilation);
  for (const [key, node] of fields) {
    const name = node.name.value;
    if (name === '__typename') {
      parts.push(...typename(type, key, compilation));
      continue;
    }
    const spec = shape.fields[name];
    const field = type.getFields()[name];
    const sql = spec && field && compileField(spec, field, node, row, compilation);
    if (!sql) {
      return undefined;
    }
    parts.push([key, sql]);
  }
  return sqlJsonObject(parts);
}

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
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { pageSize } from '../relay/connection.js';
import { sqlShape, type CompileScope, type FieldSql } from './sql-shape.js';

/**
 * Compiles the selection of an object type into one SQL expression that builds its answer as JSON
 * (`json_build_object`, nested sub-selects for relations), the way PostGraphile answers a whole page in
 * one statement. Every object it builds carries `PRECOMPILED` and is keyed by response key (aliases
 * included), so the schema's field resolvers hand its values out as they are (`serve-precompiled.ts`).
 *
 * Returns undefined when any selected field has no SQL shape, takes arguments the shape does not
 * handle, or sits behind a fragment on another type: the caller then answers through the resolvers.
 */
export const PRECOMPILED = '__c';

/** `json_build_object` takes at most 100 arguments: the marker and 49 fields. */
const MAX_FIELDS = 49;

interface Compilation {
  info: GraphQLResolveInfo;
  scope: CompileScope;
}

function skipped(node: FieldNode | { directives?: FieldNode['directives'] }, info: GraphQLResolveInfo): boolean {
  if (!node.directives?.length) {
    return false;
  }
  const skip = getDirectiveValues(GraphQLSkipDirective, node as FieldNode, info.variableValues);
  const include = getDirectiveValues(GraphQLIncludeDirective, node as FieldNode, info.variableValues);
  return skip?.if === true || include?.if === false;
}

/**
 * The fields selected on `type` by response key, fragments on the type itself inlined. Undefined when a
 * response key repeats (GraphQL would merge the two selections) or a fragment is on another type.
 */
export function collectFields(
  type: GraphQLObjectType,
  selectionSets: readonly SelectionSetNode[],
  info: GraphQLResolveInfo,
): Map<string, FieldNode> | undefined {
  const fields = new Map<string, FieldNode>();
  const visit = (selectionSet: SelectionSetNode): boolean => {
    for (const selection of selectionSet.selections) {
      if (skipped(selection, info)) {
        continue;
      }
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        if (fields.has(key)) {
          return false;
        }
        fields.set(key, selection);
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
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
  // The same bound and the same error as the resolvers' `connectionFromArray`.
  const first = pageSize(args.first as number | null | undefined);
  const fields = node.selectionSet && collectFields(type, [node.selectionSet], compilation.info);
  if (!fields) {
    return undefined;
  }
  const parts = [`'${PRECOMPILED}', 1`];
  for (const [key, field] of fields) {
    const name = field.name.value;
    if (name === '__typename') {
      continue;
    }
    const target = compilation.scope.alias();
    if (name === 'totalCount') {
      parts.push(`'${key}', (select count(*)::int from ${spec.from(target)} where ${spec.where(row, target)})`);
    } else if (name === 'nodes') {
      const nodeType = objectTypeOf(type.getFields().nodes!);
      const item = nodeType && field.selectionSet && compileObject(nodeType, [field.selectionSet], target, compilation);
      if (!item) {
        return undefined;
      }
      parts.push(
        `'${key}', (select coalesce(json_agg(${item} order by ${target}.__n), '[]'::json)
          from (select ${target}.*, row_number() over (order by ${spec.orderBy(target)}) as __n
                  from ${spec.from(target)} where ${spec.where(row, target)} order by __n limit ${first}) ${target})`,
      );
    } else {
      // edges and pageInfo carry cursors: the resolvers answer those.
      return undefined;
    }
  }
  return `json_build_object(${parts.join(', ')})`;
}

function compileField(
  spec: FieldSql,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  row: string,
  compilation: Compilation,
): string | undefined {
  const args = getArgumentValues(field, node, compilation.info.variableValues);
  if (spec.kind === 'value') {
    return given(args) ? undefined : spec.sql(row, compilation.scope);
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
  return spec.kind === 'object'
    ? `(select ${item} ${rows})`
    : `(select coalesce(json_agg(${item} order by ${spec.orderBy(target)}), '[]'::json) ${rows})`;
}

/** The JSON-building SQL for the selection of `type` on `row`, or undefined when it cannot be compiled. */
export function compileObject(
  type: GraphQLObjectType,
  selectionSets: readonly SelectionSetNode[],
  row: string,
  compilation: Compilation,
): string | undefined {
  const shape = sqlShape(type.name);
  const fields = shape && collectFields(type, selectionSets, compilation.info);
  if (!shape || !fields || fields.size > MAX_FIELDS) {
    return undefined;
  }
  const parts = [`'${PRECOMPILED}', 1`];
  for (const [key, node] of fields) {
    const name = node.name.value;
    if (name === '__typename') {
      continue; // graphql-js answers it from the type
    }
    const spec = shape.fields[name];
    const field = type.getFields()[name];
    const sql = spec && field && compileField(spec, field, node, row, compilation);
    if (!sql) {
      return undefined;
    }
    parts.push(`'${key}', ${sql}`);
  }
  return `json_build_object(${parts.join(', ')})`;
}

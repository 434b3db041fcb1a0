import { defaultFieldResolver, isObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { PRECOMPILED } from './compile.js';
import { sqlShapes } from './sql-shape.js';

/**
 * Lets every field resolver of the schema answer from a precompiled object (built in SQL by
 * `compile.ts`, keyed by response key) as it is, and run as before on anything else. One property test
 * per field; the resolvers themselves stay unaware of the look-ahead path.
 */
export function servePrecompiled(schema: GraphQLSchema): GraphQLSchema {
  assertShapesMatchResolvers();
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || roots.has(type) || type.name.startsWith('__')) {
      continue;
    }
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) =>
        source?.[PRECOMPILED] === 1 ? source[info.path.key] : resolve(source, args, context, info);
    }
  }
  return schema;
}

/**
 * What the compiler may not bypass, checked at start against type-graphql's metadata:
 * - a shape reads plain fields straight from their columns; a field with a resolver of its own (masking,
 *   a policy check, a computation) must be written out in the shape by hand, or left out;
 * - no field of a shape may carry `@Authorized` or a middleware: compiled answers never run them.
 * (The schema has no global middlewares; adding one means revisiting this.)
 */
function assertShapesMatchResolvers(): void {
  const storage = getMetadataStorage();
  const resolved = new Map<object, Set<string>>();
  const guarded = new Map<object, Set<string>>();
  const add = (map: Map<object, Set<string>>, owner: object, field: string) => map.set(owner, (map.get(owner) ?? new Set()).add(field));
  for (const resolver of storage.fieldResolvers) {
    const owner = resolver.getObjectType?.();
    if (owner) {
      add(resolved, owner, resolver.schemaName);
    }
  }
  for (const { target, fieldName } of [...storage.authorizedFields, ...storage.middlewares]) {
    // On an entity property, or on a field resolver method of a resolver class.
    add(guarded, target, fieldName);
    for (const resolver of storage.fieldResolvers) {
      const owner = resolver.getObjectType?.();
      if (owner && resolver.target === target && resolver.methodName === fieldName) {
        add(guarded, owner, resolver.schemaName);
      }
    }
  }
  for (const [typeName, shape] of sqlShapes()) {
    const entity = shape.entity;
    for (const [field, spec] of Object.entries(shape.fields)) {
      if (entity && spec.kind === 'value' && spec.column && resolved.get(entity)?.has(field)) {
        throw new Error(`SQL shape ${typeName}.${field} reads a plain column, but the field has a resolver of its own`);
      }
      if (entity && guarded.get(entity)?.has(field)) {
        throw new Error(`SQL shape ${typeName}.${field}: the field has @Authorized or a middleware, which compiled answers skip`);
      }
    }
  }
}

import { ReferenceKind, type EntityManager } from '@mikro-orm/postgresql';
import type { ClassType } from 'type-graphql';

/**
 * Read-only entity objects built straight from SQL rows, without MikroORM hydration: no identity map,
 * no change-set snapshot, no reference wrappers. On the nested list pages hydration was most of the
 * Node CPU per request. The objects are instances of the entity class (so the `id` getter and
 * `Node.resolveType` work) and their many-to-one relations are references holding only `uuid`, or a
 * full plain object when the query joined it in. They are unknown to the EntityManager: only read
 * paths (loaders feeding field resolvers and policy facts) may hand them out, never changes.
 *
 * `PLAIN` marks the objects built here, on their prototype (so it costs nothing per object).
 */
const PLAIN = Symbol('plain row');

/** Whether `value` is a plain object built here, and whether it holds all its columns or only its uuid. */
export function plainState(value: object): 'complete' | 'reference' | undefined {
  return (value as { [PLAIN]?: 'complete' | 'reference' })[PLAIN];
}

interface Column {
  name: string;
  field: string;
  /** The referenced entity, for many-to-one columns. */
  target?: ClassType;
  convert?: (value: unknown) => unknown;
}

interface Shape {
  columns: Column[];
  /**
   * Sits between the instances and the entity's prototype: MikroORM puts setters for every property
   * on entity prototypes that attach its per-entity bookkeeping on first assignment (the cost we
   * avoid); plain writable slots here shadow them, so assigning makes ordinary own properties.
   */
  prototype: object;
  /** The same, for references that hold only `uuid`. */
  referencePrototype: object;
}

const shapes = new WeakMap<ClassType, Shape>();

function shapeOf(em: EntityManager, entity: ClassType): Shape {
  let shape = shapes.get(entity);
  if (!shape) {
    const platform = em.getPlatform();
    const props = em.getMetadata().get(entity).props;
    const columns: Column[] = props
      .filter((prop) => (prop.kind === ReferenceKind.SCALAR || prop.kind === ReferenceKind.MANY_TO_ONE) && prop.persist !== false)
      .map((prop) => {
        const customType = prop.customType;
        return {
          name: prop.name,
          field: prop.fieldNames[0]!,
          ...(prop.kind === ReferenceKind.MANY_TO_ONE ? { target: prop.targetMeta!.class as ClassType } : {}),
          // The same conversion the hydrator applies (dates as 'YYYY-MM-DD', decimals as strings, arrays).
          ...(customType && prop.kind === ReferenceKind.SCALAR
            ? { convert: (value: unknown) => customType.convertToJSValue(value, platform, { mode: 'serialization' }) as unknown }
            : {}),
        };
      });
    const slots: PropertyDescriptorMap = {};
    for (const column of columns) {
      slots[column.name] = { value: undefined, writable: true, enumerable: false, configurable: true };
    }
    const prototype = Object.create(entity.prototype as object, { ...slots, [PLAIN]: { value: 'complete' } }) as object;
    shape = { columns, prototype, referencePrototype: Object.create(prototype, { [PLAIN]: { value: 'reference' } }) as object };
    shapes.set(entity, shape);
  }
  return shape;
}

/** `alias."column" as "prefix column"` for every column of the entity, for a select list. */
export function selectColumns(em: EntityManager, entity: ClassType, alias: string, prefix = ''): string {
  return shapeOf(em, entity)
    .columns.map((column) => `${alias}."${column.field}" as "${prefix}${column.field}"`)
    .join(', ');
}

/**
 * An instance of `entity` from the columns of `row` named `prefix` + column name (see `selectColumns`);
 * `joined` gives complete objects for relations the query joined in (else they are uuid references).
 */
export function plainEntity<T extends object>(
  em: EntityManager,
  entity: ClassType<T>,
  row: Record<string, unknown>,
  prefix = '',
  joined?: Record<string, object>,
): T {
  const shape = shapeOf(em, entity);
  const target = Object.create(shape.prototype) as Record<string, unknown>;
  for (const column of shape.columns) {
    const value = row[prefix + column.field];
    if (joined && column.name in joined) {
      target[column.name] = joined[column.name];
    } else if (value === null || value === undefined) {
      target[column.name] = null;
    } else if (column.target) {
      const ref = Object.create(shapeOf(em, column.target).referencePrototype) as Record<string, unknown>;
      ref.uuid = value;
      target[column.name] = ref;
    } else {
      target[column.name] = column.convert ? column.convert(value) : value;
    }
  }
  return target as T;
}

import type { ClassType } from 'type-graphql';

/**
 * How a GraphQL object type is read straight from SQL by the look-ahead compiler (see `compile.ts`):
 * per field, the SQL that produces its value from a row of the type's table. A type declares only the
 * fields whose value is exactly what its resolver would answer, for every caller; a query selecting
 * any other field on the compiled sub-tree is answered by the resolvers as before.
 */

/** What a field's SQL may use besides its row. */
export interface CompileScope {
  /** A table alias unique within the statement. */
  alias(): string;
  /** SQL for today's date in Asia/Shanghai (a bound parameter), for fields that depend on the day. */
  readonly today: string;
}

/** Rows of a related table: `from` (aliasing the target table as `target`) and the join to the parent row. */
export interface RelatedRows {
  from: (target: string) => string;
  where: (parent: string, target: string) => string;
}

export type FieldSql =
  /**
   * A leaf value, as JSON in the scalar's own serialised form (decimals and days as text, DateTime as
   * `toISOString()` writes it). `column` marks a plain column, which the compiler serialises by the
   * field's GraphQL type and which only a field without a resolver of its own may be.
   */
  | { kind: 'value'; sql: (row: string, scope: CompileScope) => string; column?: true }
  /** One related object, or null. */
  | ({ kind: 'object'; type: string } & RelatedRows)
  /** A list of related objects, in `orderBy` order. */
  | ({ kind: 'list'; type: string; orderBy: (target: string) => string } & RelatedRows)
  /** A connection (`nodes`, `totalCount`) of related objects; `first` as the resolvers page it. */
  | ({ kind: 'connection'; type: string; orderBy: (target: string) => string } & RelatedRows)
  /** An object computed from the same row (e.g. a project's progress), a type with no table of its own. */
  | { kind: 'embedded'; type: string };

export interface SqlShape {
  /** The entity class behind the type: its plain columns are checked against its field resolvers. */
  entity?: ClassType;
  fields: Record<string, FieldSql>;
}

const shapes = new Map<string, SqlShape>();

export function defineSqlShape(typeName: string, shape: SqlShape): void {
  shapes.set(typeName, shape);
}

export function sqlShape(typeName: string): SqlShape | undefined {
  return shapes.get(typeName);
}

export function sqlShapes(): ReadonlyMap<string, SqlShape> {
  return shapes;
}

/** A column of the row, serialised by the field's GraphQL type (see `compile.ts`). */
export const column = (name: string): FieldSql => ({ kind: 'value', column: true, sql: (row) => `${row}.${name}` });

/** The opaque global id, base64url('Type:uuid') as `toGlobalId` writes it (no padding, no line breaks). */
export const globalId = (typeName: string): FieldSql => ({
  kind: 'value',
  sql: (row) => `translate(encode(convert_to('${typeName}:' || ${row}.id::text, 'UTF8'), 'base64'), E'+/=\\n', '-_')`,
});

/** The to-one relation through `foreignKey` of the row. */
export const reference = (type: string, table: string, foreignKey: string): FieldSql => ({
  kind: 'object',
  type,
  from: (target) => `${table} ${target}`,
  where: (parent, target) => `${target}.id = ${parent}.${foreignKey}`,
});

/** The fields every entity type shares (see `BaseEntity`). */
export const baseFields = (typeName: string): Record<string, FieldSql> => ({
  id: globalId(typeName),
  createdAt: column('created_at'),
});

import type { EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';

export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Information to fetch the next page of a connection' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Indicates whether more items follow' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Indicates whether items precede this page' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the page; pass it as `after`' })
  endCursor!: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Number of items to return, at most ${MAX_PAGE_SIZE}` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor after which to start' })
  after?: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds the `XxxConnection` and `XxxEdge` types for a node type. */
export function Connection<T extends object>(NodeClass: ClassType<T>, name: string): ClassType<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`, { description: `An edge to a ${name}` })
  class Edge {
    @Field(() => String, { description: 'Cursor of this edge' })
    cursor!: string;

    @Field(() => NodeClass, { description: `The ${name} at the end of the edge` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items` })
  class ConnectionType {
    @Field(() => [Edge], { description: 'Edges of the page' })
    edges!: Edge[];

    @Field(() => [NodeClass], { description: 'Items of the page' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Information to fetch the next page' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items in the whole list' })
    totalCount!: number;
  }
  return ConnectionType;
}

export function pageSize(first: number | null | undefined, fallback = 20): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw new GraphQLError(`first must be between 0 and ${MAX_PAGE_SIZE}`, {
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
  }
  return size;
}

/**
 * One page of `entity` by keyset (MikroORM cursors): stable under concurrent inserts, unlike offsets.
 * The order must end in a unique column so the keyset is total.
 */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: ClassType<T>,
  where: FilterQuery<T>,
  orderBy: QueryOrderMap<T>,
  args: ConnectionArgs,
): Promise<ConnectionShape<T>> {
  const first = pageSize(args.first);
  let cursor;
  try {
    cursor = await em.findByCursor(entity, { where, orderBy, first, after: args.after ?? undefined, includeCount: true } as never);
  } catch (error) {
    if (args.after && error instanceof Error && /cursor/i.test(error.message)) {
      throw new GraphQLError('after is not a valid cursor of this list', { extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
    }
    throw error;
  }
  const items = [...cursor.items] as T[];
  return {
    edges: items.map((node) => ({ cursor: cursor.from(node as never), node })),
    nodes: items,
    pageInfo: Object.assign(new PageInfo(), {
      hasNextPage: cursor.hasNextPage,
      hasPreviousPage: cursor.hasPrevPage,
      startCursor: cursor.startCursor,
      endCursor: cursor.endCursor,
    }),
    totalCount: cursor.totalCount as number,
  };
}

/** A connection over an already-loaded, bounded array (children fetched by a DataLoader). */
export function connectionFromArray<T>(items: T[], args: ConnectionArgs, cursorOf: (item: T) => string): ConnectionShape<T> {
  const first = pageSize(args.first);
  const start = args.after ? items.findIndex((item) => cursorOf(item) === args.after) + 1 : 0;
  const page = items.slice(start, start + first);
  return {
    edges: page.map((node) => ({ cursor: cursorOf(node), node })),
    nodes: page,
    pageInfo: Object.assign(new PageInfo(), {
      hasNextPage: start + first < items.length,
      hasPreviousPage: start > 0,
      startCursor: page.length ? cursorOf(page[0]!) : null,
      endCursor: page.length ? cursorOf(page.at(-1)!) : null,
    }),
    totalCount: items.length,
  };
}

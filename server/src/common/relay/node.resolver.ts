import { GraphQLError } from 'graphql';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { fromGlobalId } from './global-id.js';
import { Node } from './node.js';
import { nodeType } from './node-registry.js';

const MAX_NODES = 100;

async function fetchNode(ctx: Context, id: string): Promise<Node | null> {
  const decoded = fromGlobalId(id);
  const type = decoded && nodeType(decoded.type);
  if (!decoded || !type) {
    return null;
  }
  const node = await type.load(ctx, decoded.uuid);
  return node && (await type.canRead(ctx, node)) ? (node as Node) : null;
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'Fetches any object by its global id; null when it does not exist or is not visible to you',
  })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Node | null> {
    return fetchNode(ctx, id);
  }

  @Query(() => [Node], { nullable: 'items', description: `Fetches up to ${MAX_NODES} objects by global id, in order` })
  nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context): Promise<(Node | null)[]> {
    if (ids.length > MAX_NODES) {
      throw new GraphQLError(`ids may hold at most ${MAX_NODES} ids`, { extensions: { code: 'BAD_USER_INPUT', field: 'ids' } });
    }
    return Promise.all(ids.map((id) => fetchNode(ctx, id)));
  }
}

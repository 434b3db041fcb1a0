import { Cursor } from '@mikro-orm/core';
import type { Context } from '../app/context.js';
import { PageInfo, pageSize, paginate, type ConnectionArgs, type ConnectionShape } from '../common/relay/connection.js';
import { ActivityEntry } from './activity-entry.entity.js';

const NEWEST_FIRST = { createdAt: 'desc', uuid: 'desc' } as const;

/**
 * A project's timeline, newest first. The first page comes from a loader that serves every project of
 * the request in one statement; later pages page by keyset. Both write the same cursors (MikroORM's),
 * so `endCursor` of the first page continues with `after`.
 */
export async function projectTimeline(ctx: Context, projectUuid: string, page: ConnectionArgs): Promise<ConnectionShape<ActivityEntry>> {
  if (page.after) {
    return paginate(ctx.em, ActivityEntry, { projectUuid }, NEWEST_FIRST, page);
  }
  const first = pageSize(page.first);
  const { entries, total } = await ctx.loaders.activity.timelineHead.load(`${projectUuid}|${first}`);
  const nodes = entries.slice(0, first);
  const meta = ctx.em.getMetadata().get(ActivityEntry);
  const edges = nodes.map((node) => ({ cursor: Cursor.for(meta, node, NEWEST_FIRST), node }));
  return {
    edges,
    nodes,
    pageInfo: Object.assign(new PageInfo(), {
      hasNextPage: entries.length > first,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    }),
    totalCount: total,
  };
}

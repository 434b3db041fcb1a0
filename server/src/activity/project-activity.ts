import { filter, map, pipe } from '@graphql-yoga/subscription';
import { GraphQLError } from 'graphql';
import type { Context } from '../app/context.js';
import { uuidOf } from '../common/relay/global-id.js';
import { canRead, readableProject } from '../projects/project-access.js';
import { ActivityEntry } from './activity-entry.entity.js';
import { renewForEvent } from './event-context.js';
import { projectActivityTopic } from './project-change.js';

/**
 * The live timeline of one project. Events arrive through LISTEN/NOTIFY as `{ id }` on the project's
 * own channel (from whichever server process made the change); each is reloaded in a fresh context
 * and delivered only if the subscriber may still read the project.
 */
export async function projectActivityStream(ctx: Context, projectId: string): Promise<AsyncIterable<ActivityEntry>> {
  const project = await readableProject(ctx, uuidOf(projectId, 'Project'));
  if (!project) {
    throw new GraphQLError('projectId names no project you can see', { extensions: { code: 'BAD_USER_INPUT', field: 'projectId' } });
  }
  const events = ctx.pubSub.subscribe(projectActivityTopic(project.uuid)) as AsyncIterable<{ id?: unknown }>;
  return pipe(
    events,
    map(async (event): Promise<ActivityEntry | undefined> => {
      if (typeof event.id !== 'string') {
        return undefined;
      }
      renewForEvent(ctx);
      const entry = await ctx.em.findOne(ActivityEntry, { uuid: event.id, projectUuid: project.uuid });
      const current = await ctx.loaders.projects.byUuid.load(project.uuid);
      return entry && current && (await canRead(ctx, current)) ? entry : undefined;
    }),
    filter((entry): entry is ActivityEntry => entry !== undefined),
  );
}

import { filter, map, pipe } from '@graphql-yoga/subscription';
import { GraphQLError } from 'graphql';
import type { Context } from '../app/context.js';
import { uuidOf } from '../common/relay/global-id.js';
import { canRead, readableProject } from '../projects/project-access.js';
import type { ActivityEntry } from './activity-entry.entity.js';
import { joinEvent } from './event-context.js';
import { projectActivityTopic } from './project-activity-topic.js';

/**
 * The live timeline of one project. Events arrive through LISTEN/NOTIFY as `{ id }` on the project's
 * own channel (from whichever server process made the change). Every subscriber of this process
 * joins the event's shared scope (`joinEvent`): the entry, the project and its partners, the people
 * and organisations the entry names are loaded once for all of them, and the subscribers' actors in
 * one batch; each subscriber then gets the entry only if the policy lets them read the project.
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
      await joinEvent(ctx, event);
      const [entry, current] = await Promise.all([
        ctx.loaders.activity.byUuid.load(event.id),
        ctx.loaders.projects.byUuid.load(project.uuid),
      ]);
      return entry?.projectUuid === project.uuid && current && (await canRead(ctx, current)) ? entry : undefined;
    }),
    filter((entry): entry is ActivityEntry => entry !== undefined),
  );
}

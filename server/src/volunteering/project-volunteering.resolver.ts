import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { connectionFromArray, ConnectionArgs } from '../common/relay/connection.js';
import { Project } from '../projects/project.entity.js';
import { VolunteerActivityConnection } from './volunteering.connections.js';

@Resolver(() => Project)
export class ProjectVolunteeringResolver {
  @FieldResolver(() => VolunteerActivityConnection, { description: 'Volunteer activities organised for the project, newest first' })
  async volunteerActivities(@Root() project: Project, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() ctx: Context) {
    return connectionFromArray(await ctx.loaders.volunteering.activitiesByProject.load(project.uuid), page, (activity) => activity.id);
  }
}

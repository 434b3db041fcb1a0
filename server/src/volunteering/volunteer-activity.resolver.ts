import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { toPayload } from '../common/errors/result.js';
import { connectionFromArray, ConnectionArgs } from '../common/relay/connection.js';
import { uuidOf } from '../common/relay/global-id.js';
import { registerNodeType } from '../common/relay/node-registry.js';
import { Need } from '../needs/need.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Project } from '../projects/project.entity.js';
import { isOpen } from '../projects/project-status.js';
import { Region } from '../regions/region.entity.js';
import { listVolunteerActivities } from './volunteer-activity-list.js';
import { VolunteerActivity } from './volunteer-activity.entity.js';
import { volunteerActivityCreate, volunteerActivityUpdate } from './volunteer-activity.service.js';
import { canReadActivity, readableActivity, viewerCoordinates } from './volunteering-access.js';
import { ShiftConnection, VolunteerActivityConnection } from './volunteering.connections.js';
import { VolunteerActivityCreateInput, VolunteerActivityFilter, VolunteerActivityUpdateInput } from './volunteering.inputs.js';
import { VolunteerActivityCreatePayload, VolunteerActivityUpdatePayload } from './volunteering.payloads.js';

registerNodeType('VolunteerActivity', {
  load: (ctx, uuid) => ctx.loaders.volunteering.activityByUuid.load(uuid),
  canRead: (ctx, activity) => canReadActivity(ctx, activity as VolunteerActivity),
});

@Resolver(() => VolunteerActivity)
export class VolunteerActivityResolver {
  @Query(() => VolunteerActivity, { nullable: true, description: 'A volunteer activity by id; null when there is none you may see' })
  async volunteerActivity(@Arg('id', () => ID, { description: 'Global id of the activity' }) id: string, @Ctx() ctx: Context) {
    return (await readableActivity(ctx, uuidOf(id, 'VolunteerActivity'))) ?? null;
  }

  @Query(() => VolunteerActivityConnection, { description: 'Volunteer activities of the projects you may see, newest first' })
  volunteerActivities(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => VolunteerActivityFilter, { nullable: true, description: 'Conditions the activities must meet' })
    filter: VolunteerActivityFilter | null,
    @Ctx() ctx: Context,
  ) {
    return listVolunteerActivities(ctx, filter, page);
  }

  @Authorized()
  @Mutation(() => VolunteerActivityCreatePayload, {
    description: "Creates a volunteer activity for a project (ADMINs and COORDINATORs of the project's lead or of an accepted partner)",
  })
  async volunteerActivityCreate(
    @Arg('input', () => VolunteerActivityCreateInput, { description: 'The activity' }) input: VolunteerActivityCreateInput,
    @Ctx() ctx: Context,
  ): Promise<VolunteerActivityCreatePayload> {
    return toPayload(VolunteerActivityCreatePayload, await volunteerActivityCreate(ctx, input), 'volunteerActivity');
  }

  @Authorized()
  @Mutation(() => VolunteerActivityUpdatePayload, { description: "Edits a volunteer activity (the organiser's ADMINs and COORDINATORs)" })
  async volunteerActivityUpdate(
    @Arg('id', () => ID, { description: 'The activity' }) id: string,
    @Arg('input', () => VolunteerActivityUpdateInput, { description: 'The fields to change' }) input: VolunteerActivityUpdateInput,
    @Ctx() ctx: Context,
  ): Promise<VolunteerActivityUpdatePayload> {
    return toPayload(VolunteerActivityUpdatePayload, await volunteerActivityUpdate(ctx, id, input), 'volunteerActivity');
  }

  @FieldResolver(() => Project, { description: 'The project the activity serves' })
  async project(@Root() activity: VolunteerActivity, @Ctx() ctx: Context): Promise<Project> {
    return (await ctx.loaders.projects.byUuid.load(activity.project.uuid))!;
  }

  @FieldResolver(() => Organisation, { description: 'The organising organisation' })
  async organisation(@Root() activity: VolunteerActivity, @Ctx() ctx: Context): Promise<Organisation> {
    return (await ctx.loaders.organisations.byUuid.load(activity.organisation.uuid))!;
  }

  @FieldResolver(() => Need, {
    nullable: true,
    description: "The project's VOLUNTEER_HOURS need the activity's hours are delivered against",
  })
  async need(@Root() activity: VolunteerActivity, @Ctx() ctx: Context): Promise<Need | null> {
    return activity.need ? ((await ctx.loaders.needs.byUuid.load(activity.need.uuid)) ?? null) : null;
  }

  @FieldResolver(() => Region, { description: 'The region the activity takes place in' })
  async region(@Root() activity: VolunteerActivity, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.regions.byUuid.load(activity.region.uuid))!;
  }

  @FieldResolver(() => ShiftConnection, { description: 'Shifts of the activity, earliest first' })
  async shifts(@Root() activity: VolunteerActivity, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() ctx: Context) {
    const shifts = await ctx.loaders.volunteering.shiftsByActivity.load(activity.uuid);
    // Sign-ups of these shifts look their shift up by id: it is already here.
    for (const shift of shifts) {
      ctx.loaders.volunteering.shiftByUuid.prime(shift.uuid, shift);
    }
    return connectionFromArray(shifts, page, (shift) => shift.id);
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether the viewer runs the activity: edits it, adds shifts, keeps the roster' })
  viewerCanCoordinate(@Root() activity: VolunteerActivity, @Ctx() ctx: Context): Promise<boolean> {
    return viewerCoordinates(ctx, activity);
  }

  @FieldResolver(() => Boolean, {
    description: 'Indicates whether the viewer may edit the activity and add shifts now (its project still runs)',
  })
  async viewerCanUpdate(@Root() activity: VolunteerActivity, @Ctx() ctx: Context): Promise<boolean> {
    const project = await ctx.loaders.projects.byUuid.load(activity.project.uuid);
    return !!project && isOpen(project.status) && (await viewerCoordinates(ctx, activity));
  }
}

import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { toPayload } from '../common/errors/result.js';
import { connectionFromArray, ConnectionArgs, type ConnectionShape } from '../common/relay/connection.js';
import { uuidOf } from '../common/relay/global-id.js';
import { registerNodeType } from '../common/relay/node-registry.js';
import { DecimalScalar } from '../common/scalars/index.js';
import { PersonTag } from '../people/person.enums.js';
import { acceptsPledges } from '../projects/project-status.js';
import { formatCentiHours, shiftLengthCenti } from './hours.js';
import { ShiftSignUp } from './shift-sign-up.entity.js';
import { Shift } from './shift.entity.js';
import { shiftCreate, shiftUpdate } from './shift.service.js';
import { activityOf, canReadActivity, readableShift, viewerCoordinates } from './volunteering-access.js';
import { ShiftSignUpConnection } from './volunteering.connections.js';
import { ShiftSignUpStatus } from './volunteering.enums.js';
import { ShiftCreateInput, ShiftUpdateInput } from './volunteering.inputs.js';
import { ShiftCreatePayload, ShiftUpdatePayload } from './volunteering.payloads.js';
import { VolunteerActivity } from './volunteer-activity.entity.js';

registerNodeType('Shift', {
  load: (ctx, uuid) => ctx.loaders.volunteering.shiftByUuid.load(uuid),
  canRead: async (ctx, shift) => canReadActivity(ctx, await activityOf(ctx, shift as Shift)),
});

@Resolver(() => Shift)
export class ShiftResolver {
  @Query(() => Shift, { nullable: true, description: 'A shift by id; null when there is none you may see' })
  async shift(@Arg('id', () => ID, { description: 'Global id of the shift' }) id: string, @Ctx() ctx: Context): Promise<Shift | null> {
    return (await readableShift(ctx, uuidOf(id, 'Shift'))) ?? null;
  }

  @Authorized()
  @Mutation(() => ShiftCreatePayload, { description: "Adds a shift to a volunteer activity (the organiser's ADMINs and COORDINATORs)" })
  async shiftCreate(@Arg('input', () => ShiftCreateInput, { description: 'The shift' }) input: ShiftCreateInput, @Ctx() ctx: Context) {
    return toPayload(ShiftCreatePayload, await shiftCreate(ctx, input), 'shift');
  }

  @Authorized()
  @Mutation(() => ShiftUpdatePayload, {
    description: "Changes a shift's times, capacity, skills or check-in code (the organiser's ADMINs and COORDINATORs)",
  })
  async shiftUpdate(
    @Arg('id', () => ID, { description: 'The shift' }) id: string,
    @Arg('input', () => ShiftUpdateInput, { description: 'The fields to change' }) input: ShiftUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return toPayload(ShiftUpdatePayload, await shiftUpdate(ctx, id, input), 'shift');
  }

  @FieldResolver(() => VolunteerActivity, { description: 'The activity the shift belongs to' })
  activity(@Root() shift: Shift, @Ctx() ctx: Context): Promise<VolunteerActivity> {
    return activityOf(ctx, shift);
  }

  @FieldResolver(() => DecimalScalar, { description: 'Length of the shift in hours, e.g. "2.50": the hours credited by default' })
  lengthHours(@Root() shift: Shift): string {
    return formatCentiHours(shiftLengthCenti(shift.startsAt, shift.endsAt));
  }

  @FieldResolver(() => Int, { description: 'Places taken (confirmed, checked in, completed or no-show)' })
  async placesTaken(@Root() shift: Shift, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.volunteering.shiftCounts.load(shift.uuid)).placesTaken;
  }

  @FieldResolver(() => Int, { description: 'Places still free' })
  async remainingPlaces(@Root() shift: Shift, @Ctx() ctx: Context): Promise<number> {
    return Math.max(0, shift.capacity - (await ctx.loaders.volunteering.shiftCounts.load(shift.uuid)).placesTaken);
  }

  @FieldResolver(() => Int, { description: 'People waiting for a place' })
  async waitlistCount(@Root() shift: Shift, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.volunteering.shiftCounts.load(shift.uuid)).waitlisted;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The code volunteers enter to check in; only the organiser's coordinators see it",
  })
  async checkInCode(@Root() shift: Shift, @Ctx() ctx: Context): Promise<string | null> {
    return (await viewerCoordinates(ctx, await activityOf(ctx, shift))) ? shift.checkInCode : null;
  }

  @FieldResolver(() => ShiftSignUpConnection, {
    nullable: true,
    description: 'The roster in sign-up order; null unless you are an ADMIN or COORDINATOR of the organiser',
  })
  async signUps(
    @Root() shift: Shift,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('statuses', () => [ShiftSignUpStatus], { nullable: true, description: 'Only sign-ups in one of these statuses' })
    statuses: ShiftSignUpStatus[] | null,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<ShiftSignUp> | null> {
    if (!(await viewerCoordinates(ctx, await activityOf(ctx, shift)))) {
      return null;
    }
    const roster = await ctx.loaders.volunteering.signUpsByShift.load(shift.uuid);
    return connectionFromArray(
      roster.filter((signUp) => !statuses?.length || statuses.includes(signUp.status)),
      page,
      (signUp) => signUp.id,
    );
  }

  @FieldResolver(() => ShiftSignUp, { nullable: true, description: 'Your live (not cancelled) sign-up for the shift, if any' })
  async viewerSignUp(@Root() shift: Shift, @Ctx() ctx: Context): Promise<ShiftSignUp | null> {
    return ctx.auth ? ((await ctx.loaders.volunteering.liveSignUp.load(`${shift.uuid}:${ctx.auth.personUuid}`)) ?? null) : null;
  }

  @FieldResolver(() => Boolean, {
    description:
      'Indicates whether you could sign up now: a volunteer, not signed up yet, before the start, the project recruiting or active',
  })
  async viewerCanSignUp(@Root() shift: Shift, @Ctx() ctx: Context): Promise<boolean> {
    if (!ctx.auth || shift.startsAt <= ctx.clock.now()) {
      return false;
    }
    const [person, project, live] = await Promise.all([
      ctx.loaders.people.byUuid.load(ctx.auth.personUuid),
      activityOf(ctx, shift).then((activity) => ctx.loaders.projects.byUuid.load(activity.project.uuid)),
      ctx.loaders.volunteering.liveSignUp.load(`${shift.uuid}:${ctx.auth.personUuid}`),
    ]);
    return !!person?.tags.includes(PersonTag.VOLUNTEER) && !!project && acceptsPledges(project.status) && !live;
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether you run the shift: roster, check-in, attendance and hours' })
  async viewerCanCoordinate(@Root() shift: Shift, @Ctx() ctx: Context): Promise<boolean> {
    return viewerCoordinates(ctx, await activityOf(ctx, shift));
  }
}

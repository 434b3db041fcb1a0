import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { toPayload } from '../common/errors/result.js';
import { registerNodeType } from '../common/relay/node-registry.js';
import { DecimalScalar } from '../common/scalars/index.js';
import { Person } from '../people/person.entity.js';
import { can } from '../policy/policy.js';
import { visiblePerson } from '../projects/visible-person.js';
import { ServiceHoursEntry } from './service-hours-entry.entity.js';
import { shiftAttendanceRecord, shiftCheckIn } from './shift-attendance.service.js';
import { ShiftSignUp } from './shift-sign-up.entity.js';
import { shiftCancel, shiftSignUp } from './shift-sign-up.service.js';
import { Shift } from './shift.entity.js';
import { activityOfSignUp, canReadSignUp, signUpFacts } from './volunteering-access.js';
import { ShiftSignUpStatus } from './volunteering.enums.js';
import { ShiftAttendanceRecordInput, ShiftCancelInput, ShiftCheckInInput, ShiftSignUpInput } from './volunteering.inputs.js';
import { ShiftAttendanceRecordPayload, ShiftCancelPayload, ShiftCheckInPayload, ShiftSignUpPayload } from './volunteering.payloads.js';

registerNodeType('ShiftSignUp', {
  load: (ctx, uuid) => ctx.loaders.volunteering.signUpByUuid.load(uuid),
  canRead: (ctx, signUp) => canReadSignUp(ctx, signUp as ShiftSignUp),
});

@Resolver(() => ShiftSignUp)
export class ShiftSignUpResolver {
  @Authorized()
  @Mutation(() => ShiftSignUpPayload, {
    description: 'Signs you up for a shift: a place when one is free, the waitlist otherwise (volunteers only)',
  })
  async shiftSignUp(@Arg('input', () => ShiftSignUpInput, { description: 'The shift' }) input: ShiftSignUpInput, @Ctx() ctx: Context) {
    return toPayload(ShiftSignUpPayload, await shiftSignUp(ctx, input), 'signUp');
  }

  @Authorized()
  @Mutation(() => ShiftCancelPayload, {
    description: 'Cancels a sign-up before the shift starts; a freed place goes to the first person waiting',
  })
  async shiftCancel(@Arg('input', () => ShiftCancelInput, { description: 'Which sign-up' }) input: ShiftCancelInput, @Ctx() ctx: Context) {
    return toPayload(ShiftCancelPayload, await shiftCancel(ctx, input), 'signUp');
  }

  @Authorized()
  @Mutation(() => ShiftCheckInPayload, {
    description: 'Checks a volunteer in: coordinators anyone, volunteers themselves with the check-in code',
  })
  async shiftCheckIn(@Arg('input', () => ShiftCheckInInput, { description: 'Who and how' }) input: ShiftCheckInInput, @Ctx() ctx: Context) {
    return toPayload(ShiftCheckInPayload, await shiftCheckIn(ctx, input), 'signUp');
  }

  @Authorized()
  @Mutation(() => ShiftAttendanceRecordPayload, {
    description: "Records a no-show, or confirms the hours served into the volunteer's ledger (the organiser's ADMINs and COORDINATORs)",
  })
  async shiftAttendanceRecord(
    @Arg('input', () => ShiftAttendanceRecordInput, { description: 'The attendance' }) input: ShiftAttendanceRecordInput,
    @Ctx() ctx: Context,
  ) {
    return toPayload(ShiftAttendanceRecordPayload, await shiftAttendanceRecord(ctx, input), 'signUp');
  }

  @FieldResolver(() => Shift, { description: 'The shift' })
  async shift(@Root() signUp: ShiftSignUp, @Ctx() ctx: Context): Promise<Shift> {
    return (await ctx.loaders.volunteering.shiftByUuid.load(signUp.shift.uuid))!;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The volunteer; null when signed out' })
  person(@Root() signUp: ShiftSignUp, @Ctx() ctx: Context): Promise<Person | null> {
    return visiblePerson(ctx, signUp.person);
  }

  @FieldResolver(() => Date, { description: 'When the volunteer signed up' })
  signedUpAt(@Root() signUp: ShiftSignUp): Date {
    return signUp.createdAt;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Place in the waitlist (1 = next to be promoted); null unless WAITLISTED' })
  waitlistPosition(@Root() signUp: ShiftSignUp, @Ctx() ctx: Context): Promise<number | null> | null {
    return signUp.status === ShiftSignUpStatus.WAITLISTED ? ctx.loaders.volunteering.waitlistPosition.load(signUp.uuid) : null;
  }

  @FieldResolver(() => DecimalScalar, { description: 'Hours confirmed for this shift: its ledger entries summed, corrections included' })
  hoursConfirmed(@Root() signUp: ShiftSignUp, @Ctx() ctx: Context): Promise<string> {
    return ctx.loaders.volunteering.hoursBySignUp.load(signUp.uuid);
  }

  @FieldResolver(() => [ServiceHoursEntry], { description: 'Ledger entries of this sign-up: the credit and any corrections, oldest first' })
  serviceHoursEntries(@Root() signUp: ShiftSignUp, @Ctx() ctx: Context): Promise<ServiceHoursEntry[]> {
    return ctx.loaders.volunteering.entriesBySignUp.load(signUp.uuid);
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether you may cancel this sign-up now' })
  async viewerCanCancel(@Root() signUp: ShiftSignUp, @Ctx() ctx: Context): Promise<boolean> {
    const shift = (await ctx.loaders.volunteering.shiftByUuid.load(signUp.shift.uuid))!;
    const live = signUp.status === ShiftSignUpStatus.CONFIRMED || signUp.status === ShiftSignUpStatus.WAITLISTED;
    return (
      live &&
      shift.startsAt > ctx.clock.now() &&
      can(await ctx.actor(), 'shiftSignUp.cancel', signUpFacts(signUp, await activityOfSignUp(ctx, signUp)))
    );
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether you may record attendance and confirm hours for this sign-up now' })
  async viewerCanRecordAttendance(@Root() signUp: ShiftSignUp, @Ctx() ctx: Context): Promise<boolean> {
    const shift = (await ctx.loaders.volunteering.shiftByUuid.load(signUp.shift.uuid))!;
    const recordable = [ShiftSignUpStatus.CONFIRMED, ShiftSignUpStatus.CHECKED_IN, ShiftSignUpStatus.NO_SHOW].includes(signUp.status);
    const activity = await activityOfSignUp(ctx, signUp);
    return (
      recordable &&
      shift.startsAt <= ctx.clock.now() &&
      can(await ctx.actor(), 'volunteering.coordinate', { organisationUuid: activity.organisation.uuid })
    );
  }
}

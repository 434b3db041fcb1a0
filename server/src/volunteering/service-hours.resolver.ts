import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { toPayload } from '../common/errors/result.js';
import { registerNodeType } from '../common/relay/node-registry.js';
import { DecimalScalar } from '../common/scalars/index.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { visiblePerson } from '../projects/visible-person.js';
import { ServiceHoursEntry } from './service-hours-entry.entity.js';
import { serviceHoursCorrect, volunteerPointsRuleSet } from './service-hours.service.js';
import { Shift } from './shift.entity.js';
import { activityOf, canReadEntry } from './volunteering-access.js';
import { ServiceHoursCorrectInput, VolunteerPointsRuleSetInput } from './volunteering.inputs.js';
import { ServiceHoursCorrectPayload, VolunteerPointsRuleSetPayload } from './volunteering.payloads.js';
import { VolunteerActivity } from './volunteer-activity.entity.js';
import { VolunteerPointsRule } from './volunteer-points-rule.entity.js';

registerNodeType('ServiceHoursEntry', {
  load: (ctx, uuid) => ctx.loaders.volunteering.entryByUuid.load(uuid),
  canRead: (ctx, entry) => canReadEntry(ctx, entry as ServiceHoursEntry),
});

@Resolver(() => ServiceHoursEntry)
export class ServiceHoursEntryResolver {
  @Authorized()
  @Mutation(() => ServiceHoursCorrectPayload, {
    description: 'Corrects credited hours with a new ledger entry and a reason (ADMINs and COORDINATORs of the confirming organisation)',
  })
  async serviceHoursCorrect(
    @Arg('input', () => ServiceHoursCorrectInput, { description: 'The correction' }) input: ServiceHoursCorrectInput,
    @Ctx() ctx: Context,
  ): Promise<ServiceHoursCorrectPayload> {
    return toPayload(ServiceHoursCorrectPayload, await serviceHoursCorrect(ctx, input), 'serviceHoursEntry');
  }

  @Authorized()
  @Mutation(() => VolunteerPointsRuleSetPayload, {
    description:
      "Sets the points an hour of service earns from now on: an organisation's rate (its ADMINs) or the platform-wide one (platform admin)",
  })
  async volunteerPointsRuleSet(
    @Arg('input', () => VolunteerPointsRuleSetInput, { description: 'The rate' }) input: VolunteerPointsRuleSetInput,
    @Ctx() ctx: Context,
  ): Promise<VolunteerPointsRuleSetPayload> {
    return toPayload(VolunteerPointsRuleSetPayload, await volunteerPointsRuleSet(ctx, input), 'volunteerPointsRule');
  }

  @Query(() => DecimalScalar, {
    description:
      'Points an hour of service earns now where the confirming organisation has set no rate of its own (the platform-wide rate)',
  })
  platformVolunteerPointsPerHour(@Ctx() ctx: Context): Promise<string> {
    return ctx.loaders.volunteering.pointsRate.load(`|${ctx.clock.now().toISOString()}`);
  }

  @FieldResolver(() => Date, { description: 'When the entry was made' })
  at(@Root() entry: ServiceHoursEntry): Date {
    return entry.createdAt;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The volunteer' })
  person(@Root() entry: ServiceHoursEntry, @Ctx() ctx: Context): Promise<Person | null> {
    return visiblePerson(ctx, entry.person);
  }

  @FieldResolver(() => Shift, { description: 'The shift served' })
  async shift(@Root() entry: ServiceHoursEntry, @Ctx() ctx: Context): Promise<Shift> {
    return (await ctx.loaders.volunteering.shiftByUuid.load(entry.shift.uuid))!;
  }

  @FieldResolver(() => VolunteerActivity, { description: 'The activity served' })
  async activity(@Root() entry: ServiceHoursEntry, @Ctx() ctx: Context): Promise<VolunteerActivity> {
    return activityOf(ctx, (await ctx.loaders.volunteering.shiftByUuid.load(entry.shift.uuid))!);
  }

  @FieldResolver(() => Organisation, { description: 'The organisation that confirmed the hours' })
  async organisation(@Root() entry: ServiceHoursEntry, @Ctx() ctx: Context): Promise<Organisation> {
    return (await ctx.loaders.organisations.byUuid.load(entry.organisation.uuid))!;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The coordinator who confirmed or corrected the hours' })
  verifiedBy(@Root() entry: ServiceHoursEntry, @Ctx() ctx: Context): Promise<Person | null> {
    return visiblePerson(ctx, entry.verifiedBy);
  }

  @FieldResolver(() => ServiceHoursEntry, { nullable: true, description: 'The credited entry a correction corrects' })
  async corrects(@Root() entry: ServiceHoursEntry, @Ctx() ctx: Context): Promise<ServiceHoursEntry | null> {
    return entry.corrects ? ((await ctx.loaders.volunteering.entryByUuid.load(entry.corrects.uuid)) ?? null) : null;
  }

  @FieldResolver(() => DecimalScalar, { description: 'Points the entry earned (negative for a correction taking hours away)' })
  points(@Root() entry: ServiceHoursEntry, @Ctx() ctx: Context): Promise<string> {
    return ctx.loaders.volunteering.entryPoints.load(entry.uuid);
  }
}

@Resolver(() => VolunteerPointsRule)
export class VolunteerPointsRuleResolver {
  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation; null for the platform-wide rate' })
  async organisation(@Root() rule: VolunteerPointsRule, @Ctx() ctx: Context): Promise<Organisation | null> {
    return rule.organisation ? ((await ctx.loaders.organisations.byUuid.load(rule.organisation.uuid)) ?? null) : null;
  }
}

import type { FilterQuery } from '@mikro-orm/postgresql';
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { ConnectionArgs, paginate, type ConnectionShape } from '../common/relay/connection.js';
import { DecimalScalar } from '../common/scalars/index.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { ServiceHoursEntry } from './service-hours-entry.entity.js';
import { ServiceRecord, ServiceRecordLine } from './service-record.types.js';
import { canReadServiceRecord } from './volunteering-access.js';
import { ShiftSignUp } from './shift-sign-up.entity.js';
import { ServiceHoursEntryConnection, ShiftSignUpConnection } from './volunteering.connections.js';
import { PersonShiftSignUpFilter } from './volunteering.inputs.js';

/**
 * A volunteer's service record on their Person: visible to themself, to the ADMINs of the party
 * organisations a party member reports to (双报到), and to the platform admin; null to anyone else.
 */
@Resolver(() => Person)
export class PersonServiceRecordResolver {
  @FieldResolver(() => ServiceHoursEntryConnection, {
    nullable: true,
    description: 'Service-hours ledger of the person, newest first; null unless you may see their service record',
  })
  async serviceHours(
    @Root() person: Person,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<ServiceHoursEntry> | null> {
    if (!(await canReadServiceRecord(ctx, person))) {
      return null;
    }
    return paginate(ctx.em, ServiceHoursEntry, { person: person.uuid }, { createdAt: 'desc', uuid: 'desc' }, page);
  }

  @FieldResolver(() => ShiftSignUpConnection, {
    nullable: true,
    description: "The person's shift sign-ups, newest first; null unless you may see their service record",
  })
  async shiftSignUps(
    @Root() person: Person,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => PersonShiftSignUpFilter, { nullable: true }) filter: PersonShiftSignUpFilter | null,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<ShiftSignUp> | null> {
    if (!(await canReadServiceRecord(ctx, person))) {
      return null;
    }
    const where: FilterQuery<ShiftSignUp> = { person: person.uuid };
    if (filter?.status?.length) {
      where.status = { $in: filter.status };
    }
    if (filter?.upcoming) {
      where.shift = { endsAt: { $gt: ctx.clock.now() } };
    }
    return paginate(ctx.em, ShiftSignUp, where, { createdAt: 'desc', uuid: 'desc' }, page);
  }

  @FieldResolver(() => DecimalScalar, {
    nullable: true,
    description: 'Total service hours (ledger sum); null unless you may see the service record',
  })
  async serviceHoursTotal(@Root() person: Person, @Ctx() ctx: Context): Promise<string | null> {
    return (await canReadServiceRecord(ctx, person)) ? (await ctx.loaders.volunteering.serviceTotals.load(person.uuid)).hours : null;
  }

  @FieldResolver(() => DecimalScalar, {
    nullable: true,
    description: 'Points (积分) earned: each hour at the rate in force when it was confirmed; null unless you may see the service record',
  })
  async servicePoints(@Root() person: Person, @Ctx() ctx: Context): Promise<string | null> {
    return (await canReadServiceRecord(ctx, person)) ? (await ctx.loaders.volunteering.serviceTotals.load(person.uuid)).points : null;
  }

  @FieldResolver(() => ServiceRecord, {
    nullable: true,
    description: 'The service record per activity, for the printable certificate (志愿服务记录证明); null unless you may see it',
  })
  async serviceRecord(@Root() person: Person, @Ctx() ctx: Context): Promise<ServiceRecord | null> {
    if (!(await canReadServiceRecord(ctx, person))) {
      return null;
    }
    const [rows, totals] = await Promise.all([
      ctx.loaders.volunteering.serviceRecordLines.load(person.uuid),
      ctx.loaders.volunteering.serviceTotals.load(person.uuid),
    ]);
    const lines = await Promise.all(
      rows.map(async ({ personUuid: _person, ...row }) =>
        Object.assign(new ServiceRecordLine(), {
          ...row,
          activity: await ctx.loaders.volunteering.activityByUuid.load(row.activityUuid),
          organisation: await ctx.loaders.organisations.byUuid.load(row.organisationUuid),
        }),
      ),
    );
    return Object.assign(new ServiceRecord(), {
      person,
      totalHours: totals.hours,
      totalPoints: totals.points,
      shiftCount: rows.reduce((sum, row) => sum + row.shiftCount, 0),
      firstDay: rows.length ? rows.map((row) => row.firstDay).sort()[0] : null,
      lastDay: rows.length
        ? rows
            .map((row) => row.lastDay)
            .sort()
            .at(-1)
        : null,
      lines,
      issuedAt: ctx.clock.now(),
    });
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether you may see (and export) the service record of the person' })
  viewerCanReadServiceRecord(@Root() person: Person, @Ctx() ctx: Context): Promise<boolean> {
    return canReadServiceRecord(ctx, person);
  }
}

@Resolver(() => Organisation)
export class OrganisationVolunteeringResolver {
  @FieldResolver(() => DecimalScalar, {
    description: 'Points an hour of service confirmed by the organisation earns now (its own rate, else the platform-wide one)',
  })
  volunteerPointsPerHour(@Root() organisation: Organisation, @Ctx() ctx: Context): Promise<string> {
    return ctx.loaders.volunteering.pointsRate.load(`${organisation.uuid}|${ctx.clock.now().toISOString()}`);
  }
}

import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { can } from '../policy/policy.js';
import { Region } from '../regions/region.entity.js';
import { MAX_PERIOD_DAYS } from './region-dashboard.period.js';
import { regionDashboard } from './region-dashboard.service.js';
import { RegionDashboard } from './region-dashboard.types.js';

@Resolver(() => RegionDashboard)
export class RegionDashboardResolver {
  @Authorized()
  @Query(() => RegionDashboard, {
    description:
      'Co-governance totals of a region over a period (projects, needs and pledges, deliveries, volunteering, demands), in total ' +
      'and per child region; for administrators of the region or above it, FORBIDDEN for anyone else. BAD_USER_INPUT for an ' +
      `unknown region, a period that ends before it starts or one longer than ${MAX_PERIOD_DAYS} days`,
  })
  regionDashboard(
    @Arg('regionId', () => ID, { description: 'The region (its whole subtree is counted)' }) regionId: string,
    @Arg('from', () => Date, {
      nullable: true,
      description: 'Start of the period (included); default: 12 months before `to`, or the first of the month 11 months ago in China',
    })
    from: Date | null,
    @Arg('to', () => Date, {
      nullable: true,
      description: 'End of the period (excluded); default: 12 months after `from`, or the first of next month in China',
    })
    to: Date | null,
    @Ctx() ctx: Context,
  ): Promise<RegionDashboard> {
    return regionDashboard(ctx, regionId, from, to);
  }
}

@Resolver(() => Region)
export class RegionDashboardAccessResolver {
  @FieldResolver(() => Boolean, { description: "Indicates whether the viewer may see this region's dashboard (`regionDashboard`)" })
  async viewerCanSeeDashboard(@Root() region: Region, @Ctx() ctx: Context): Promise<boolean> {
    return can(await ctx.actor(), 'region.readDashboard', region.path);
  }
}

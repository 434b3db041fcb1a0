import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { DemandMetrics } from './demand-metrics.types.js';
import { demandMetrics } from './demand-metrics.service.js';

@Resolver(() => DemandMetrics)
export class DemandMetricsResolver {
  @Authorized()
  @Query(() => DemandMetrics, {
    description:
      'Demand figures of a region over a period, in total, per child region and per organisation; ' +
      'for administrators of the region or above it (and grid workers for their grid), FORBIDDEN for anyone else',
  })
  demandMetrics(
    @Arg('regionId', () => ID, { description: 'The region (its whole subtree is counted)' }) regionId: string,
    @Arg('from', () => Date, { description: 'Start of the period (included); tickets count by submission time' }) from: Date,
    @Arg('to', () => Date, { description: 'End of the period (excluded)' }) to: Date,
    @Ctx() ctx: Context,
  ): Promise<DemandMetrics> {
    return demandMetrics(ctx, regionId, from, to);
  }
}

import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../common/scalars/index.js';
import { DemandMetricsFigures } from '../demands/demand-metrics.types.js';
import { ProjectStatus } from '../projects/project.enums.js';
import { Region } from '../regions/region.entity.js';

@ObjectType({ description: 'How many partner projects have a status' })
export class ProjectStatusCount {
  @Field(() => ProjectStatus, { description: 'The status' })
  status!: ProjectStatus;

  @Field(() => Int, { description: 'Projects with this status now' })
  count!: number;
}

/**
 * The co-governance (一核多元) totals of a region subtree over a period. Only counts and sums: no
 * person, organisation or ticket is named, so whoever may see the dashboard sees no personal data.
 */
@ObjectType({ description: 'Co-governance totals of a region (its whole subtree) over a period; counts and sums only' })
export class RegionDashboardFigures {
  @Field(() => Int, {
    description: 'Partner projects serving the region whose planned dates overlap the period (drafts are never counted)',
  })
  projects!: number;

  @Field(() => [ProjectStatusCount], {
    description: 'Those projects by their status now: RECRUITING, ACTIVE, COMPLETED, CANCELLED, each listed (zeros included)',
  })
  projectsByStatus!: ProjectStatusCount[];

  @Field(() => Int, { description: 'Needs published in the period by projects serving the region' })
  needs!: number;

  @Field(() => Int, { description: 'Pledges (认捐) made in the period to those projects, whatever became of them' })
  pledges!: number;

  @Field(() => Int, { description: 'Pledges accepted in the period (now ACCEPTED or FULFILLED)' })
  pledgesAccepted!: number;

  @Field(() => DecimalScalar, { description: 'Yuan of FUNDS pledges accepted in the period, exact' })
  fundsAccepted!: string;

  @Field(() => Int, { description: 'Deliveries confirmed by the project side in the period' })
  deliveriesConfirmed!: number;

  @Field(() => DecimalScalar, { description: 'Yuan of FUNDS deliveries confirmed in the period, exact' })
  fundsDelivered!: string;

  @Field(() => Int, { description: 'Shift sign-ups completed (attended) for shifts starting in the period, in the region' })
  volunteerSignUpsCompleted!: number;

  @Field(() => Int, { description: 'Different volunteers who completed at least one of those shifts' })
  volunteers!: number;

  @Field(() => DecimalScalar, {
    description: 'Service hours in the ledger for shifts starting in the period, in the region, corrections included (2 decimals)',
  })
  volunteerHours!: string;

  @Field(() => DemandMetricsFigures, {
    description: "Residents' demands submitted in the period in the region: the same figures as `demandMetrics`",
  })
  demands!: DemandMetricsFigures;
}

@ObjectType({ description: 'The co-governance totals of one region below the region asked about' })
export class RegionDashboardChild {
  @Field(() => Region, { description: 'The child region (its whole subtree is counted)' })
  region!: Region;

  @Field(() => RegionDashboardFigures, { description: 'Its figures over the same period' })
  figures!: RegionDashboardFigures;
}

@ObjectType({ description: 'The dashboard of a region over a period: its totals and those of each child region' })
export class RegionDashboard {
  @Field(() => Region, { description: 'The region (its whole subtree is counted)' })
  region!: Region;

  @Field(() => Date, { description: 'Start of the period (included)' })
  from!: Date;

  @Field(() => Date, { description: 'End of the period (excluded)' })
  to!: Date;

  @Field(() => RegionDashboardFigures, { description: 'Figures of the whole region' })
  totals!: RegionDashboardFigures;

  @Field(() => [RegionDashboardChild], {
    description:
      'Figures per child region, every child listed. A project serving two children counts in both but once in the totals, ' +
      'and what sits at the region itself counts in the totals only, so the rows need not add up to the totals',
  })
  byRegion!: RegionDashboardChild[];
}

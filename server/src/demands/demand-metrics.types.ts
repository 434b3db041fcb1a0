import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../common/scalars/index.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Region } from '../regions/region.entity.js';

/** The figures a 12345-style hotline reports, over the tickets received in a period. */
@ObjectType({ description: 'Demand figures over the tickets received (submitted) in a period' })
export class DemandMetricsFigures {
  @Field(() => Int, { description: 'Tickets received (submitted) in the period, duplicates and rejected ones included' })
  received!: number;

  @Field(() => Int, { description: 'Tickets first accepted by an organisation by their response deadline' })
  respondedOnTime!: number;

  @Field(() => Int, { description: 'Tickets resolved (and not reopened since): RESOLVED, RATED or CLOSED_UNRATED' })
  resolved!: number;

  @Field(() => Int, { description: 'Resolved tickets resolved by their resolution deadline' })
  resolvedOnTime!: number;

  @Field(() => Int, { description: 'Tickets closed with a final rating (RATED)' })
  rated!: number;

  @Field(() => Int, { description: 'Final ratings SATISFIED' })
  satisfied!: number;

  @Field(() => Int, { description: 'Final ratings PARTLY' })
  partly!: number;

  @Field(() => Int, { description: 'Final ratings UNSATISFIED' })
  unsatisfied!: number;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Share of final ratings that are SATISFIED or PARTLY (满意率, 0 to 1, 4 decimals); null when none is rated',
  })
  satisfactionRate!: string | null;

  @Field(() => Int, { description: 'Tickets an unsatisfied rating reopened' })
  reopened!: number;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Median time from submission to resolution of the resolved tickets, in hours (1 decimal); null when none is resolved',
  })
  medianResolutionHours!: string | null;
}

@ObjectType({ description: 'Demand figures of one region below the region asked about' })
export class DemandRegionMetrics extends DemandMetricsFigures {
  @Field(() => Region, { description: 'The child region (its whole subtree is counted)' })
  region!: Region;
}

@ObjectType({ description: 'Demand figures of one organisation: the tickets it owns or is dispatched' })
export class DemandOrganisationMetrics extends DemandMetricsFigures {
  @Field(() => Organisation, { description: 'The organisation' })
  organisation!: Organisation;
}

@ObjectType({ description: 'Demand metrics of a region over a period, per child region and per organisation' })
export class DemandMetrics {
  @Field(() => Region, { description: 'The region (its whole subtree is counted)' })
  region!: Region;

  @Field(() => Date, { description: 'Start of the period (included)' })
  from!: Date;

  @Field(() => Date, { description: 'End of the period (excluded)' })
  to!: Date;

  @Field(() => DemandMetricsFigures, { description: 'Figures of the whole region' })
  totals!: DemandMetricsFigures;

  @Field(() => [DemandRegionMetrics], {
    description: 'Figures per child region (the level below: townships of a district, grids of a village…), all children listed',
  })
  byRegion!: DemandRegionMetrics[];

  @Field(() => [DemandOrganisationMetrics], {
    description: 'Figures per organisation that owns or was last dispatched tickets, most received first',
  })
  byOrganisation!: DemandOrganisationMetrics[];
}

import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../common/scalars/index.js';
import { Organisation } from '../organisations/organisation.entity.js';

@ObjectType({ description: 'Counts and rates of a set of commitments, as of a day' })
export class CommitmentStats {
  @Field(() => Int, { description: 'All commitments' })
  total!: number;

  @Field(() => Int, { description: 'OPEN: not fulfilled, due in more than 7 days' })
  open!: number;

  @Field(() => Int, { description: 'DUE_SOON: not fulfilled, due within 7 days' })
  dueSoon!: number;

  @Field(() => Int, { description: 'OVERDUE: not fulfilled, past the due day' })
  overdue!: number;

  @Field(() => Int, { description: 'Fulfilled (FULFILLED and EVALUATED)' })
  fulfilled!: number;

  @Field(() => Int, { description: 'Fulfilled on or before the due day' })
  fulfilledOnTime!: number;

  @Field(() => Int, { description: 'EVALUATED: fulfilled and rated at least once' })
  evaluated!: number;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'On-time rate: fulfilled on time ÷ commitments whose outcome is known (fulfilled, or overdue), 4 decimals; null when there are none',
  })
  onTimeRate!: string | null;

  @Field(() => Int, { description: 'Ratings given' })
  evaluationCount!: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'Mean score of all ratings (1–5), 2 decimals; null without ratings' })
  averageScore!: string | null;
}

@ObjectType({ description: "One Party organisation's commitment figures" })
export class CommitmentBranchStats extends CommitmentStats {
  @Field(() => Organisation, { description: 'The Party organisation' })
  organisation!: Organisation;
}

@ObjectType({ description: "A Party organisation's commitment dashboard: its own figures and, for a committee, every branch below it" })
export class CommitmentDashboard {
  @Field(() => Organisation, { description: 'The organisation the dashboard is for' })
  organisation!: Organisation;

  @Field(() => DateScalar, { description: 'The day the figures are as of (today in China)' })
  asOf!: string;

  @Field(() => CommitmentStats, { description: 'Figures over all the branches below' })
  totals!: CommitmentStats;

  @Field(() => [CommitmentBranchStats], {
    description: 'Per Party organisation: the organisation itself first, then (for a party committee) every one in its region subtree',
  })
  branches!: CommitmentBranchStats[];
}

import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../common/scalars/index.js';
import { OrganisationKind } from '../organisations/organisation.enums.js';

@ObjectType({ description: 'How far a project has come, computed from its needs, pledges and deliverables' })
export class ProjectProgress {
  @Field(() => DecimalScalar, { description: 'Mean share of each need covered by accepted pledges, from "0.0000" to "1.0000"' })
  needsCoverage!: string;

  @Field(() => Int, { description: 'Number of needs' })
  needsTotal!: number;

  @Field(() => Int, { description: 'Number of needs fully covered by accepted pledges' })
  needsCovered!: number;

  @Field(() => Int, { description: 'Number of pledges waiting for an answer' })
  pledgesProposed!: number;

  @Field(() => Int, { description: 'Number of accepted pledges, fulfilled ones included' })
  pledgesAccepted!: number;

  @Field(() => Int, { description: 'Number of fulfilled pledges' })
  pledgesFulfilled!: number;

  @Field(() => Int, { description: 'Number of deliverables' })
  deliverablesTotal!: number;

  @Field(() => Int, { description: 'Number of accepted deliverables' })
  deliverablesAccepted!: number;

  @Field(() => Int, { description: 'Number of deliverables past their due day and not accepted' })
  deliverablesOverdue!: number;

  @Field(() => Int, { description: 'Number of accepted partners, the core included' })
  partnersAccepted!: number;
}

@ObjectType({ description: 'How many accepted partners of one organisation kind a project has (一核多元)' })
export class ProjectCompositionEntry {
  @Field(() => OrganisationKind, { description: 'Kind of organisation' })
  kind!: OrganisationKind;

  @Field(() => Int, { description: 'Number of accepted partners of that kind' })
  count!: number;
}

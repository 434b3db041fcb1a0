import { Field, ID, InputType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../common/scalars/index.js';
import { PledgeStatus } from './pledge.enums.js';

@InputType({ description: 'A new pledge towards a need' })
export class PledgeCreateInput {
  @Field(() => ID, { description: 'The need' })
  needId!: string;

  @Field(() => ID, { description: 'The verified organisation pledging; you must be its member' })
  organisationId!: string;

  @Field(() => DecimalScalar, { description: "Quantity pledged in the need's unit: positive, at most 2 decimals" })
  quantity!: string;

  @Field(() => String, { nullable: true, description: 'Note to the project, at most 1000 characters' })
  note?: string | null;
}

@InputType({ description: 'Changes to a proposed pledge; omitted fields stay as they are' })
export class PledgeUpdateInput {
  @Field(() => DecimalScalar, { nullable: true, description: 'New quantity' })
  quantity?: string | null;

  @Field(() => String, { nullable: true, description: 'New note' })
  note?: string | null;
}

@InputType({ description: "The project's answer to a proposed pledge" })
export class PledgeRespondInput {
  @Field(() => Boolean, { description: 'true accepts, false declines' })
  accept!: boolean;

  @Field(() => String, { nullable: true, description: 'Note with the answer, at most 1000 characters' })
  note?: string | null;
}

@InputType({ description: 'A delivery against an accepted pledge' })
export class DeliveryRecordInput {
  @Field(() => ID, { description: 'The accepted pledge' })
  pledgeId!: string;

  @Field(() => DecimalScalar, { description: 'Quantity delivered: positive, at most 2 decimals, within what is left of the pledge' })
  quantity!: string;

  @Field(() => DateScalar, { description: 'Day of the delivery; not in the future' })
  deliveredOn!: string;

  @Field(() => String, { nullable: true, description: 'Note, at most 1000 characters' })
  note?: string | null;

  @Field(() => [String], { nullable: true, description: 'Links to evidence (http or https), at most 10' })
  evidenceUrls?: string[] | null;
}

@InputType({ description: 'Filter of a pledge list' })
export class PledgeFilter {
  @Field(() => [PledgeStatus], { nullable: true, description: 'Only pledges in one of these statuses' })
  status?: PledgeStatus[] | null;
}

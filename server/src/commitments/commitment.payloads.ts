import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../common/errors/user-error.js';
import { Commitment, CommitmentEvaluation, CommitmentProgress } from './commitment.entity.js';

@ObjectType({ description: 'Result of commitmentCreate' })
export class CommitmentCreatePayload {
  @Field(() => Commitment, { nullable: true, description: 'The new commitment' })
  commitment?: Commitment | null;

  @Field(() => [UserError], { description: 'Problems that prevented publishing the commitment' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of commitmentUpdate' })
export class CommitmentUpdatePayload {
  @Field(() => Commitment, { nullable: true, description: 'The updated commitment' })
  commitment?: Commitment | null;

  @Field(() => [UserError], { description: 'Problems that prevented the update' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of commitmentProgressAdd' })
export class CommitmentProgressAddPayload {
  @Field(() => CommitmentProgress, { nullable: true, description: 'The new progress update' })
  commitmentProgress?: CommitmentProgress | null;

  @Field(() => [UserError], { description: 'Problems that prevented adding the update' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of commitmentFulfil' })
export class CommitmentFulfilPayload {
  @Field(() => Commitment, { nullable: true, description: 'The fulfilled commitment' })
  commitment?: Commitment | null;

  @Field(() => [UserError], { description: 'Problems that prevented marking it fulfilled' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of commitmentEvaluate' })
export class CommitmentEvaluatePayload {
  @Field(() => CommitmentEvaluation, { nullable: true, description: 'Your rating' })
  commitmentEvaluation?: CommitmentEvaluation | null;

  @Field(() => [UserError], { description: 'Problems that prevented the rating' })
  userErrors!: UserError[];
}

import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../common/errors/user-error.js';
import { Deliverable } from './deliverable.entity.js';

@ObjectType({ description: 'Result of deliverableCreate' })
export class DeliverableCreatePayload {
  @Field(() => Deliverable, { nullable: true, description: 'The new deliverable' })
  deliverable?: Deliverable | null;

  @Field(() => [UserError], { description: 'Problems that prevented creating the deliverable' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of deliverableUpdate' })
export class DeliverableUpdatePayload {
  @Field(() => Deliverable, { nullable: true, description: 'The updated deliverable' })
  deliverable?: Deliverable | null;

  @Field(() => [UserError], { description: 'Problems that prevented the update' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of deliverableTransition' })
export class DeliverableTransitionPayload {
  @Field(() => Deliverable, { nullable: true, description: 'The deliverable in its new status' })
  deliverable?: Deliverable | null;

  @Field(() => [UserError], { description: 'Problems that prevented the move' })
  userErrors!: UserError[];
}

import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../common/errors/user-error.js';
import { Delivery } from './delivery.entity.js';
import { Pledge } from './pledge.entity.js';

@ObjectType({ description: 'Result of pledgeCreate' })
export class PledgeCreatePayload {
  @Field(() => Pledge, { nullable: true, description: 'The new pledge' })
  pledge?: Pledge | null;

  @Field(() => [UserError], { description: 'Problems that prevented the pledge' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of pledgeUpdate' })
export class PledgeUpdatePayload {
  @Field(() => Pledge, { nullable: true, description: 'The updated pledge' })
  pledge?: Pledge | null;

  @Field(() => [UserError], { description: 'Problems that prevented the update' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of pledgeRespond' })
export class PledgeRespondPayload {
  @Field(() => Pledge, { nullable: true, description: 'The pledge, accepted or declined' })
  pledge?: Pledge | null;

  @Field(() => [UserError], { description: 'Problems that prevented the answer' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of pledgeWithdraw' })
export class PledgeWithdrawPayload {
  @Field(() => Pledge, { nullable: true, description: 'The withdrawn pledge' })
  pledge?: Pledge | null;

  @Field(() => [UserError], { description: 'Problems that prevented the withdrawal' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of deliveryRecord' })
export class DeliveryRecordPayload {
  @Field(() => Delivery, { nullable: true, description: 'The recorded delivery, waiting for confirmation' })
  delivery?: Delivery | null;

  @Field(() => [UserError], { description: 'Problems that prevented recording the delivery' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of deliveryConfirm' })
export class DeliveryConfirmPayload {
  @Field(() => Delivery, { nullable: true, description: 'The confirmed delivery (its pledge may now be FULFILLED)' })
  delivery?: Delivery | null;

  @Field(() => [UserError], { description: 'Problems that prevented the confirmation' })
  userErrors!: UserError[];
}

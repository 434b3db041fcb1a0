import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../common/errors/user-error.js';
import { Need } from './need.entity.js';

@ObjectType({ description: 'Result of needCreate' })
export class NeedCreatePayload {
  @Field(() => Need, { nullable: true, description: 'The new need' })
  need?: Need | null;

  @Field(() => [UserError], { description: 'Problems that prevented creating the need' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of needUpdate' })
export class NeedUpdatePayload {
  @Field(() => Need, { nullable: true, description: 'The updated need' })
  need?: Need | null;

  @Field(() => [UserError], { description: 'Problems that prevented the update' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of needClose' })
export class NeedClosePayload {
  @Field(() => Need, { nullable: true, description: 'The closed need' })
  need?: Need | null;

  @Field(() => [UserError], { description: 'Problems that prevented closing the need' })
  userErrors!: UserError[];
}

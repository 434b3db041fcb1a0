import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../common/errors/user-error.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Membership } from './membership.entity.js';

@ObjectType({ description: 'Result of membershipAdd' })
export class MembershipAddPayload {
  @Field(() => Membership, { nullable: true, description: 'The new membership' })
  membership?: Membership | null;

  @Field(() => [UserError], { description: 'Problems that prevented adding the member' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of membershipUpdate' })
export class MembershipUpdatePayload {
  @Field(() => Membership, { nullable: true, description: 'The membership with its new role' })
  membership?: Membership | null;

  @Field(() => [UserError], { description: 'Problems that prevented the change' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of membershipRemove' })
export class MembershipRemovePayload {
  @Field(() => Membership, { nullable: true, description: 'The membership that was removed (it no longer exists)' })
  membership?: Membership | null;

  @Field(() => Organisation, { nullable: true, description: 'The organisation the person left, e.g. to refresh its member count' })
  organisation?: Organisation | null;

  @Field(() => [UserError], { description: 'Problems that prevented the removal' })
  userErrors!: UserError[];
}

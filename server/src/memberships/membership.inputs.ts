import { Field, ID, InputType } from 'type-graphql';
import { MembershipRole } from './membership.enums.js';

@InputType({ description: 'A person to add to an organisation' })
export class MembershipAddInput {
  @Field(() => ID, { description: 'Organisation to add the person to' })
  organisationId!: string;

  @Field(() => String, { description: 'Mobile number or email of an existing account' })
  identifier!: string;

  @Field(() => MembershipRole, { description: 'Role the person gets' })
  role!: MembershipRole;
}

@InputType({ description: 'A new role for a member' })
export class MembershipUpdateInput {
  @Field(() => MembershipRole, { description: 'The new role' })
  role!: MembershipRole;
}

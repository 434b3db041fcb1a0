import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../common/errors/user-error.js';
import { Organisation } from './organisation.entity.js';

@ObjectType({ description: 'Result of organisationCreate' })
export class OrganisationCreatePayload {
  @Field(() => Organisation, { nullable: true, description: 'The new organisation' })
  organisation?: Organisation | null;

  @Field(() => [UserError], { description: 'Problems that prevented creating the organisation' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of organisationUpdate' })
export class OrganisationUpdatePayload {
  @Field(() => Organisation, { nullable: true, description: 'The updated organisation' })
  organisation?: Organisation | null;

  @Field(() => [UserError], { description: 'Problems that prevented the update' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of organisationVerify' })
export class OrganisationVerifyPayload {
  @Field(() => Organisation, { nullable: true, description: 'The organisation with its new verification status' })
  organisation?: Organisation | null;

  @Field(() => [UserError], { description: 'Problems that prevented the decision' })
  userErrors!: UserError[];
}

import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../common/errors/user-error.js';
import { ServiceOffering } from './service-offering.entity.js';

@ObjectType({ description: 'Result of serviceOfferingCreate' })
export class ServiceOfferingCreatePayload {
  @Field(() => ServiceOffering, { nullable: true, description: 'The new offering' })
  serviceOffering?: ServiceOffering | null;

  @Field(() => [UserError], { description: 'Problems that prevented creating the offering' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of serviceOfferingUpdate' })
export class ServiceOfferingUpdatePayload {
  @Field(() => ServiceOffering, { nullable: true, description: 'The offering after the change' })
  serviceOffering?: ServiceOffering | null;

  @Field(() => [UserError], { description: 'Problems that prevented the change' })
  userErrors!: UserError[];
}

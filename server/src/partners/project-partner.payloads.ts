import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../common/errors/user-error.js';
import { ProjectPartner } from './project-partner.entity.js';

@ObjectType({ description: 'Result of projectPartnerInvite' })
export class ProjectPartnerInvitePayload {
  @Field(() => ProjectPartner, { nullable: true, description: 'The invitation' })
  projectPartner?: ProjectPartner | null;

  @Field(() => [UserError], { description: 'Problems that prevented the invitation' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of projectPartnerApply' })
export class ProjectPartnerApplyPayload {
  @Field(() => ProjectPartner, { nullable: true, description: 'The application' })
  projectPartner?: ProjectPartner | null;

  @Field(() => [UserError], { description: 'Problems that prevented the application' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of projectPartnerRespond' })
export class ProjectPartnerRespondPayload {
  @Field(() => ProjectPartner, { nullable: true, description: 'The place, accepted or declined' })
  projectPartner?: ProjectPartner | null;

  @Field(() => [UserError], { description: 'Problems that prevented the answer' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of projectPartnerWithdraw' })
export class ProjectPartnerWithdrawPayload {
  @Field(() => ProjectPartner, { nullable: true, description: 'The withdrawn place' })
  projectPartner?: ProjectPartner | null;

  @Field(() => [UserError], { description: 'Problems that prevented the withdrawal' })
  userErrors!: UserError[];
}

import { Field, ID, InputType } from 'type-graphql';
import { ProjectPartnerRole, ProjectPartnerStatus } from './project-partner.enums.js';

@InputType({ description: 'An invitation of an organisation to a project' })
export class ProjectPartnerInviteInput {
  @Field(() => ID, { description: 'The project' })
  projectId!: string;

  @Field(() => ID, { description: 'The verified organisation to invite' })
  organisationId!: string;

  @Field(() => ProjectPartnerRole, { description: 'Role offered: CO_LEAD, PARTNER or SUPPORTER (CORE belongs to the lead)' })
  role!: ProjectPartnerRole;

  @Field(() => String, { nullable: true, description: 'Message to the organisation, at most 1000 characters' })
  message?: string | null;
}

@InputType({ description: "An organisation's application to join a project as a PARTNER" })
export class ProjectPartnerApplyInput {
  @Field(() => ID, { description: 'The project, which must be recruiting or active' })
  projectId!: string;

  @Field(() => ID, { description: 'The verified organisation you apply for; you must be its member' })
  organisationId!: string;

  @Field(() => String, { nullable: true, description: 'What the organisation offers, at most 1000 characters' })
  message?: string | null;
}

@InputType({ description: 'The answer to an invitation or application' })
export class ProjectPartnerRespondInput {
  @Field(() => Boolean, { description: 'true accepts, false declines' })
  accept!: boolean;

  @Field(() => String, { nullable: true, description: 'Note with the answer, at most 1000 characters' })
  note?: string | null;
}

@InputType({ description: 'Filter of the places of a project' })
export class ProjectPartnerFilter {
  @Field(() => ProjectPartnerStatus, { nullable: true, description: 'Only places in this status' })
  status?: ProjectPartnerStatus | null;
}

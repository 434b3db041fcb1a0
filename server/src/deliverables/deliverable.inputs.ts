import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../common/scalars/index.js';
import { DeliverableStatus } from './deliverable.enums.js';

@InputType({ description: 'A new shared deliverable of a project' })
export class DeliverableCreateInput {
  @Field(() => ID, { description: 'The project' })
  projectId!: string;

  @Field(() => String, { description: 'Title, at most 100 characters' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What will be delivered and how it is judged, at most 2000 characters' })
  description?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Day it is due' })
  dueOn?: string | null;

  @Field(() => [ID], { description: 'Owner organisations (1 to 20), each an accepted partner of the project' })
  ownerIds!: string[];

  @Field(() => [ID], { nullable: true, description: 'Accepted or fulfilled pledges of the project that feed it (at most 50)' })
  pledgeIds?: string[] | null;
}

@InputType({ description: 'Changes to a deliverable; omitted fields stay as they are' })
export class DeliverableUpdateInput {
  @Field(() => String, { nullable: true, description: 'New title' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'New description' })
  description?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'New due day' })
  dueOn?: string | null;

  @Field(() => [ID], { nullable: true, description: 'New owners (coordinators only)' })
  ownerIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'New list of pledges that feed it' })
  pledgeIds?: string[] | null;
}

@InputType({ description: 'A move of a deliverable along its life cycle' })
export class DeliverableTransitionInput {
  @Field(() => DeliverableStatus, { description: 'Status to move to' })
  to!: DeliverableStatus;

  @Field(() => String, { nullable: true, description: 'Why; required when sending a submission back to IN_PROGRESS' })
  reason?: string | null;

  @Field(() => [String], { nullable: true, description: 'Evidence links to add (http or https), e.g. when submitting' })
  evidenceUrls?: string[] | null;
}

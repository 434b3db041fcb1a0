import { Field, ID, InputType } from 'type-graphql';
import { OrderDirection } from '../common/relay/order-direction.js';
import { DateScalar } from '../common/scalars/index.js';
import { NeedKind } from '../needs/need.enums.js';
import { ProjectCategory, ProjectOrderField, ProjectStatus } from './project.enums.js';

@InputType({ description: 'A new partner project; it starts as a DRAFT with its lead as the CORE partner' })
export class ProjectCreateInput {
  @Field(() => ID, { description: 'The lead: a verified Party organisation you are an ADMIN or COORDINATOR of' })
  leadOrganisationId!: string;

  @Field(() => String, { description: 'Title, at most 100 characters' })
  title!: string;

  @Field(() => String, { description: 'What the project does and for whom, at most 5000 characters' })
  summary!: string;

  @Field(() => ProjectCategory, { description: 'Field of work' })
  category!: ProjectCategory;

  @Field(() => [ID], { description: 'Regions the project serves (1 to 20)' })
  regionIds!: string[];

  @Field(() => DateScalar, { description: 'Planned first day' })
  startDate!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Planned last day, not before the first' })
  endDate?: string | null;
}

@InputType({ description: 'Changes to a project; omitted fields stay as they are' })
export class ProjectUpdateInput {
  @Field(() => String, { nullable: true, description: 'New title' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'New summary' })
  summary?: string | null;

  @Field(() => ProjectCategory, { nullable: true, description: 'New category; only while DRAFT or RECRUITING' })
  category?: ProjectCategory | null;

  @Field(() => [ID], { nullable: true, description: 'New list of regions served; only while DRAFT or RECRUITING' })
  regionIds?: string[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'New first day; only while DRAFT or RECRUITING' })
  startDate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'New last day' })
  endDate?: string | null;
}

@InputType({ description: 'A move of the project life cycle' })
export class ProjectTransitionInput {
  @Field(() => ProjectStatus, { description: 'Status to move to' })
  to!: ProjectStatus;

  @Field(() => String, { nullable: true, description: 'Why; required when cancelling, at most 500 characters' })
  reason?: string | null;
}

@InputType({ description: 'Filter of the project list' })
export class ProjectFilter {
  @Field(() => ProjectStatus, { nullable: true, description: 'Only projects in this status' })
  status?: ProjectStatus | null;

  @Field(() => ProjectCategory, { nullable: true, description: 'Only projects of this category' })
  category?: ProjectCategory | null;

  @Field(() => ID, { nullable: true, description: 'Only projects serving this region or a region inside it' })
  regionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only projects this organisation leads or is an accepted partner of' })
  organisationId?: string | null;

  @Field(() => NeedKind, { nullable: true, description: 'Only projects with an open need of this kind' })
  needKind?: NeedKind | null;
}

@InputType({ description: 'Ordering of the project list' })
export class ProjectOrder {
  @Field(() => ProjectOrderField, { description: 'Field to order by' })
  field!: ProjectOrderField;

  @Field(() => OrderDirection, { description: 'Direction of the ordering' })
  direction!: OrderDirection;
}

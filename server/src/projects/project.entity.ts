import type { Opt, Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { DateScalar } from '../common/scalars/index.js';
import { Node } from '../common/relay/node.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { Region } from '../regions/region.entity.js';
import { ProjectCategory, ProjectStatus } from './project.enums.js';

/**
 * A partner project (初心合伙人项目): a Party organisation at the core links partners to a local need.
 * The lead is always a verified PARTY_ORGANISATION; the service enforces it and makes it the CORE partner.
 */
@ObjectType({ implements: Node, description: 'A partner project (合伙人项目) led by a Party organisation' })
@Entity({ tableName: 'project' })
@Check({ name: 'project_dates_ordered', expression: 'end_date is null or end_date >= start_date' })
export class Project extends BaseEntity {
  @Field(() => String, { description: 'Title of the project' })
  @Property({ type: 'string', length: 100 })
  title!: string;

  @Field(() => String, { description: 'What the project does and for whom' })
  @Property({ type: 'text' })
  summary!: string;

  @Field(() => ProjectCategory, { description: 'Field of work of the project' })
  @Index()
  @Enum({ items: () => ProjectCategory, nativeEnumName: 'project_category' })
  category!: ProjectCategory;

  @Field(() => ProjectStatus, { description: 'Status of the project' })
  @Index()
  @Enum({ items: () => ProjectStatus, nativeEnumName: 'project_status' })
  status: ProjectStatus & Opt = ProjectStatus.DRAFT;

  @Field(() => String, { nullable: true, description: 'Reason given with the last status change, e.g. why it was cancelled' })
  @Property({ type: 'string', length: 500, nullable: true })
  statusReason?: string | null;

  @Field(() => DateScalar, { description: 'Planned first day of the project' })
  @Property({ type: 'date' })
  startDate!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Planned last day of the project' })
  @Property({ type: 'date', nullable: true })
  endDate?: string | null;

  @Index()
  @ManyToOne({ entity: () => Organisation })
  leadOrganisation!: Rel<Organisation>;

  @ManyToOne({ entity: () => Person, nullable: true, deleteRule: 'set null' })
  createdBy?: Rel<Person> | null;
}

/** A region a project serves; a project serves one or more regions. */
@Entity({ tableName: 'project_region' })
@Unique({ properties: ['project', 'region'] })
export class ProjectRegion extends BaseEntity {
  @ManyToOne({ entity: () => Project, deleteRule: 'cascade' })
  project!: Rel<Project>;

  @Index()
  @ManyToOne({ entity: () => Region })
  region!: Rel<Region>;
}

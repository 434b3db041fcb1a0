import type { Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { Node } from '../common/relay/node.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { Project } from '../projects/project.entity.js';
import { ProjectPartnerRole, ProjectPartnerStatus } from './project-partner.enums.js';

/**
 * An organisation's place in a project. Declined and withdrawn places stay as history; the partial
 * unique index allows one live place (invited, applied or accepted) per organisation and project.
 */
@ObjectType({ implements: Node, description: "An organisation's place in a partner project" })
@Entity({ tableName: 'project_partner' })
@Index({
  name: 'project_partner_live_unique',
  expression:
    'create unique index "project_partner_live_unique" on "project_partner" ("project_id", "organisation_id") where "status" in (\'INVITED\', \'APPLIED\', \'ACCEPTED\')',
})
export class ProjectPartner extends BaseEntity {
  @Index()
  @ManyToOne({ entity: () => Project, deleteRule: 'cascade' })
  project!: Rel<Project>;

  @Index()
  @ManyToOne({ entity: () => Organisation })
  organisation!: Rel<Organisation>;

  @Field(() => ProjectPartnerRole, { description: 'Role of the organisation in the project' })
  @Enum({ items: () => ProjectPartnerRole, nativeEnumName: 'project_partner_role' })
  role!: ProjectPartnerRole;

  @Field(() => ProjectPartnerStatus, { description: 'Status of the place' })
  @Enum({ items: () => ProjectPartnerStatus, nativeEnumName: 'project_partner_status' })
  status!: ProjectPartnerStatus;

  @Field(() => String, { nullable: true, description: 'Message of the invitation or application' })
  @Property({ type: 'string', length: 1000, nullable: true })
  message?: string | null;

  @Field(() => String, { nullable: true, description: 'Note given with the answer' })
  @Property({ type: 'string', length: 1000, nullable: true })
  responseNote?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the invitation or application was answered' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  respondedAt?: Date | null;

  /** Who invited or applied. */
  @ManyToOne({ entity: () => Person, nullable: true, deleteRule: 'set null' })
  createdBy?: Rel<Person> | null;

  @ManyToOne({ entity: () => Person, nullable: true, deleteRule: 'set null' })
  respondedBy?: Rel<Person> | null;

  /** Set when the place became ACCEPTED; kept for the record. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  joinedAt?: Date | null;
}

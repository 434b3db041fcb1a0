import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { DateScalar } from '../common/scalars/index.js';
import { Node } from '../common/relay/node.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { Pledge } from '../pledges/pledge.entity.js';
import { Project } from '../projects/project.entity.js';
import { DeliverableStatus } from './deliverable.enums.js';

/** A shared result (共同成果) that several partner organisations own and answer for together. */
@ObjectType({ implements: Node, description: 'A shared result of a project (共同成果), owned by partner organisations' })
@Entity({ tableName: 'deliverable' })
export class Deliverable extends BaseEntity {
  @Index()
  @ManyToOne({ entity: () => Project, deleteRule: 'cascade' })
  project!: Rel<Project>;

  @Field(() => String, { description: 'Title of the deliverable' })
  @Property({ type: 'string', length: 100 })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What will be delivered and how it is judged' })
  @Property({ type: 'string', length: 2000, nullable: true })
  description?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Day the deliverable is due' })
  @Property({ type: 'date', nullable: true })
  dueOn?: string | null;

  @Field(() => DeliverableStatus, { description: 'Status of the deliverable' })
  @Enum({ items: () => DeliverableStatus, nativeEnumName: 'deliverable_status' })
  status: DeliverableStatus & Opt = DeliverableStatus.PLANNED;

  @Field(() => String, { nullable: true, description: 'Reason given when a submission was sent back' })
  @Property({ type: 'string', length: 1000, nullable: true })
  statusReason?: string | null;

  @Field(() => [String], { description: 'Links to evidence of the result' })
  @Property({ type: 'string[]' })
  evidenceUrls: string[] & Opt = [];

  @Field(() => Date, { nullable: true, description: 'When the deliverable was last submitted' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  submittedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the coordinators accepted the deliverable' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  acceptedAt?: Date | null;

  @ManyToOne({ entity: () => Person, nullable: true, deleteRule: 'set null' })
  createdBy?: Rel<Person> | null;
}

/** An organisation answering for a deliverable; it must be an accepted partner of the project. */
@Entity({ tableName: 'deliverable_owner' })
@Unique({ properties: ['deliverable', 'organisation'] })
export class DeliverableOwner extends BaseEntity {
  @ManyToOne({ entity: () => Deliverable, deleteRule: 'cascade' })
  deliverable!: Rel<Deliverable>;

  @Index()
  @ManyToOne({ entity: () => Organisation })
  organisation!: Rel<Organisation>;
}

/** A pledge whose resources feed a deliverable. */
@Entity({ tableName: 'deliverable_pledge' })
@Unique({ properties: ['deliverable', 'pledge'] })
export class DeliverablePledge extends BaseEntity {
  @ManyToOne({ entity: () => Deliverable, deleteRule: 'cascade' })
  deliverable!: Rel<Deliverable>;

  @Index()
  @ManyToOne({ entity: () => Pledge, deleteRule: 'cascade' })
  pledge!: Rel<Pledge>;
}

import type { Opt, Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { Node } from '../common/relay/node.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { Region } from '../regions/region.entity.js';
import { DemandCategory, DemandChannel, DemandContactPreference, DemandRating, DemandStatus } from './demand.enums.js';

/**
 * A resident's demand (群众点单) in a grid, from submission to rating. `createdAt` is the submission.
 * The contact fields are personal data: they reach GraphQL only through field resolvers that mask
 * them unless the policy allows the viewer to see them (and log the view).
 *
 * `dueAt` is the deadline the ticket is currently measured against (response, then resolution; null
 * once nobody owes anything), kept by the services so "overdue" is one indexed comparison.
 */
@ObjectType({ implements: Node, description: 'A resident’s demand (群众点单) and its handling' })
@Entity({ tableName: 'demand_ticket' })
@Index({ properties: ['createdAt'] })
@Index({
  name: 'demand_ticket_due_at_index',
  expression: 'create index "demand_ticket_due_at_index" on "demand_ticket" ("due_at") where "due_at" is not null',
})
@Index({
  name: 'demand_ticket_rating_window_index',
  expression: 'create index "demand_ticket_rating_window_index" on "demand_ticket" ("resolved_at") where "status" = \'RESOLVED\'',
})
@Check({ name: 'demand_ticket_round_positive', expression: 'round >= 1 and reopened_count >= 0' })
export class DemandTicket extends BaseEntity {
  @Index()
  @ManyToOne({ entity: () => Person })
  resident!: Rel<Person>;

  @ManyToOne({ entity: () => Person })
  submittedBy!: Rel<Person>;

  @Field(() => DemandChannel, { description: 'How the demand reached the platform' })
  @Enum({ items: () => DemandChannel, nativeEnumName: 'demand_channel' })
  channel!: DemandChannel;

  @Index()
  @ManyToOne({ entity: () => Region })
  grid!: Rel<Region>;

  @Field(() => DemandCategory, { description: 'What the demand is about' })
  @Index()
  @Enum({ items: () => DemandCategory, nativeEnumName: 'demand_category' })
  category!: DemandCategory;

  @Field(() => String, { description: 'What the resident needs, in their words' })
  @Property({ type: 'text' })
  description!: string;

  @Field(() => String, { nullable: true, description: 'Where, in words (e.g. 3号楼东侧路灯); not the exact address' })
  @Property({ type: 'string', length: 200, nullable: true })
  place?: string | null;

  @Property({ type: 'string', length: 100 })
  contactName!: string;

  @Property({ type: 'string', length: 20, nullable: true })
  contactPhone?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  contactAddress?: string | null;

  @Field(() => DemandContactPreference, { description: 'How the resident prefers to be contacted' })
  @Enum({ items: () => DemandContactPreference, nativeEnumName: 'demand_contact_preference' })
  contactPreference!: DemandContactPreference;

  @Field(() => [String], { description: 'Links to photos or documents the resident attached' })
  @Property({ type: 'string[]' })
  evidenceUrls: string[] & Opt = [];

  @Field(() => DemandStatus, { description: 'Status of the ticket' })
  @Index()
  @Enum({ items: () => DemandStatus, nativeEnumName: 'demand_status' })
  status: DemandStatus & Opt = DemandStatus.SUBMITTED;

  @Field(() => Int, { description: 'Handling round: 1, or 2 after an unsatisfied rating reopened it' })
  @Property({ type: 'integer' })
  round: number & Opt = 1;

  /** The organisation the ticket is dispatched to; after acceptance, the owner. */
  @Index()
  @ManyToOne({ entity: () => Organisation, nullable: true })
  assignedOrganisation?: Rel<Organisation> | null;

  /** Who dispatched the ticket last. */
  @ManyToOne({ entity: () => Person, nullable: true })
  dispatcher?: Rel<Person> | null;

  /** The organisation that accepted the ticket and owns it until it is resolved (first receiver owns). */
  @Index()
  @ManyToOne({ entity: () => Organisation, nullable: true })
  ownerOrganisation?: Rel<Organisation> | null;

  @Field(() => Date, { description: 'By when the ticket must be dispatched and accepted (response deadline)' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  responseDueAt!: Date;

  @Field(() => Date, { description: 'By when the ticket must be resolved (reset when an unsatisfied rating reopens it)' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  resolutionDueAt!: Date;

  @Field(() => Date, { nullable: true, description: 'The deadline that applies now; null when nothing is owed' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  dueAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the ticket was last dispatched' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  dispatchedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When an organisation first accepted the ticket (the response)' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  respondedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the current owner accepted the ticket' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  acceptedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the owner resolved the ticket (cleared when it is reopened)' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  resolvedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'What the owner did to resolve the ticket' })
  @Property({ type: 'text', nullable: true })
  resolutionNote?: string | null;

  @Field(() => [String], { description: 'Links to evidence of the resolution' })
  @Property({ type: 'string[]' })
  resolutionEvidenceUrls: string[] & Opt = [];

  @Field(() => DemandRating, { nullable: true, description: 'The resident’s latest rating' })
  @Enum({ items: () => DemandRating, nullable: true, nativeEnumName: 'demand_rating' })
  rating?: DemandRating | null;

  @Field(() => String, { nullable: true, description: 'The resident’s comment with the latest rating' })
  @Property({ type: 'string', length: 500, nullable: true })
  ratingComment?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the resident last rated the ticket' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  ratedAt?: Date | null;

  @Field(() => Int, { description: 'How many times an unsatisfied rating reopened the ticket' })
  @Property({ type: 'integer' })
  reopenedCount: number & Opt = 0;

  @Field(() => String, { nullable: true, description: 'Why a dispatcher rejected the ticket (the resident sees it)' })
  @Property({ type: 'string', length: 500, nullable: true })
  rejectionReason?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the ticket was closed (rated, closed unrated, rejected, merged or converted)' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  closedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the overdue ticket was escalated; null if it never was' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  escalatedAt?: Date | null;

  /** The region whose administrators the overdue ticket was escalated to. */
  @ManyToOne({ entity: () => Region, nullable: true })
  escalatedTo?: Rel<Region> | null;

  /** The ticket this one duplicates (status MERGED). */
  @ManyToOne({ entity: () => DemandTicket, nullable: true })
  mergedInto?: Rel<DemandTicket> | null;

  /**
   * The project need the ticket was turned into. A plain uuid (no foreign key): the needs table
   * belongs to the projects feature, which may be migrated after this one.
   */
  @Property({ type: 'uuid', nullable: true })
  convertedNeedUuid?: string | null;

  @Field(() => Date, { description: 'When the ticket last changed' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date & Opt = new Date();
}

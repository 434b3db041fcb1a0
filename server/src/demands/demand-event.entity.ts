import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { DemandTicket } from './demand-ticket.entity.js';
import { DemandEventAction, DemandRating, DemandStatus } from './demand.enums.js';

/**
 * One step of a ticket's timeline, which the resident follows. Append-only (a trigger in the migration
 * refuses UPDATE and DELETE): what the resident was told stays what they were told.
 */
@ObjectType({ description: 'One step of a demand ticket’s timeline' })
@Entity({ tableName: 'demand_event' })
@Index({ properties: ['ticket', 'createdAt'] })
export class DemandEvent extends BaseEntity {
  @ManyToOne({ entity: () => DemandTicket })
  ticket!: Rel<DemandTicket>;

  /** Who did it; null for what the platform did by itself (closing unrated, escalating). */
  @ManyToOne({ entity: () => Person, nullable: true })
  actor?: Rel<Person> | null;

  /** The organisation the actor acted for, if any. */
  @ManyToOne({ entity: () => Organisation, nullable: true })
  organisation?: Rel<Organisation> | null;

  @Field(() => DemandEventAction, { description: 'What happened' })
  @Enum({ items: () => DemandEventAction, nativeEnumName: 'demand_event_action' })
  action!: DemandEventAction;

  @Field(() => DemandStatus, { description: 'Status of the ticket after the step' })
  @Enum({ items: () => DemandStatus, nativeEnumName: 'demand_status' })
  status!: DemandStatus;

  @Field(() => Int, { description: 'Handling round the step belongs to' })
  @Property({ type: 'integer' })
  round!: number;

  @Field(() => String, { nullable: true, description: 'Note, reason or comment given with the step' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Field(() => DemandRating, { nullable: true, description: 'The rating given, on RATED and REOPENED steps' })
  @Enum({ items: () => DemandRating, nullable: true, nativeEnumName: 'demand_rating' })
  rating?: DemandRating | null;

  @Field(() => [String], { description: 'Links to evidence given with the step' })
  @Property({ type: 'string[]' })
  evidenceUrls: string[] & Opt = [];
}

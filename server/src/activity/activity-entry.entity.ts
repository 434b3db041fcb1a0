import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { Node } from '../common/relay/node.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';

/**
 * The append-only record of who did what, when, on whose behalf: the basis of accountability. A
 * trigger in the migration refuses UPDATE and DELETE, so not even a bug can rewrite history.
 */
@ObjectType({ implements: Node, description: 'One entry of the append-only activity log' })
@Entity({ tableName: 'activity_entry' })
@Index({ properties: ['subjectType', 'subjectUuid'] })
export class ActivityEntry extends BaseEntity {
  @ManyToOne({ entity: () => Person, nullable: true, deleteRule: 'no action' })
  actor?: Rel<Person> | null;

  @ManyToOne({ entity: () => Organisation, nullable: true, deleteRule: 'no action' })
  onBehalfOf?: Rel<Organisation> | null;

  @Field(() => String, { description: 'What happened, e.g. organisation.verified' })
  @Property({ type: 'string', length: 60 })
  action!: string;

  @Field(() => String, { description: 'Type of the object the entry is about' })
  @Property({ type: 'string', length: 40 })
  subjectType!: string;

  @Property({ type: 'uuid' })
  subjectUuid!: string;

  /** The project the entry belongs to, for a project's timeline. */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  projectUuid?: string | null;

  @Property({ type: 'json', nullable: true })
  before?: Record<string, unknown> | null;

  @Property({ type: 'json', nullable: true })
  after?: Record<string, unknown> | null;
}

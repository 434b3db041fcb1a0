import type { Opt, Rel } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { Node } from '../common/relay/node.js';
import { Person } from '../people/person.entity.js';
import { VolunteerActivity } from './volunteer-activity.entity.js';

/**
 * A time slot of a volunteer activity with a number of places. Sign-ups beyond the capacity wait in
 * order; every sign-up change locks this row first, so the capacity holds however many requests arrive
 * at once, on however many server processes.
 */
@ObjectType({ implements: Node, description: 'A shift of a volunteer activity: a time slot with a number of places' })
@Entity({ tableName: 'shift' })
@Check({ name: 'shift_times_ordered', expression: 'ends_at > starts_at' })
@Check({ name: 'shift_capacity_positive', expression: 'capacity > 0' })
export class Shift extends BaseEntity {
  @Index()
  @ManyToOne({ entity: () => VolunteerActivity })
  activity!: Rel<VolunteerActivity>;

  @Field(() => Date, { description: 'When the shift starts' })
  @Index()
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  startsAt!: Date;

  @Field(() => Date, { description: 'When the shift ends' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  endsAt!: Date;

  @Field(() => Int, { description: 'Number of places' })
  @Property({ type: 'integer' })
  capacity!: number;

  @Field(() => [String], { description: 'Skills volunteers should bring, e.g. 急救' })
  @Property({ type: 'string[]' })
  requiredSkills: string[] & Opt = [];

  /** Short code coordinators show at the venue; volunteers enter it to check themselves in. */
  @Property({ type: 'string', length: 8 })
  checkInCode!: string;

  @ManyToOne({ entity: () => Person, nullable: true, deleteRule: 'set null' })
  createdBy?: Rel<Person> | null;
}

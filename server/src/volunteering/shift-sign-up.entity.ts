import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { Node } from '../common/relay/node.js';
import { Person } from '../people/person.entity.js';
import { Shift } from './shift.entity.js';
import { ShiftSignUpStatus } from './volunteering.enums.js';

/**
 * A volunteer's sign-up for a shift. At most one live (not cancelled) sign-up per person and shift; a
 * cancelled one stays as history, and signing up again joins the end of the queue.
 */
@ObjectType({ implements: Node, description: "A volunteer's sign-up for a shift" })
@Entity({ tableName: 'shift_sign_up' })
@Index({
  name: 'shift_sign_up_live_unique',
  expression: `create unique index "shift_sign_up_live_unique" on "shift_sign_up" ("shift_id", "person_id") where "status" <> 'CANCELLED'`,
})
export class ShiftSignUp extends BaseEntity {
  @ManyToOne({ entity: () => Shift })
  shift!: Rel<Shift>;

  @Index()
  @ManyToOne({ entity: () => Person })
  person!: Rel<Person>;

  @Field(() => ShiftSignUpStatus, { description: 'Status of the sign-up' })
  @Enum({ items: () => ShiftSignUpStatus, nativeEnumName: 'shift_sign_up_status' })
  status!: ShiftSignUpStatus;

  /**
   * Sign-up order, drawn from a database sequence at insert time. Inserts happen while the shift row is
   * locked, so this is the order in which sign-ups took the lock: the waitlist order, even when the
   * clock reads the same instant for all of them (or differs between server processes).
   */
  @Property({ type: 'integer', autoincrement: true })
  sequence?: number & Opt;

  @Field(() => Date, { nullable: true, description: 'When the volunteer moved up from the waitlist to a place' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  promotedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the volunteer checked in' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  checkedInAt?: Date | null;

  @ManyToOne({ entity: () => Person, nullable: true, deleteRule: 'set null' })
  checkedInBy?: Rel<Person> | null;

  @Field(() => Date, { nullable: true, description: 'When the sign-up was cancelled' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  cancelledAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When a coordinator recorded attendance (served or no-show)' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  attendanceRecordedAt?: Date | null;

  @ManyToOne({ entity: () => Person, nullable: true, deleteRule: 'set null' })
  attendanceRecordedBy?: Rel<Person> | null;
}

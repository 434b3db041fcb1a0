import type { Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { DecimalScalar } from '../common/scalars/index.js';
import { Node } from '../common/relay/node.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { ShiftSignUp } from './shift-sign-up.entity.js';
import { Shift } from './shift.entity.js';
import { ServiceHoursKind } from './volunteering.enums.js';

/**
 * One line of a volunteer's service-hours ledger. The ledger is append-only (a trigger in the migration
 * refuses UPDATE and DELETE): a mistake is corrected by a CORRECTION entry with a reason, so the record
 * a certificate is printed from can always be traced back to who confirmed what, and when.
 * Totals and points are summed from it in SQL, never stored.
 */
@ObjectType({ implements: Node, description: 'An entry of the append-only service-hours ledger (志愿服务时长)' })
@Entity({ tableName: 'service_hours_entry' })
@Check({ name: 'service_hours_entry_hours_nonzero', expression: 'hours <> 0' })
@Check({ name: 'service_hours_entry_credit_positive', expression: `kind = 'CORRECTION' or hours > 0` })
export class ServiceHoursEntry extends BaseEntity {
  @Index()
  @ManyToOne({ entity: () => Person, deleteRule: 'no action' })
  person!: Rel<Person>;

  @Index()
  @ManyToOne({ entity: () => ShiftSignUp, deleteRule: 'no action' })
  signUp!: Rel<ShiftSignUp>;

  @Index()
  @ManyToOne({ entity: () => Shift, deleteRule: 'no action' })
  shift!: Rel<Shift>;

  /** The organisation that confirmed the hours (the activity's organiser); its points rule applies. */
  @Index()
  @ManyToOne({ entity: () => Organisation, deleteRule: 'no action' })
  organisation!: Rel<Organisation>;

  @Field(() => DecimalScalar, { description: 'Hours credited; negative for a correction that takes hours away' })
  @Property({ type: 'decimal', precision: 6, scale: 2 })
  hours!: string;

  @Field(() => ServiceHoursKind, { description: 'Kind of the entry' })
  @Enum({ items: () => ServiceHoursKind, nativeEnumName: 'service_hours_kind' })
  kind!: ServiceHoursKind;

  @Field(() => String, { nullable: true, description: 'Why the hours differ from the shift length, or why they were corrected' })
  @Property({ type: 'string', length: 500, nullable: true })
  reason?: string | null;

  @ManyToOne({ entity: () => Person, nullable: true, deleteRule: 'no action' })
  verifiedBy?: Rel<Person> | null;

  /** The entry a correction corrects. */
  @ManyToOne({ entity: () => ServiceHoursEntry, nullable: true, deleteRule: 'no action' })
  corrects?: Rel<ServiceHoursEntry> | null;
}

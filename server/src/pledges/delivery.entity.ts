import type { Opt, Rel } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { DateScalar, DecimalScalar } from '../common/scalars/index.js';
import { Node } from '../common/relay/node.js';
import { Person } from '../people/person.entity.js';
import { Pledge } from './pledge.entity.js';

/**
 * A delivery against an accepted pledge, recorded by the pledging organisation and confirmed by the
 * project (the receiver co-confirms). Only confirmed deliveries count towards fulfilment.
 */
@ObjectType({ implements: Node, description: 'A delivery of pledged resources' })
@Entity({ tableName: 'delivery' })
@Check({ name: 'delivery_quantity_positive', expression: 'quantity > 0' })
export class Delivery extends BaseEntity {
  @Index()
  @ManyToOne({ entity: () => Pledge, deleteRule: 'cascade' })
  pledge!: Rel<Pledge>;

  @Field(() => DecimalScalar, { description: "Quantity delivered, in the need's unit" })
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  quantity!: string;

  @Field(() => DateScalar, { description: 'Day of the delivery' })
  @Property({ type: 'date' })
  deliveredOn!: string;

  @Field(() => String, { nullable: true, description: 'Note on the delivery' })
  @Property({ type: 'string', length: 1000, nullable: true })
  note?: string | null;

  @Field(() => [String], { description: 'Links to evidence: receipts, photos, reports' })
  @Property({ type: 'string[]' })
  evidenceUrls: string[] & Opt = [];

  @ManyToOne({ entity: () => Person, nullable: true, deleteRule: 'set null' })
  recordedBy?: Rel<Person> | null;

  @Field(() => Date, { nullable: true, description: 'When the project confirmed receipt; null while unconfirmed' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  confirmedAt?: Date | null;

  @ManyToOne({ entity: () => Person, nullable: true, deleteRule: 'set null' })
  confirmedBy?: Rel<Person> | null;
}

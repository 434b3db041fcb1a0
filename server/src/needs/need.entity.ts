import type { Opt, Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { DateScalar, DecimalScalar } from '../common/scalars/index.js';
import { Node } from '../common/relay/node.js';
import { Person } from '../people/person.entity.js';
import { Project } from '../projects/project.entity.js';
import { NeedKind } from './need.enums.js';

/**
 * Something a project lacks, with an exact quantity. How much is pledged, accepted and delivered is
 * never stored here: it is summed from the pledges in SQL whenever it is read, so it cannot drift.
 */
@ObjectType({ implements: Node, description: 'A resource a project needs, e.g. 50000 yuan or 200 volunteer hours' })
@Entity({ tableName: 'need' })
@Check({ name: 'need_quantity_positive', expression: 'quantity > 0' })
export class Need extends BaseEntity {
  @Index()
  @ManyToOne({ entity: () => Project, deleteRule: 'cascade' })
  project!: Rel<Project>;

  @Field(() => NeedKind, { description: 'Kind of resource' })
  @Index()
  @Enum({ items: () => NeedKind, nativeEnumName: 'need_kind' })
  kind!: NeedKind;

  @Field(() => String, { description: 'What exactly is needed and what for' })
  @Property({ type: 'string', length: 1000 })
  description!: string;

  @Field(() => DecimalScalar, { description: 'Quantity needed, in `unit`' })
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  quantity!: string;

  @Field(() => String, { description: 'Unit of the quantity, e.g. 元, 小时, 台' })
  @Property({ type: 'string', length: 20 })
  unit!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day pledges are welcome' })
  @Property({ type: 'date', nullable: true })
  deadline?: string | null;

  @Field(() => Boolean, { description: 'Indicates whether pledges may add up to more than the quantity' })
  @Property({ type: 'boolean' })
  allowOversubscription: boolean & Opt = false;

  @Field(() => Date, { nullable: true, description: 'When the need was closed to new pledges' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  closedAt?: Date | null;

  @ManyToOne({ entity: () => Person, nullable: true, deleteRule: 'set null' })
  createdBy?: Rel<Person> | null;
}

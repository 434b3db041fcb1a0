import type { Opt, Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { DecimalScalar } from '../common/scalars/index.js';
import { Node } from '../common/relay/node.js';
import { Need } from '../needs/need.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { Project } from '../projects/project.entity.js';
import { PledgeStatus } from './pledge.enums.js';

/**
 * An organisation's promise of part of a need (认领/认捐). `project` repeats the need's project (a need
 * never moves), so ledgers and progress aggregate per project without a join.
 */
@ObjectType({ implements: Node, description: 'A promise by an organisation to provide part of a need (认捐)' })
@Entity({ tableName: 'pledge' })
@Index({ properties: ['need', 'status'] })
@Check({ name: 'pledge_quantity_positive', expression: 'quantity > 0' })
export class Pledge extends BaseEntity {
  @ManyToOne({ entity: () => Need, deleteRule: 'cascade' })
  need!: Rel<Need>;

  @Index()
  @ManyToOne({ entity: () => Project, deleteRule: 'cascade' })
  project!: Rel<Project>;

  /** The pledging organisation. */
  @Index()
  @ManyToOne({ entity: () => Organisation })
  organisation!: Rel<Organisation>;

  @Field(() => DecimalScalar, { description: "Quantity pledged, in the need's unit" })
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  quantity!: string;

  @Field(() => String, { nullable: true, description: 'Note of the pledging organisation' })
  @Property({ type: 'string', length: 1000, nullable: true })
  note?: string | null;

  @Field(() => PledgeStatus, { description: 'Status of the pledge' })
  @Enum({ items: () => PledgeStatus, nativeEnumName: 'pledge_status' })
  status: PledgeStatus & Opt = PledgeStatus.PROPOSED;

  @Field(() => String, { nullable: true, description: 'Note the project gave with its answer' })
  @Property({ type: 'string', length: 1000, nullable: true })
  responseNote?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the project accepted or declined the pledge' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  respondedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When confirmed deliveries first covered the pledge' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  fulfilledAt?: Date | null;

  /** The member who made the pledge on the organisation's behalf. */
  @ManyToOne({ entity: () => Person, nullable: true, deleteRule: 'set null' })
  createdBy?: Rel<Person> | null;

  @ManyToOne({ entity: () => Person, nullable: true, deleteRule: 'set null' })
  respondedBy?: Rel<Person> | null;
}

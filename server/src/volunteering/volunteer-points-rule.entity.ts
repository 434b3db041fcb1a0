import type { Rel } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { DecimalScalar } from '../common/scalars/index.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';

/** Points per hour when no rule applies. */
export const DEFAULT_POINTS_PER_HOUR = '10.00';

/**
 * How many points (积分) an hour of service earns: per organisation, or platform-wide when the
 * organisation is null. Rules are never edited: a new rule takes effect from its `effectiveFrom`, and
 * each ledger entry earns points at the rule in force when its hours were confirmed, so changing the
 * rate never rewrites points already earned.
 */
@ObjectType({ description: 'A rule of how many points an hour of volunteer service earns' })
@Entity({ tableName: 'volunteer_points_rule' })
@Index({ properties: ['organisation', 'effectiveFrom'] })
@Check({ name: 'volunteer_points_rule_nonnegative', expression: 'points_per_hour >= 0' })
export class VolunteerPointsRule extends BaseEntity {
  /** Null for the platform-wide rule. */
  @ManyToOne({ entity: () => Organisation, nullable: true })
  organisation?: Rel<Organisation> | null;

  @Field(() => DecimalScalar, { description: 'Points per hour of service' })
  @Property({ type: 'decimal', precision: 8, scale: 2 })
  pointsPerHour!: string;

  @Field(() => Date, { description: 'Hours confirmed from this instant on earn points at this rate' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  effectiveFrom!: Date;

  @ManyToOne({ entity: () => Person, nullable: true, deleteRule: 'set null' })
  createdBy?: Rel<Person> | null;
}

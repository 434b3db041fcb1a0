import type { Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { Node } from '../common/relay/node.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { MembershipRole } from './membership.enums.js';

/** A person's place in an organisation; acting on an organisation's behalf always requires one. */
@ObjectType({ implements: Node, description: "A person's role in an organisation" })
@Entity({ tableName: 'membership' })
@Unique({ properties: ['person', 'organisation'] })
export class Membership extends BaseEntity {
  @ManyToOne({ entity: () => Person })
  person!: Rel<Person>;

  @Index()
  @ManyToOne({ entity: () => Organisation })
  organisation!: Rel<Organisation>;

  @Field(() => MembershipRole, { description: 'Role of the person in the organisation' })
  @Enum({ items: () => MembershipRole, nativeEnumName: 'membership_role' })
  role!: MembershipRole;
}

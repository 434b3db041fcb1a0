import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { Node } from '../common/relay/node.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Region } from '../regions/region.entity.js';
import { DemocraticParty, PersonTag } from './person.enums.js';

/**
 * A person with an account. Phone, email and address are personal data: they are exposed only through
 * field resolvers that mask them unless the policy lets the viewer see them.
 */
@ObjectType({ implements: Node, description: 'A person with an account: resident, party member, volunteer, worker' })
@Entity({ tableName: 'person' })
export class Person extends BaseEntity {
  @Field(() => String, { description: 'Name of the person' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Index({
    name: 'person_phone_unique',
    expression: 'create unique index "person_phone_unique" on "person" ("phone") where "phone" is not null',
  })
  @Property({ type: 'string', length: 20, nullable: true })
  phone?: string | null;

  @Index({
    name: 'person_email_unique',
    expression: 'create unique index "person_email_unique" on "person" (lower("email")) where "email" is not null',
  })
  @Property({ type: 'string', length: 254, nullable: true })
  email?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  address?: string | null;

  @Property({ type: 'string', length: 200, nullable: true, hidden: true })
  passwordHash?: string | null;

  @Index()
  @ManyToOne({ entity: () => Region, nullable: true })
  residenceRegion?: Rel<Region> | null;

  @Field(() => [PersonTag], { description: 'Tags of the person' })
  @Enum({ items: () => PersonTag, array: true, nativeEnumName: 'person_tag' })
  tags: PersonTag[] & Opt = [];

  @Field(() => [String], { description: 'Skills the person offers, e.g. 法律咨询' })
  @Property({ type: 'string[]' })
  skills: string[] & Opt = [];

  @Field(() => DemocraticParty, { nullable: true, description: 'Democratic party of a democratic-party member' })
  @Enum({ items: () => DemocraticParty, nullable: true, nativeEnumName: 'democratic_party' })
  democraticParty?: DemocraticParty | null;

  /** 双报到: a party member reports to the party organisation of their work unit… */
  @ManyToOne({ entity: () => Organisation, nullable: true })
  partyHomeOrganisation?: Rel<Organisation> | null;

  /** …and to the one of their residence community; both see the member's service record. */
  @ManyToOne({ entity: () => Organisation, nullable: true })
  partyResidenceOrganisation?: Rel<Organisation> | null;

  /** Set when the person deleted their account; personal data is then erased. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  deletedAt?: Date | null;
}

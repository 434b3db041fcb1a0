import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { Node } from '../common/relay/node.js';
import { Person } from '../people/person.entity.js';
import { Region } from '../regions/region.entity.js';
import { DemocraticParty } from '../people/person.enums.js';
import { OrganisationKind, OrganisationSubtype, VerificationStatus } from './organisation.enums.js';

@ObjectType({ implements: Node, description: 'An organisation taking part in co-governance' })
@Entity({ tableName: 'organisation' })
export class Organisation extends BaseEntity {
  @Field(() => String, { description: 'Full name of the organisation' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => OrganisationKind, { description: 'Kind of organisation' })
  @Index()
  @Enum({ items: () => OrganisationKind, nativeEnumName: 'organisation_kind' })
  kind!: OrganisationKind;

  @Field(() => OrganisationSubtype, { nullable: true, description: 'Subtype, where the kind has one' })
  @Enum({ items: () => OrganisationSubtype, nullable: true, nativeEnumName: 'organisation_subtype' })
  subtype?: OrganisationSubtype | null;

  @Field(() => DemocraticParty, { nullable: true, description: 'Which democratic party a DEMOCRATIC_PARTY organisation belongs to' })
  @Enum({ items: () => DemocraticParty, nullable: true, nativeEnumName: 'democratic_party' })
  democraticParty?: DemocraticParty | null;

  @Index()
  @ManyToOne({ entity: () => Region })
  region!: Rel<Region>;

  @Index()
  @ManyToOne({ entity: () => Organisation, nullable: true })
  parent?: Rel<Organisation> | null;

  @Field(() => String, { nullable: true, description: 'Unified social credit code (统一社会信用代码), 18 characters' })
  @Property({ type: 'string', length: 18, nullable: true, unique: true })
  creditCode?: string | null;

  @Field(() => String, { nullable: true, description: 'What the organisation does' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Public contact name (a role or office, not personal data)' })
  @Property({ type: 'string', length: 100, nullable: true })
  contactName?: string | null;

  @Field(() => String, { nullable: true, description: 'Public office telephone of the organisation' })
  @Property({ type: 'string', length: 30, nullable: true })
  contactPhone?: string | null;

  @Field(() => String, { nullable: true, description: 'Office address of the organisation' })
  @Property({ type: 'string', length: 200, nullable: true })
  address?: string | null;

  @Field(() => VerificationStatus, { description: 'Verification by a region administrator' })
  @Enum({ items: () => VerificationStatus, nativeEnumName: 'verification_status' })
  verificationStatus: VerificationStatus & Opt = VerificationStatus.PENDING;

  @Field(() => Date, { nullable: true, description: 'When the organisation was verified or rejected' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  verifiedAt?: Date | null;

  @ManyToOne({ entity: () => Person, nullable: true })
  verifiedBy?: Rel<Person> | null;

  @Field(() => String, { nullable: true, description: 'Reason given when verification was rejected' })
  @Property({ type: 'string', length: 500, nullable: true })
  verificationNote?: string | null;
}

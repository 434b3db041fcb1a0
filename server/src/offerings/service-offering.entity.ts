import { Collection, type Opt, type Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, OneToMany, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { Node } from '../common/relay/node.js';
import { DemandCategory } from '../demands/demand.enums.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { Region } from '../regions/region.entity.js';
import { ServiceOfferingKind } from './service-offering.enums.js';

/**
 * What an organisation (or one of its members, e.g. a democratic-party lawyer) offers residents and
 * projects: an entry of the 服务清单. Matched against demands by category and by the regions served.
 */
@ObjectType({ implements: Node, description: 'A service an organisation offers (服务清单 entry)' })
@Entity({ tableName: 'service_offering' })
export class ServiceOffering extends BaseEntity {
  @Index()
  @ManyToOne({ entity: () => Organisation })
  organisation!: Rel<Organisation>;

  /** The member who personally offers their expertise, if the offering is a person's rather than the whole organisation's. */
  @ManyToOne({ entity: () => Person, nullable: true })
  person?: Rel<Person> | null;

  @Field(() => String, { description: 'Title of the offering, e.g. 社区法律咨询' })
  @Property({ type: 'string', length: 100 })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What is offered, when and how to ask for it' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => DemandCategory, { description: 'Category of demands the offering answers' })
  @Index()
  @Enum({ items: () => DemandCategory, nativeEnumName: 'demand_category' })
  category!: DemandCategory;

  @Field(() => ServiceOfferingKind, { description: 'Kind of help given' })
  @Enum({ items: () => ServiceOfferingKind, nativeEnumName: 'service_offering_kind' })
  kind!: ServiceOfferingKind;

  @Field(() => Boolean, { description: 'Indicates whether the offering is currently available' })
  @Property({ type: 'boolean' })
  active: boolean & Opt = true;

  @Field(() => Date, { description: 'When the offering last changed' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date & Opt = new Date();

  @OneToMany({ entity: () => ServiceOfferingRegion, mappedBy: 'offering' })
  servedRegions = new Collection<ServiceOfferingRegion>(this);
}

/** A region an offering serves: a demand in a grid inside it matches the offering. */
@Entity({ tableName: 'service_offering_region' })
@Unique({ properties: ['offering', 'region'] })
export class ServiceOfferingRegion extends BaseEntity {
  @ManyToOne({ entity: () => ServiceOffering, deleteRule: 'cascade' })
  offering!: Rel<ServiceOffering>;

  @Index()
  @ManyToOne({ entity: () => Region })
  region!: Rel<Region>;
}

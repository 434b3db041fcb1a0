import type { Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { Node } from '../common/relay/node.js';
import { Person } from '../people/person.entity.js';
import { Region } from '../regions/region.entity.js';
import { RegionRoleKind } from './membership.enums.js';

/** A role over a region subtree (REGION_ADMIN, GRID_WORKER) or the whole platform (PLATFORM_ADMIN, no region). */
@ObjectType({ implements: Node, description: 'A role a person holds over a region subtree' })
@Entity({ tableName: 'region_role' })
export class RegionRole extends BaseEntity {
  @Index()
  @ManyToOne({ entity: () => Person })
  person!: Rel<Person>;

  @Field(() => RegionRoleKind, { description: 'Kind of role' })
  @Enum({ items: () => RegionRoleKind, nativeEnumName: 'region_role_kind' })
  role!: RegionRoleKind;

  @ManyToOne({ entity: () => Region, nullable: true })
  region?: Rel<Region> | null;
}

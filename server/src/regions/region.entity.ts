import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { Node } from '../common/relay/node.js';
import { RegionLevel } from './region.enums.js';

/**
 * A node of the administrative tree. `path` is a materialised path of the ancestors' ids and its own
 * ("/a/b/c/"), so "everything in 玉兴街道" is one `path LIKE '/…/玉兴/%'` on a text_pattern_ops index,
 * whatever the depth (ADR 0010).
 */
@ObjectType({ implements: Node, description: 'A region of the administrative tree, from province to micro-grid' })
@Entity({ tableName: 'region' })
export class Region extends BaseEntity {
  @Field(() => String, { description: 'Name of the region, e.g. 玉兴街道' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => RegionLevel, { description: 'Level of the region' })
  @Enum({ items: () => RegionLevel, nativeEnumName: 'region_level' })
  level!: RegionLevel;

  @Field(() => String, { nullable: true, description: '12-digit national division code, where one exists' })
  @Property({ type: 'string', length: 12, nullable: true, unique: true })
  divisionCode?: string | null;

  @Index()
  @ManyToOne(() => Region, { nullable: true })
  parent?: Rel<Region> | null;

  @Index({ name: 'region_path_index', expression: 'create index "region_path_index" on "region" ("path" text_pattern_ops)' })
  @Property({ type: 'text' })
  path!: string & Opt;
}

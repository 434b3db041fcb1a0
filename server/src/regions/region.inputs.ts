import { Field, ID, InputType } from 'type-graphql';
import { RegionLevel } from './region.enums.js';

@InputType({ description: 'Filter of the region list' })
export class RegionFilter {
  @Field(() => ID, { nullable: true, description: 'Only direct children of this region' })
  parentId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only regions inside this region (its whole subtree, itself excluded)' })
  withinId?: string | null;

  @Field(() => RegionLevel, { nullable: true, description: 'Only regions of this level' })
  level?: RegionLevel | null;

  @Field(() => String, { nullable: true, description: 'Only regions whose name contains this text' })
  search?: string | null;
}

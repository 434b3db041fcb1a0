import { Check, Entity, Enum, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { DemandCategory } from './demand.enums.js';

/**
 * Time limits per category (接诉即办). Read when a ticket is submitted, and copied onto it as
 * deadlines, so changing a limit never rewrites the deadlines of tickets already received.
 */
@ObjectType({ description: 'Time limits of a demand category' })
@Entity({ tableName: 'demand_category_policy' })
@Check({ name: 'demand_category_policy_hours_positive', expression: 'response_hours > 0 and resolution_hours >= response_hours' })
export class DemandCategoryPolicy {
  @Field(() => DemandCategory, { description: 'The category' })
  @Enum({ items: () => DemandCategory, nativeEnumName: 'demand_category', primary: true })
  category!: DemandCategory;

  @Field(() => Int, { description: 'Hours from submission within which the ticket must be dispatched and accepted' })
  @Property({ type: 'integer' })
  responseHours!: number;

  @Field(() => Int, { description: 'Hours from submission (or reopening) within which the ticket must be resolved' })
  @Property({ type: 'integer' })
  resolutionHours!: number;
}

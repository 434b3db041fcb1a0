import { Field, ID, InputType } from 'type-graphql';
import { DemandCategory } from '../demands/demand.enums.js';
import { ServiceOfferingKind } from './service-offering.enums.js';

@InputType({ description: 'A new service offering (服务清单 entry) of an organisation' })
export class ServiceOfferingCreateInput {
  @Field(() => ID, { description: 'The verified organisation offering the service' })
  organisationId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The member who personally offers their expertise (e.g. a democratic-party lawyer); omit for the whole organisation',
  })
  personId?: string | null;

  @Field(() => String, { description: 'Title, at most 100 characters' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What is offered, when and how, at most 2000 characters' })
  description?: string | null;

  @Field(() => DemandCategory, { description: 'Category of demands the offering answers' })
  category!: DemandCategory;

  @Field(() => ServiceOfferingKind, { description: 'Kind of help given' })
  kind!: ServiceOfferingKind;

  @Field(() => [ID], { description: 'Regions served (1 to 20); a demand in a grid inside one of them matches' })
  regionIds!: string[];

  @Field(() => Boolean, { nullable: true, description: 'Indicates whether the offering is available now; true by default' })
  active?: boolean | null;
}

@InputType({ description: 'Changes to a service offering: omitted fields stay as they are' })
export class ServiceOfferingUpdateInput {
  @Field(() => ID, { nullable: true, description: 'The member who personally offers it; null makes it the whole organisation’s' })
  personId?: string | null;

  @Field(() => String, { nullable: true, description: 'Title, at most 100 characters' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'What is offered; null clears it' })
  description?: string | null;

  @Field(() => DemandCategory, { nullable: true, description: 'Category of demands the offering answers' })
  category?: DemandCategory | null;

  @Field(() => ServiceOfferingKind, { nullable: true, description: 'Kind of help given' })
  kind?: ServiceOfferingKind | null;

  @Field(() => [ID], { nullable: true, description: 'Regions served (1 to 20), replacing the current ones' })
  regionIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Indicates whether the offering is available now' })
  active?: boolean | null;
}

@InputType({ description: 'Filter of the service offering list; all given conditions must hold' })
export class ServiceOfferingFilter {
  @Field(() => ID, { nullable: true, description: 'Only offerings of this organisation' })
  organisationId?: string | null;

  @Field(() => DemandCategory, { nullable: true, description: 'Only offerings answering this category' })
  category?: DemandCategory | null;

  @Field(() => ServiceOfferingKind, { nullable: true, description: 'Only offerings of this kind' })
  kind?: ServiceOfferingKind | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only offerings serving somewhere in this region: a served region that contains it, is it, or lies inside it',
  })
  regionId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only available offerings; false: only withdrawn ones' })
  active?: boolean | null;
}

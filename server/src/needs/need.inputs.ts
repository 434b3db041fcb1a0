import { Field, ID, InputType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../common/scalars/index.js';
import { NeedKind } from './need.enums.js';

@InputType({ description: 'A new need of a project' })
export class NeedCreateInput {
  @Field(() => ID, { description: 'The project' })
  projectId!: string;

  @Field(() => NeedKind, { description: 'Kind of resource' })
  kind!: NeedKind;

  @Field(() => String, { description: 'What exactly is needed and what for, at most 1000 characters' })
  description!: string;

  @Field(() => DecimalScalar, { description: 'Quantity needed: positive, at most 2 decimals (money in yuan)' })
  quantity!: string;

  @Field(() => String, { description: 'Unit, e.g. 元, 小时, 台; at most 20 characters' })
  unit!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day pledges are welcome; not in the past' })
  deadline?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Allow pledges beyond the quantity (default false)' })
  allowOversubscription?: boolean | null;
}

@InputType({ description: 'Changes to a need; omitted fields stay as they are' })
export class NeedUpdateInput {
  @Field(() => NeedKind, { nullable: true, description: 'New kind; only while nothing is pledged' })
  kind?: NeedKind | null;

  @Field(() => String, { nullable: true, description: 'New description' })
  description?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'New quantity; not below what is pledged unless oversubscription is allowed' })
  quantity?: string | null;

  @Field(() => String, { nullable: true, description: 'New unit; only while nothing is pledged' })
  unit?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'New deadline' })
  deadline?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Allow pledges beyond the quantity' })
  allowOversubscription?: boolean | null;
}

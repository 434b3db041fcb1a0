import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../common/errors/user-error.js';
import { Person } from './person.entity.js';

@ObjectType({ description: 'Result of personUpdate' })
export class PersonUpdatePayload {
  @Field(() => Person, { nullable: true, description: 'The updated person' })
  person?: Person | null;

  @Field(() => [UserError], { description: 'Problems that prevented the update' })
  userErrors!: UserError[];
}

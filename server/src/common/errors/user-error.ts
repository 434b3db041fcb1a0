import { Field, ObjectType } from 'type-graphql';
import { UserErrorCode } from './user-error-code.js';

/** A problem the user can fix, returned as data in a mutation payload (never a top-level error). */
@ObjectType({ description: 'A problem with the input or the state that the user can fix' })
export class UserError {
  @Field(() => UserErrorCode, { description: 'Code of the problem' })
  code!: UserErrorCode;

  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault, e.g. ["input", "phone"]' })
  field?: string[] | null;

  @Field(() => String, { description: 'Explanation for developers, in English; the portal translates the code' })
  message!: string;
}

export function userError(code: UserErrorCode, message: string, field?: string[]): UserError {
  return Object.assign(new UserError(), { code, message, field: field ?? null });
}

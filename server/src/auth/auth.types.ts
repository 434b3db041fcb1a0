import { Field, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../common/errors/user-error.js';
import { Person } from '../people/person.entity.js';
import { ApiToken } from './api-token.entity.js';

@ObjectType({ description: 'The signed-in person and what they may do' })
export class Viewer {
  @Field(() => Person, { description: 'The signed-in person' })
  person!: Person;
}

@InputType({ description: 'Credentials to sign in with' })
export class SignInInput {
  @Field(() => String, { description: 'Mobile number or email of the account' })
  identifier!: string;

  @Field(() => String, { description: 'Password of the account' })
  password!: string;
}

@InputType({ description: 'A new account' })
export class SignUpInput {
  @Field(() => String, { description: 'Name of the person' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Mainland mobile number; a phone or an email is required' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Email address; a phone or an email is required' })
  email?: string | null;

  @Field(() => String, { description: 'Password, at least 8 characters' })
  password!: string;
}

@InputType({ description: 'A password change' })
export class PasswordChangeInput {
  @Field(() => String, { description: 'Current password' })
  currentPassword!: string;

  @Field(() => String, { description: 'New password, at least 8 characters' })
  newPassword!: string;
}

@InputType({ description: 'A new personal API token' })
export class ApiTokenCreateInput {
  @Field(() => String, { description: 'Name of the token, e.g. the integration that will use it' })
  name!: string;
}

@ObjectType({ description: 'Result of signIn' })
export class SignInPayload {
  @Field(() => Viewer, { nullable: true, description: 'The signed-in viewer' })
  viewer?: Viewer | null;

  @Field(() => [UserError], { description: 'Problems that prevented signing in' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of signUp' })
export class SignUpPayload {
  @Field(() => Viewer, { nullable: true, description: 'The new, signed-in viewer' })
  viewer?: Viewer | null;

  @Field(() => [UserError], { description: 'Problems that prevented the registration' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of signOut' })
export class SignOutPayload {
  @Field(() => [UserError], { description: 'Problems that prevented signing out' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of passwordChange' })
export class PasswordChangePayload {
  @Field(() => Viewer, { nullable: true, description: 'The viewer' })
  viewer?: Viewer | null;

  @Field(() => [UserError], { description: 'Problems that prevented the change' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of apiTokenCreate' })
export class ApiTokenCreatePayload {
  @Field(() => ApiToken, { nullable: true, description: 'The new token' })
  apiToken?: ApiToken | null;

  @Field(() => String, { nullable: true, description: 'The secret to send as `Authorization: Bearer …`; shown only now' })
  secret?: string | null;

  @Field(() => [UserError], { description: 'Problems that prevented creating the token' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of apiTokenRevoke' })
export class ApiTokenRevokePayload {
  @Field(() => ApiToken, { nullable: true, description: 'The revoked token' })
  apiToken?: ApiToken | null;

  @Field(() => [UserError], { description: 'Problems that prevented revoking the token' })
  userErrors!: UserError[];
}

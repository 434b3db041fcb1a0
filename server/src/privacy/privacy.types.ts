import { Field, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../common/errors/user-error.js';

@ObjectType({ description: 'Result of viewerDataExport: everything the platform holds about the viewer (PIPL)' })
export class ViewerDataExportPayload {
  @Field(() => String, { nullable: true, description: 'Suggested file name for the download, e.g. gongzhi-personal-data-2026-11-21.json' })
  fileName?: string | null;

  @Field(() => String, { nullable: true, description: 'The data as a JSON document' })
  json?: string | null;

  @Field(() => [UserError], { description: 'Problems that prevented the export' })
  userErrors!: UserError[];
}

@InputType({ description: 'Confirmation of an account deletion' })
export class ViewerDeleteInput {
  @Field(() => String, { description: 'Current password, to confirm' })
  password!: string;
}

@ObjectType({ description: 'Result of viewerDelete' })
export class ViewerDeletePayload {
  @Field(() => Boolean, { description: 'Indicates whether the account was deleted (and the viewer signed out)' })
  deleted!: boolean;

  @Field(() => [UserError], { description: 'Problems that prevented the deletion' })
  userErrors!: UserError[];
}

import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../common/errors/user-error.js';
import { Project } from './project.entity.js';

@ObjectType({ description: 'Result of projectCreate' })
export class ProjectCreatePayload {
  @Field(() => Project, { nullable: true, description: 'The new project' })
  project?: Project | null;

  @Field(() => [UserError], { description: 'Problems that prevented creating the project' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of projectUpdate' })
export class ProjectUpdatePayload {
  @Field(() => Project, { nullable: true, description: 'The updated project' })
  project?: Project | null;

  @Field(() => [UserError], { description: 'Problems that prevented the update' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of projectTransition' })
export class ProjectTransitionPayload {
  @Field(() => Project, { nullable: true, description: 'The project in its new status' })
  project?: Project | null;

  @Field(() => [UserError], { description: 'Problems that prevented the move' })
  userErrors!: UserError[];
}

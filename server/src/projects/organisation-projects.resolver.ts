import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { ConnectionArgs } from '../common/relay/connection.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { listProjects } from './project-list.js';
import { ProjectConnection } from './project.connection.js';
import { ProjectFilter, ProjectOrder } from './project.inputs.js';

@Resolver(() => Organisation)
export class OrganisationProjectsResolver {
  @FieldResolver(() => ProjectConnection, {
    description:
      'Projects the organisation leads or is an accepted partner of, among those you may see; `filter.organisationId` is ignored',
  })
  projects(
    @Root() organisation: Organisation,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => ProjectFilter, { nullable: true, description: 'Which items to list' }) filter: ProjectFilter | null,
    @Arg('orderBy', () => ProjectOrder, { nullable: true, description: 'Ordering; newest first by default' }) orderBy: ProjectOrder | null,
    @Ctx() ctx: Context,
  ) {
    return listProjects(ctx, { ...filter, organisationId: organisation.id }, orderBy, page);
  }
}

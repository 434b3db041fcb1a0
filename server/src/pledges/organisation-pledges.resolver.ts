import { raw, type FilterQuery } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { withPrecompiledNodes } from '../common/lookahead/precompiled.js';
import { ConnectionArgs, paginate } from '../common/relay/connection.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { readableProjectsCondition } from '../policy/policy.js';
import { PledgeConnection } from './pledge.connection.js';
import { Pledge } from './pledge.entity.js';
import { PledgeFilter } from './pledge.inputs.js';

/** "Our organisation's pledges": every pledge it made, across the projects the viewer may see. */
@Resolver(() => Organisation)
export class OrganisationPledgesResolver {
  @FieldResolver(() => PledgeConnection, { description: 'Pledges the organisation made, newest first, in projects you may see' })
  async pledges(
    @Root() organisation: Organisation,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => PledgeFilter, { nullable: true, description: 'Which items to list' }) filter: PledgeFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const actor = await ctx.actor();
    const readable = readableProjectsCondition(actor, 'project');
    const where: FilterQuery<Pledge>[] = [
      { organisation: organisation.uuid },
      {
        [raw((alias: string) => `${alias}.project_id in (select project.id from project where ${readable.sql})`, readable.params)]: [],
      } as FilterQuery<Pledge>,
    ];
    if (filter?.status?.length) {
      where.push({ status: { $in: filter.status } });
    }
    return withPrecompiledNodes(
      ctx,
      info,
      'pledge',
      await paginate(ctx.em, Pledge, { $and: where }, { createdAt: 'desc', uuid: 'desc' }, page),
    );
  }
}

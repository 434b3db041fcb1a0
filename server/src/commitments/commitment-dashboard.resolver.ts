import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { uuidOf } from '../common/relay/global-id.js';
import { OrganisationKind } from '../organisations/organisation.enums.js';
import { can } from '../policy/policy.js';
import { viewerPlaces } from './commitment-access.js';
import { commitmentDashboard } from './commitment-dashboard.js';
import { CommitmentDashboard } from './commitment-dashboard.types.js';

@Resolver(() => CommitmentDashboard)
export class CommitmentDashboardResolver {
  @Query(() => CommitmentDashboard, {
    nullable: true,
    description:
      "A Party organisation's commitment figures (and, for a party committee, those of every Party organisation in its region subtree); " +
      'null unless you are its member, sit on a party committee above it, or administer its region',
  })
  async commitmentDashboard(
    @Arg('organisationId', () => ID, { description: 'The Party organisation' }) organisationId: string,
    @Ctx() ctx: Context,
  ): Promise<CommitmentDashboard | null> {
    const uuid = uuidOf(organisationId, 'Organisation');
    const organisation = uuid ? await ctx.loaders.organisations.byUuid.load(uuid) : undefined;
    if (!organisation || organisation.kind !== OrganisationKind.PARTY_ORGANISATION) {
      return null;
    }
    const region = (await ctx.loaders.regions.byUuid.load(organisation.region.uuid))!;
    const allowed = can(await ctx.actor(), 'commitment.readDashboard', {
      organisation: { uuid: organisation.uuid, regionPath: region.path },
      viewer: await viewerPlaces(ctx),
    });
    return allowed ? commitmentDashboard(ctx, organisation) : null;
  }
}

import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { uuidOf } from '../common/relay/global-id.js';
import { Need } from '../needs/need.entity.js';
import { ServiceOffering } from '../offerings/service-offering.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Project } from '../projects/project.entity.js';
import { Region } from '../regions/region.entity.js';
import { DemandMatch } from './demand-matches.types.js';
import { findDemandMatches } from './demand-matches.service.js';
import { canSeeDemand } from './demand-privacy.js';
import { DemandTicket } from './demand-ticket.entity.js';
import { demandFacts } from './demand.facts.js';

/**
 * Where a ticket could go: the 服务清单 and the partner projects. Projects and needs are the projects
 * feature's types; only recruiting and active (public) projects are suggested.
 */
@Resolver(() => DemandMatch)
export class DemandMatchResolver {
  @Authorized()
  @Query(() => [DemandMatch], {
    description:
      'Organisations suggested for a ticket: service offerings of its category covering its grid (most local first), ' +
      'then open needs of partner projects serving its grid; empty for an unknown ticket',
  })
  async demandMatches(
    @Arg('demandId', () => ID, { description: 'The demand ticket' }) demandId: string,
    @Ctx() ctx: Context,
  ): Promise<DemandMatch[]> {
    const uuid = uuidOf(demandId, 'DemandTicket');
    const ticket = uuid ? await ctx.loaders.demands.byUuid.load(uuid) : undefined;
    if (!ticket || !(await canSeeDemand(ctx, ticket))) {
      return [];
    }
    return findDemandMatches(ctx.em, ticket.category, (await demandFacts(ctx, ticket)).gridPath);
  }

  @FieldResolver(() => Organisation, { description: 'The suggested organisation (the offering’s, or the project’s lead)' })
  async organisation(@Root() match: DemandMatch, @Ctx() ctx: Context): Promise<Organisation> {
    return (await ctx.loaders.organisations.byUuid.load(match.organisationUuid))!;
  }

  @FieldResolver(() => Region, { description: 'The most specific served region that contains the ticket’s grid' })
  async coveringRegion(@Root() match: DemandMatch, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.regions.byUuid.load(match.coveringRegionUuid))!;
  }

  @FieldResolver(() => ServiceOffering, { nullable: true, description: 'The matching service offering (SERVICE_OFFERING)' })
  serviceOffering(@Root() match: DemandMatch, @Ctx() ctx: Context): Promise<ServiceOffering | undefined> | null {
    return match.offeringUuid ? ctx.loaders.offerings.byUuid.load(match.offeringUuid) : null;
  }

  @FieldResolver(() => Project, { nullable: true, description: 'The partner project with an open need (PROJECT_NEED)' })
  project(@Root() match: DemandMatch, @Ctx() ctx: Context): Promise<Project | undefined> | null {
    return match.projectUuid ? ctx.loaders.projects.byUuid.load(match.projectUuid) : null;
  }

  @FieldResolver(() => Need, { nullable: true, description: 'The open need the ticket could be turned into (PROJECT_NEED)' })
  need(@Root() match: DemandMatch, @Ctx() ctx: Context): Promise<Need | undefined> | null {
    return match.needUuid ? ctx.loaders.needs.byUuid.load(match.needUuid) : null;
  }
}

@Resolver(() => DemandTicket)
export class DemandNeedResolver {
  @FieldResolver(() => Need, { nullable: true, description: 'The partner project need the ticket was turned into (CONVERTED_TO_NEED)' })
  convertedNeed(@Root() ticket: DemandTicket, @Ctx() ctx: Context): Promise<Need | undefined> | null {
    return ticket.convertedNeedUuid ? ctx.loaders.needs.byUuid.load(ticket.convertedNeedUuid) : null;
  }
}

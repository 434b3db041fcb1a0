import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { ActivityEntryConnection } from '../activity/activity.connection.js';
import { projectTimeline } from '../activity/project-timeline.js';
import { toPayload } from '../common/errors/result.js';
import { populatedOr } from '../common/loaders/populated.js';
import { withPrecompiledNodes, withPrecompiledObject } from '../common/lookahead/precompiled.js';
import { connectionFromArray, ConnectionArgs } from '../common/relay/connection.js';
import { uuidOf } from '../common/relay/global-id.js';
import { registerNodeType } from '../common/relay/node-registry.js';
import { chinaDay } from '../common/time/china-day.js';
import { DeliverableConnection } from '../deliverables/deliverable.connection.js';
import { NeedConnection } from '../needs/need.connection.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { OrganisationKind } from '../organisations/organisation.enums.js';
import { ProjectPartnerConnection } from '../partners/project-partner.connection.js';
import { LIVE_PARTNER_STATUSES, ProjectPartnerRole, ProjectPartnerStatus } from '../partners/project-partner.enums.js';
import { ProjectPartnerFilter } from '../partners/project-partner.inputs.js';
import { can } from '../policy/policy.js';
import { Region } from '../regions/region.entity.js';
import { canRead, projectFacts, readableProject } from './project-access.js';
import { listProjects } from './project-list.js';
import { acceptsPledges, isOpen } from './project-status.js';
import { ProjectConnection } from './project.connection.js';
import { Project } from './project.entity.js';
import { ProjectCreateInput, ProjectFilter, ProjectOrder, ProjectTransitionInput, ProjectUpdateInput } from './project.inputs.js';
import { ProjectCreatePayload, ProjectTransitionPayload, ProjectUpdatePayload } from './project.payloads.js';
import { projectCreate, projectTransition, projectUpdate } from './project.service.js';
import { ProjectCompositionEntry, ProjectProgress } from './project.types.js';

registerNodeType('Project', {
  load: (ctx, uuid) => ctx.loaders.projects.byUuid.load(uuid),
  canRead: (ctx, project) => canRead(ctx, project as Project),
});

const ROLE_ORDER = Object.values(ProjectPartnerRole);
const KIND_ORDER = Object.values(OrganisationKind);

@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => Project, {
    nullable: true,
    description: 'A partner project by id; null when it does not exist or is a draft you may not see',
  })
  async project(
    @Arg('id', () => ID, { description: 'Global id of the project' }) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Project | object | null> {
    return withPrecompiledObject(ctx, info, 'project', (await readableProject(ctx, uuidOf(id, 'Project'))) ?? null);
  }

  @Query(() => ProjectConnection, { description: 'Partner projects you may see, filtered and ordered (newest first by default)' })
  async projects(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => ProjectFilter, { nullable: true, description: 'Which items to list' }) filter: ProjectFilter | null,
    @Arg('orderBy', () => ProjectOrder, { nullable: true, description: 'Ordering; newest first by default' }) orderBy: ProjectOrder | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    // The page's whole sub-tree in one more statement when its selection compiles (`common/lookahead`).
    return withPrecompiledNodes(ctx, info, 'project', await listProjects(ctx, filter, orderBy, page));
  }

  @Authorized()
  @Mutation(() => ProjectCreatePayload, { description: 'Starts a partner project led by a verified Party organisation' })
  async projectCreate(
    @Arg('input', () => ProjectCreateInput, { description: 'The new project' }) input: ProjectCreateInput,
    @Ctx() ctx: Context,
  ): Promise<ProjectCreatePayload> {
    return toPayload(ProjectCreatePayload, await projectCreate(ctx, input), 'project');
  }

  @Authorized()
  @Mutation(() => ProjectUpdatePayload, { description: 'Edits a project (coordinators only)' })
  async projectUpdate(
    @Arg('id', () => ID, { description: 'Global id of the project to edit' }) id: string,
    @Arg('input', () => ProjectUpdateInput, { description: 'The changes' }) input: ProjectUpdateInput,
    @Ctx() ctx: Context,
  ): Promise<ProjectUpdatePayload> {
    return toPayload(ProjectUpdatePayload, await projectUpdate(ctx, id, input), 'project');
  }

  @Authorized()
  @Mutation(() => ProjectTransitionPayload, {
    description: 'Moves a project along DRAFT → RECRUITING → ACTIVE → COMPLETED, or to CANCELLED',
  })
  async projectTransition(
    @Arg('id', () => ID, { description: 'Global id of the project to move' }) id: string,
    @Arg('input', () => ProjectTransitionInput, { description: 'The status to move to' }) input: ProjectTransitionInput,
    @Ctx() ctx: Context,
  ): Promise<ProjectTransitionPayload> {
    return toPayload(ProjectTransitionPayload, await projectTransition(ctx, id, input), 'project');
  }

  @FieldResolver(() => Organisation, { description: 'The lead Party organisation, the core of the project' })
  async leadOrganisation(@Root() project: Project, @Ctx() ctx: Context): Promise<Organisation> {
    // The lead holds the CORE place: the partners query (with their organisations) brings it along.
    const places = await ctx.loaders.partners.byProject.load(project.uuid);
    const core = places.find(
      (place) => place.role === ProjectPartnerRole.CORE && place.organisation.uuid === project.leadOrganisation.uuid,
    );
    return populatedOr(core?.organisation ?? project.leadOrganisation, ctx.loaders.organisations.byUuid);
  }

  @FieldResolver(() => [Region], { description: 'Regions the project serves' })
  async regions(@Root() project: Project, @Ctx() ctx: Context): Promise<Region[]> {
    const links = await ctx.loaders.projects.regionsByProject.load(project.uuid);
    return Promise.all(links.map((link) => populatedOr(link.region, ctx.loaders.regions.byUuid)));
  }

  @FieldResolver(() => ProjectPartnerConnection, { description: 'Places of organisations in the project: the core first, then by role' })
  async partners(
    @Root() project: Project,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => ProjectPartnerFilter, { nullable: true, description: 'Which places to list' }) filter: ProjectPartnerFilter | null,
    @Ctx() ctx: Context,
  ) {
    const places = await ctx.loaders.partners.byProject.load(project.uuid);
    const shown = places
      .filter((place) => !filter?.status || place.status === filter.status)
      .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
    return connectionFromArray(shown, page, (place) => place.id);
  }

  @FieldResolver(() => NeedConnection, { description: 'Needs of the project, oldest first' })
  async needs(@Root() project: Project, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() ctx: Context) {
    return connectionFromArray(await ctx.loaders.needs.byProject.load(project.uuid), page, (need) => need.id);
  }

  @FieldResolver(() => DeliverableConnection, { description: 'Shared deliverables of the project, by due date' })
  async deliverables(@Root() project: Project, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() ctx: Context) {
    return connectionFromArray(await ctx.loaders.deliverables.byProject.load(project.uuid), page, (deliverable) => deliverable.id);
  }

  @FieldResolver(() => ActivityEntryConnection, { description: 'Timeline of the project: every change, newest first' })
  activity(@Root() project: Project, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() ctx: Context) {
    return projectTimeline(ctx, project.uuid, page);
  }

  @FieldResolver(() => ProjectProgress, { description: 'Progress of the project, computed from its needs, pledges and deliverables' })
  async progress(@Root() project: Project, @Ctx() ctx: Context): Promise<ProjectProgress> {
    const { openDueDays, ...counts } = await ctx.loaders.projects.progress.load(project.uuid);
    const today = chinaDay(ctx.clock.now());
    return Object.assign(new ProjectProgress(), counts, { deliverablesOverdue: openDueDays.filter((day) => day < today).length });
  }

  @FieldResolver(() => [ProjectCompositionEntry], {
    description: 'Accepted partners by organisation kind (一核多元), the core included; kinds without partners are left out',
  })
  async composition(@Root() project: Project, @Ctx() ctx: Context): Promise<ProjectCompositionEntry[]> {
    const places = (await ctx.loaders.partners.byProject.load(project.uuid)).filter(
      (place) => place.status === ProjectPartnerStatus.ACCEPTED,
    );
    const organisations = await Promise.all(places.map((place) => populatedOr(place.organisation, ctx.loaders.organisations.byUuid)));
    const counts = new Map<OrganisationKind, number>();
    for (const organisation of organisations) {
      counts.set(organisation.kind, (counts.get(organisation.kind) ?? 0) + 1);
    }
    return KIND_ORDER.filter((kind) => counts.has(kind)).map((kind) =>
      Object.assign(new ProjectCompositionEntry(), { kind, count: counts.get(kind) }),
    );
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether the viewer may edit the project and change its status' })
  async viewerCanUpdate(@Root() project: Project, @Ctx() ctx: Context): Promise<boolean> {
    return isOpen(project.status) && can(await ctx.actor(), 'project.coordinate', await projectFacts(ctx, project));
  }

  @FieldResolver(() => Boolean, {
    description: 'Indicates whether the viewer coordinates the project: invites partners, manages needs and deliverables, answers pledges',
  })
  async viewerCanCoordinate(@Root() project: Project, @Ctx() ctx: Context): Promise<boolean> {
    return can(await ctx.actor(), 'project.coordinate', await projectFacts(ctx, project));
  }

  @FieldResolver(() => Boolean, {
    description:
      'Indicates whether the viewer could apply to join for one of their organisations (the project must be recruiting or active)',
  })
  async viewerCanApply(@Root() project: Project, @Ctx() ctx: Context): Promise<boolean> {
    const actor = await ctx.actor();
    if (!actor || !acceptsPledges(project.status)) {
      return false;
    }
    const facts = await projectFacts(ctx, project);
    const placed = new Set(
      facts.partners.filter((place) => LIVE_PARTNER_STATUSES.includes(place.status)).map((place) => place.organisationUuid),
    );
    return [...actor.memberships.keys()].some(
      (organisationUuid) =>
        !placed.has(organisationUuid) &&
        can(actor, 'projectPartner.apply', { project: facts, organisationUuid, status: ProjectPartnerStatus.APPLIED }),
    );
  }
}

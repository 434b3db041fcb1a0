import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { toPayload } from '../common/errors/result.js';
import { populatedOr } from '../common/loaders/populated.js';
import { registerNodeType } from '../common/relay/node-registry.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { can } from '../policy/policy.js';
import { canRead, projectFacts } from '../projects/project-access.js';
import { Project } from '../projects/project.entity.js';
import { isOpen } from '../projects/project-status.js';
import { ProjectPartner } from './project-partner.entity.js';
import { LIVE_PARTNER_STATUSES, ProjectPartnerRole } from './project-partner.enums.js';
import { ProjectPartnerApplyInput, ProjectPartnerInviteInput, ProjectPartnerRespondInput } from './project-partner.inputs.js';
import {
  ProjectPartnerApplyPayload,
  ProjectPartnerInvitePayload,
  ProjectPartnerRespondPayload,
  ProjectPartnerWithdrawPayload,
} from './project-partner.payloads.js';
import { projectPartnerApply, projectPartnerInvite, projectPartnerRespond, projectPartnerWithdraw } from './project-partner.service.js';

async function projectOf(ctx: Context, place: ProjectPartner): Promise<Project> {
  return (await ctx.loaders.projects.byUuid.load(place.project.uuid))!;
}

// A place is visible to whoever may read its project.
registerNodeType('ProjectPartner', {
  load: (ctx, uuid) => ctx.loaders.partners.byUuid.load(uuid),
  canRead: async (ctx, place) => canRead(ctx, await projectOf(ctx, place as ProjectPartner)),
});

async function placeFacts(ctx: Context, place: ProjectPartner) {
  const project = await projectOf(ctx, place);
  return { project, facts: { project: await projectFacts(ctx, project), organisationUuid: place.organisation.uuid, status: place.status } };
}

@Resolver(() => ProjectPartner)
export class ProjectPartnerResolver {
  @Authorized()
  @Mutation(() => ProjectPartnerInvitePayload, { description: 'Invites a verified organisation to a project (coordinators only)' })
  async projectPartnerInvite(
    @Arg('input', () => ProjectPartnerInviteInput, { description: 'The invitation' }) input: ProjectPartnerInviteInput,
    @Ctx() ctx: Context,
  ): Promise<ProjectPartnerInvitePayload> {
    return toPayload(ProjectPartnerInvitePayload, await projectPartnerInvite(ctx, input), 'projectPartner');
  }

  @Authorized()
  @Mutation(() => ProjectPartnerApplyPayload, { description: 'Applies for one of your organisations to join a project' })
  async projectPartnerApply(
    @Arg('input', () => ProjectPartnerApplyInput, { description: 'The application' }) input: ProjectPartnerApplyInput,
    @Ctx() ctx: Context,
  ): Promise<ProjectPartnerApplyPayload> {
    return toPayload(ProjectPartnerApplyPayload, await projectPartnerApply(ctx, input), 'projectPartner');
  }

  @Authorized()
  @Mutation(() => ProjectPartnerRespondPayload, {
    description: 'Accepts or declines an invitation (the invited organisation) or an application (the coordinators)',
  })
  async projectPartnerRespond(
    @Arg('id', () => ID, { description: 'Global id of the invitation or application' }) id: string,
    @Arg('input', () => ProjectPartnerRespondInput, { description: 'The answer' }) input: ProjectPartnerRespondInput,
    @Ctx() ctx: Context,
  ): Promise<ProjectPartnerRespondPayload> {
    return toPayload(ProjectPartnerRespondPayload, await projectPartnerRespond(ctx, id, input), 'projectPartner');
  }

  @Authorized()
  @Mutation(() => ProjectPartnerWithdrawPayload, { description: "Withdraws an organisation's place (or revokes an invitation)" })
  async projectPartnerWithdraw(
    @Arg('id', () => ID, { description: 'Global id of the place to withdraw' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<ProjectPartnerWithdrawPayload> {
    return toPayload(ProjectPartnerWithdrawPayload, await projectPartnerWithdraw(ctx, id), 'projectPartner');
  }

  @FieldResolver(() => Organisation, { description: 'The organisation' })
  organisation(@Root() place: ProjectPartner, @Ctx() ctx: Context): Promise<Organisation> {
    return populatedOr(place.organisation, ctx.loaders.organisations.byUuid);
  }

  @FieldResolver(() => Project, { description: 'The project' })
  project(@Root() place: ProjectPartner, @Ctx() ctx: Context): Promise<Project> {
    return projectOf(ctx, place);
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether the viewer may accept or decline this invitation or application' })
  async viewerCanRespond(@Root() place: ProjectPartner, @Ctx() ctx: Context): Promise<boolean> {
    const { project, facts } = await placeFacts(ctx, place);
    return isOpen(project.status) && can(await ctx.actor(), 'projectPartner.respond', facts);
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether the viewer may withdraw this place' })
  async viewerCanWithdraw(@Root() place: ProjectPartner, @Ctx() ctx: Context): Promise<boolean> {
    if (place.role === ProjectPartnerRole.CORE || !LIVE_PARTNER_STATUSES.includes(place.status)) {
      return false;
    }
    return can(await ctx.actor(), 'projectPartner.withdraw', (await placeFacts(ctx, place)).facts);
  }
}

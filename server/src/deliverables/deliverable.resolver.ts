import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { toPayload } from '../common/errors/result.js';
import { populatedOr } from '../common/loaders/populated.js';
import { registerNodeType } from '../common/relay/node-registry.js';
import { chinaDay } from '../common/time/china-day.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Pledge } from '../pledges/pledge.entity.js';
import { can, type DeliverableFacts } from '../policy/policy.js';
import { canRead, projectFacts } from '../projects/project-access.js';
import { Project } from '../projects/project.entity.js';
import { acceptsPledges, isOpen } from '../projects/project-status.js';
import { isOverdue } from './deliverable-status.js';
import { Deliverable } from './deliverable.entity.js';
import { DeliverableStatus } from './deliverable.enums.js';
import { DeliverableCreateInput, DeliverableTransitionInput, DeliverableUpdateInput } from './deliverable.inputs.js';
import { DeliverableCreatePayload, DeliverableTransitionPayload, DeliverableUpdatePayload } from './deliverable.payloads.js';
import { deliverableCreate, deliverableTransition, deliverableUpdate } from './deliverable.service.js';

async function projectOf(ctx: Context, deliverable: Deliverable): Promise<Project> {
  return (await ctx.loaders.projects.byUuid.load(deliverable.project.uuid))!;
}

async function deliverableFacts(ctx: Context, deliverable: Deliverable): Promise<{ project: Project; facts: DeliverableFacts }> {
  const project = await projectOf(ctx, deliverable);
  const owners = await ctx.loaders.deliverables.ownersByDeliverable.load(deliverable.uuid);
  return { project, facts: { project: await projectFacts(ctx, project), ownerUuids: owners.map((owner) => owner.organisation.uuid) } };
}

registerNodeType('Deliverable', {
  load: (ctx, uuid) => ctx.loaders.deliverables.byUuid.load(uuid),
  canRead: async (ctx, deliverable) => canRead(ctx, await projectOf(ctx, deliverable as Deliverable)),
});

@Resolver(() => Deliverable)
export class DeliverableResolver {
  @Authorized()
  @Mutation(() => DeliverableCreatePayload, { description: 'Plans a shared deliverable owned by accepted partners (coordinators only)' })
  async deliverableCreate(
    @Arg('input', () => DeliverableCreateInput, { description: 'The new deliverable' }) input: DeliverableCreateInput,
    @Ctx() ctx: Context,
  ): Promise<DeliverableCreatePayload> {
    return toPayload(DeliverableCreatePayload, await deliverableCreate(ctx, input), 'deliverable');
  }

  @Authorized()
  @Mutation(() => DeliverableUpdatePayload, { description: "Edits a deliverable (its owners' members and the coordinators)" })
  async deliverableUpdate(
    @Arg('id', () => ID, { description: 'Global id of the deliverable to edit' }) id: string,
    @Arg('input', () => DeliverableUpdateInput, { description: 'The changes' }) input: DeliverableUpdateInput,
    @Ctx() ctx: Context,
  ): Promise<DeliverableUpdatePayload> {
    return toPayload(DeliverableUpdatePayload, await deliverableUpdate(ctx, id, input), 'deliverable');
  }

  @Authorized()
  @Mutation(() => DeliverableTransitionPayload, {
    description: 'Moves a deliverable: PLANNED → IN_PROGRESS → SUBMITTED → ACCEPTED, or SUBMITTED → IN_PROGRESS with a reason',
  })
  async deliverableTransition(
    @Arg('id', () => ID, { description: 'Global id of the deliverable to move' }) id: string,
    @Arg('input', () => DeliverableTransitionInput, { description: 'The move' }) input: DeliverableTransitionInput,
    @Ctx() ctx: Context,
  ): Promise<DeliverableTransitionPayload> {
    return toPayload(DeliverableTransitionPayload, await deliverableTransition(ctx, id, input), 'deliverable');
  }

  @FieldResolver(() => Project, { description: 'The project' })
  project(@Root() deliverable: Deliverable, @Ctx() ctx: Context): Promise<Project> {
    return projectOf(ctx, deliverable);
  }

  @FieldResolver(() => [Organisation], { description: 'Organisations that own the deliverable' })
  async owners(@Root() deliverable: Deliverable, @Ctx() ctx: Context): Promise<Organisation[]> {
    const links = await ctx.loaders.deliverables.ownersByDeliverable.load(deliverable.uuid);
    return Promise.all(links.map((link) => populatedOr(link.organisation, ctx.loaders.organisations.byUuid)));
  }

  @FieldResolver(() => [Pledge], { description: 'Pledges whose resources feed the deliverable' })
  async pledges(@Root() deliverable: Deliverable, @Ctx() ctx: Context): Promise<Pledge[]> {
    const links = await ctx.loaders.deliverables.pledgesByDeliverable.load(deliverable.uuid);
    return Promise.all(links.map((link) => populatedOr(link.pledge, ctx.loaders.pledges.byUuid)));
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether the due day has passed (in China) and the deliverable is not accepted' })
  overdue(@Root() deliverable: Deliverable, @Ctx() ctx: Context): boolean {
    return isOverdue(deliverable.status, deliverable.dueOn, chinaDay(ctx.clock.now()));
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether the viewer may edit the deliverable and start or submit it' })
  async viewerCanUpdate(@Root() deliverable: Deliverable, @Ctx() ctx: Context): Promise<boolean> {
    const { project, facts } = await deliverableFacts(ctx, deliverable);
    return deliverable.status !== DeliverableStatus.ACCEPTED && isOpen(project.status) && can(await ctx.actor(), 'deliverable.edit', facts);
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether the viewer may accept the submitted deliverable or send it back' })
  async viewerCanReview(@Root() deliverable: Deliverable, @Ctx() ctx: Context): Promise<boolean> {
    const { project, facts } = await deliverableFacts(ctx, deliverable);
    return (
      deliverable.status === DeliverableStatus.SUBMITTED &&
      acceptsPledges(project.status) &&
      can(await ctx.actor(), 'deliverable.review', facts)
    );
  }
}

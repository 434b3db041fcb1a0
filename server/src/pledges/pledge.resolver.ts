import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { toPayload } from '../common/errors/result.js';
import { populatedOr } from '../common/loaders/populated.js';
import { registerNodeType } from '../common/relay/node-registry.js';
import { DecimalScalar } from '../common/scalars/index.js';
import { Need } from '../needs/need.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { can, type PledgeFacts } from '../policy/policy.js';
import { canRead, projectFacts } from '../projects/project-access.js';
import { Project } from '../projects/project.entity.js';
import { acceptsPledges, isOpen } from '../projects/project-status.js';
import { visiblePerson } from '../projects/visible-person.js';
import { Delivery } from './delivery.entity.js';
import { deliveryConfirm, deliveryRecord } from './delivery.service.js';
import { Pledge } from './pledge.entity.js';
import { PledgeStatus } from './pledge.enums.js';
import { DeliveryRecordInput, PledgeCreateInput, PledgeRespondInput, PledgeUpdateInput } from './pledge.inputs.js';
import {
  DeliveryConfirmPayload,
  DeliveryRecordPayload,
  PledgeCreatePayload,
  PledgeRespondPayload,
  PledgeUpdatePayload,
  PledgeWithdrawPayload,
} from './pledge.payloads.js';
import { pledgeCreate, pledgeRespond, pledgeUpdate, pledgeWithdraw } from './pledge.service.js';

async function projectOf(ctx: Context, pledge: Pledge): Promise<Project> {
  return (await ctx.loaders.projects.byUuid.load(pledge.project.uuid))!;
}

export async function pledgeFacts(ctx: Context, pledge: Pledge): Promise<{ project: Project; facts: PledgeFacts }> {
  const project = await projectOf(ctx, pledge);
  return { project, facts: { project: await projectFacts(ctx, project), pledgerUuid: pledge.organisation.uuid } };
}

// The ledger is public with its project: whoever may read the project sees its pledges.
registerNodeType('Pledge', {
  load: (ctx, uuid) => ctx.loaders.pledges.byUuid.load(uuid),
  canRead: async (ctx, pledge) => canRead(ctx, await projectOf(ctx, pledge as Pledge)),
});

@Resolver(() => Pledge)
export class PledgeResolver {
  @Authorized()
  @Mutation(() => PledgeCreatePayload, { description: 'Pledges part of a need for one of your verified organisations' })
  async pledgeCreate(
    @Arg('input', () => PledgeCreateInput, { description: 'The pledge' }) input: PledgeCreateInput,
    @Ctx() ctx: Context,
  ): Promise<PledgeCreatePayload> {
    return toPayload(PledgeCreatePayload, await pledgeCreate(ctx, input), 'pledge');
  }

  @Authorized()
  @Mutation(() => PledgeUpdatePayload, { description: 'Changes a proposed pledge (members of the pledging organisation)' })
  async pledgeUpdate(
    @Arg('id', () => ID, { description: 'Global id of the proposed pledge' }) id: string,
    @Arg('input', () => PledgeUpdateInput, { description: 'The changes' }) input: PledgeUpdateInput,
    @Ctx() ctx: Context,
  ): Promise<PledgeUpdatePayload> {
    return toPayload(PledgeUpdatePayload, await pledgeUpdate(ctx, id, input), 'pledge');
  }

  @Authorized()
  @Mutation(() => PledgeRespondPayload, { description: "Accepts or declines a proposed pledge (the project's coordinators)" })
  async pledgeRespond(
    @Arg('id', () => ID, { description: 'Global id of the proposed pledge' }) id: string,
    @Arg('input', () => PledgeRespondInput, { description: 'The answer' }) input: PledgeRespondInput,
    @Ctx() ctx: Context,
  ): Promise<PledgeRespondPayload> {
    return toPayload(PledgeRespondPayload, await pledgeRespond(ctx, id, input), 'pledge');
  }

  @Authorized()
  @Mutation(() => PledgeWithdrawPayload, {
    description: 'Withdraws a pledge before it is fulfilled (members of the pledging organisation)',
  })
  async pledgeWithdraw(
    @Arg('id', () => ID, { description: 'Global id of the pledge to withdraw' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<PledgeWithdrawPayload> {
    return toPayload(PledgeWithdrawPayload, await pledgeWithdraw(ctx, id), 'pledge');
  }

  @Authorized()
  @Mutation(() => DeliveryRecordPayload, {
    description: 'Records a delivery against an accepted pledge (members of the pledging organisation)',
  })
  async deliveryRecord(
    @Arg('input', () => DeliveryRecordInput, { description: 'The delivery' }) input: DeliveryRecordInput,
    @Ctx() ctx: Context,
  ): Promise<DeliveryRecordPayload> {
    return toPayload(DeliveryRecordPayload, await deliveryRecord(ctx, input), 'delivery');
  }

  @Authorized()
  @Mutation(() => DeliveryConfirmPayload, { description: "Confirms receipt of a delivery (the project's coordinators)" })
  async deliveryConfirm(
    @Arg('id', () => ID, { description: 'Global id of the delivery to confirm' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<DeliveryConfirmPayload> {
    return toPayload(DeliveryConfirmPayload, await deliveryConfirm(ctx, id), 'delivery');
  }

  @FieldResolver(() => Need, { description: 'The need the pledge is towards' })
  async need(@Root() pledge: Pledge, @Ctx() ctx: Context): Promise<Need> {
    return (await ctx.loaders.needs.byUuid.load(pledge.need.uuid))!;
  }

  @FieldResolver(() => Project, { description: 'The project of the need' })
  project(@Root() pledge: Pledge, @Ctx() ctx: Context): Promise<Project> {
    return projectOf(ctx, pledge);
  }

  @FieldResolver(() => Organisation, { description: 'The pledging organisation' })
  pledger(@Root() pledge: Pledge, @Ctx() ctx: Context): Promise<Organisation> {
    return populatedOr(pledge.organisation, ctx.loaders.organisations.byUuid);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The member who pledged on the organisation’s behalf; null when signed out' })
  pledgedBy(@Root() pledge: Pledge, @Ctx() ctx: Context): Promise<Person | null> {
    return visiblePerson(ctx, pledge.createdBy);
  }

  @FieldResolver(() => [Delivery], { description: 'Deliveries recorded against the pledge, by delivery day' })
  deliveries(@Root() pledge: Pledge, @Ctx() ctx: Context): Promise<Delivery[]> {
    return ctx.loaders.pledges.deliveriesByPledge.load(pledge.uuid);
  }

  @FieldResolver(() => DecimalScalar, { description: 'Sum of the confirmed deliveries' })
  delivered(@Root() pledge: Pledge, @Ctx() ctx: Context): Promise<string> {
    return ctx.loaders.pledges.deliveredByPledge.load(pledge.uuid);
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether the viewer may change this proposed pledge' })
  async viewerCanUpdate(@Root() pledge: Pledge, @Ctx() ctx: Context): Promise<boolean> {
    const { project, facts } = await pledgeFacts(ctx, pledge);
    return pledge.status === PledgeStatus.PROPOSED && acceptsPledges(project.status) && can(await ctx.actor(), 'pledge.edit', facts);
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether the viewer may accept or decline this pledge' })
  async viewerCanRespond(@Root() pledge: Pledge, @Ctx() ctx: Context): Promise<boolean> {
    const { project, facts } = await pledgeFacts(ctx, pledge);
    return pledge.status === PledgeStatus.PROPOSED && acceptsPledges(project.status) && can(await ctx.actor(), 'pledge.respond', facts);
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether the viewer may withdraw this pledge' })
  async viewerCanWithdraw(@Root() pledge: Pledge, @Ctx() ctx: Context): Promise<boolean> {
    const { project, facts } = await pledgeFacts(ctx, pledge);
    const withdrawable = pledge.status === PledgeStatus.PROPOSED || pledge.status === PledgeStatus.ACCEPTED;
    return withdrawable && isOpen(project.status) && can(await ctx.actor(), 'pledge.edit', facts);
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether the viewer may record a delivery against this pledge' })
  async viewerCanRecordDelivery(@Root() pledge: Pledge, @Ctx() ctx: Context): Promise<boolean> {
    const { project, facts } = await pledgeFacts(ctx, pledge);
    return pledge.status === PledgeStatus.ACCEPTED && acceptsPledges(project.status) && can(await ctx.actor(), 'pledge.edit', facts);
  }
}

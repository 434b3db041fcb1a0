import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { toPayload } from '../common/errors/result.js';
import { connectionFromArray, ConnectionArgs } from '../common/relay/connection.js';
import { registerNodeType } from '../common/relay/node-registry.js';
import { DecimalScalar } from '../common/scalars/index.js';
import { chinaDay } from '../common/time/china-day.js';
import { PledgeConnection } from '../pledges/pledge.connection.js';
import { can } from '../policy/policy.js';
import { canRead, projectFacts } from '../projects/project-access.js';
import { Project } from '../projects/project.entity.js';
import { acceptsPledges, isOpen } from '../projects/project-status.js';
import { needIsOpen } from './need-ledger.js';
import { Need } from './need.entity.js';
import type { NeedAmounts } from './need.loaders.js';
import { NeedCreateInput, NeedUpdateInput } from './need.inputs.js';
import { NeedClosePayload, NeedCreatePayload, NeedUpdatePayload } from './need.payloads.js';
import { needClose, needCreate, needUpdate } from './need.service.js';

async function projectOf(ctx: Context, need: Need): Promise<Project> {
  return (await ctx.loaders.projects.byUuid.load(need.project.uuid))!;
}

async function amounts(ctx: Context, need: Need): Promise<NeedAmounts> {
  return (await ctx.loaders.needs.amounts.load(need.uuid))!;
}

registerNodeType('Need', {
  load: (ctx, uuid) => ctx.loaders.needs.byUuid.load(uuid),
  canRead: async (ctx, need) => canRead(ctx, await projectOf(ctx, need as Need)),
});

@Resolver(() => Need)
export class NeedResolver {
  @Authorized()
  @Mutation(() => NeedCreatePayload, { description: 'Adds a need to a project (coordinators only)' })
  async needCreate(
    @Arg('input', () => NeedCreateInput, { description: 'The new need' }) input: NeedCreateInput,
    @Ctx() ctx: Context,
  ): Promise<NeedCreatePayload> {
    return toPayload(NeedCreatePayload, await needCreate(ctx, input), 'need');
  }

  @Authorized()
  @Mutation(() => NeedUpdatePayload, { description: 'Edits a need (coordinators only)' })
  async needUpdate(
    @Arg('id', () => ID, { description: 'Global id of the need to edit' }) id: string,
    @Arg('input', () => NeedUpdateInput, { description: 'The changes' }) input: NeedUpdateInput,
    @Ctx() ctx: Context,
  ): Promise<NeedUpdatePayload> {
    return toPayload(NeedUpdatePayload, await needUpdate(ctx, id, input), 'need');
  }

  @Authorized()
  @Mutation(() => NeedClosePayload, { description: 'Closes a need to new pledges and cancels those still proposed (coordinators only)' })
  async needClose(
    @Arg('id', () => ID, { description: 'Global id of the need to close' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<NeedClosePayload> {
    return toPayload(NeedClosePayload, await needClose(ctx, id), 'need');
  }

  @FieldResolver(() => Project, { description: 'The project that needs it' })
  project(@Root() need: Need, @Ctx() ctx: Context): Promise<Project> {
    return projectOf(ctx, need);
  }

  @FieldResolver(() => PledgeConnection, { description: 'Pledges towards the need, oldest first, in every status' })
  async pledges(@Root() need: Need, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() ctx: Context) {
    return connectionFromArray(await ctx.loaders.pledges.byNeed.load(need.uuid), page, (pledge) => pledge.id);
  }

  @FieldResolver(() => DecimalScalar, { description: 'Sum of proposed, accepted and fulfilled pledges' })
  async pledged(@Root() need: Need, @Ctx() ctx: Context): Promise<string> {
    return (await amounts(ctx, need)).pledged;
  }

  @FieldResolver(() => DecimalScalar, { description: 'Sum of accepted and fulfilled pledges' })
  async accepted(@Root() need: Need, @Ctx() ctx: Context): Promise<string> {
    return (await amounts(ctx, need)).accepted;
  }

  @FieldResolver(() => DecimalScalar, {
    description: 'Sum of confirmed deliveries, plus the volunteer hours credited for activities linked to a VOLUNTEER_HOURS need',
  })
  async delivered(@Root() need: Need, @Ctx() ctx: Context): Promise<string> {
    return (await amounts(ctx, need)).delivered;
  }

  @FieldResolver(() => DecimalScalar, { description: 'Quantity still open to pledges: quantity minus pledged, never below 0' })
  async remaining(@Root() need: Need, @Ctx() ctx: Context): Promise<string> {
    return (await amounts(ctx, need)).remaining;
  }

  @FieldResolver(() => DecimalScalar, { description: 'Accepted ÷ quantity with 4 decimals, e.g. "0.7500"; above 1 when oversubscribed' })
  async coverage(@Root() need: Need, @Ctx() ctx: Context): Promise<string> {
    return (await amounts(ctx, need)).coverage;
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether the need takes pledges: not closed and its deadline not passed' })
  isOpen(@Root() need: Need, @Ctx() ctx: Context): boolean {
    return needIsOpen(need, chinaDay(ctx.clock.now()));
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether the viewer may edit or close the need' })
  async viewerCanUpdate(@Root() need: Need, @Ctx() ctx: Context): Promise<boolean> {
    const project = await projectOf(ctx, need);
    return !need.closedAt && isOpen(project.status) && can(await ctx.actor(), 'project.coordinate', await projectFacts(ctx, project));
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether the viewer may pledge to the need for one of their organisations' })
  async viewerCanPledge(@Root() need: Need, @Ctx() ctx: Context): Promise<boolean> {
    const actor = await ctx.actor();
    const project = await projectOf(ctx, need);
    if (!actor || !acceptsPledges(project.status) || !needIsOpen(need, chinaDay(ctx.clock.now()))) {
      return false;
    }
    const facts = await projectFacts(ctx, project);
    return [...actor.memberships.keys()].some((pledgerUuid) => can(actor, 'pledge.create', { project: facts, pledgerUuid }));
  }
}

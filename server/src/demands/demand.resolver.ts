import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { toPayload } from '../common/errors/result.js';
import { Connection, ConnectionArgs, paginate, type ConnectionShape } from '../common/relay/connection.js';
import { uuidOf } from '../common/relay/global-id.js';
import { registerNodeType } from '../common/relay/node-registry.js';
import { DemandCategoryPolicy } from './demand-category-policy.entity.js';
import { demandAccept, demandAddAction, demandDecline, demandResolve } from './demand-handling.service.js';
import { demandsWhere } from './demand-list.js';
import { canSeeDemand } from './demand-privacy.js';
import { demandRate } from './demand-rating.service.js';
import { demandDispatch, demandMerge, demandReject, demandToNeed } from './demand-routing.service.js';
import { demandSubmit } from './demand-submit.service.js';
import { sweepBeforeRead } from './demand-sweeper.js';
import { DemandTicket } from './demand-ticket.entity.js';
import {
  DemandDeclineInput,
  DemandDispatchInput,
  DemandFilter,
  DemandMergeInput,
  DemandNoteInput,
  DemandRateInput,
  DemandRejectInput,
  DemandSubmitInput,
  DemandToNeedInput,
} from './demand.inputs.js';
import {
  DemandAcceptPayload,
  DemandAddActionPayload,
  DemandDeclinePayload,
  DemandDispatchPayload,
  DemandMergePayload,
  DemandRatePayload,
  DemandRejectPayload,
  DemandResolvePayload,
  DemandSubmitPayload,
  DemandToNeedPayload,
  type DemandPayloadShape,
} from './demand.payloads.js';

export const DemandConnection = Connection(DemandTicket, 'DemandTicket');

/** One ticket, after the lazy sweeps (so it is never shown open when it should be closed or escalated). */
async function loadDemand(ctx: Context, uuid: string): Promise<DemandTicket | undefined> {
  await sweepBeforeRead(ctx, { ticketUuids: [uuid] });
  const ticket = await ctx.loaders.demands.byUuid.load(uuid);
  return ticket && (await canSeeDemand(ctx, ticket)) ? ticket : undefined;
}

registerNodeType('DemandTicket', {
  load: (ctx, uuid) => loadDemand(ctx, uuid),
  canRead: (ctx, ticket) => canSeeDemand(ctx, ticket as DemandTicket),
});

const ID_ARG = { description: 'The demand ticket' };
const INPUT_ARG = { description: 'What to do, and with what' };

@Resolver(() => DemandTicket)
export class DemandResolver {
  @Query(() => DemandTicket, { nullable: true, description: 'A demand ticket by id (personal data masked unless you may see it)' })
  async demand(@Arg('id', () => ID, ID_ARG) id: string, @Ctx() ctx: Context): Promise<DemandTicket | null> {
    const uuid = uuidOf(id, 'DemandTicket');
    return (uuid && (await loadDemand(ctx, uuid))) || null;
  }

  @Query(() => DemandConnection, {
    description: 'Demand tickets, newest first, filtered; public like a hotline’s transparency list, with personal data masked',
  })
  async demands(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => DemandFilter, { nullable: true, description: 'Conditions the tickets must meet' }) filter: DemandFilter | null,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<DemandTicket>> {
    await sweepBeforeRead(ctx);
    const connection = await paginate(ctx.em, DemandTicket, await demandsWhere(ctx, filter), { createdAt: 'desc', uuid: 'desc' }, page);
    // The timeline's actors look their ticket up again (is the actor the resident?): no need to query it.
    for (const ticket of connection.nodes) {
      ctx.loaders.demands.byUuid.prime(ticket.uuid, ticket);
    }
    return connection;
  }

  @Query(() => [DemandCategoryPolicy], { description: 'Time limits of each demand category (接诉即办)' })
  demandCategoryPolicies(@Ctx() ctx: Context): Promise<DemandCategoryPolicy[]> {
    return ctx.em.find(DemandCategoryPolicy, {}, { orderBy: { category: 'asc' } });
  }

  @Authorized()
  @Mutation(() => DemandSubmitPayload, {
    description: 'Submits a demand (点单) for yourself, or for a resident of your grid who came or called',
  })
  async demandSubmit(
    @Arg('input', () => DemandSubmitInput, INPUT_ARG) input: DemandSubmitInput,
    @Ctx() ctx: Context,
  ): Promise<DemandPayloadShape> {
    return toPayload(DemandSubmitPayload, await demandSubmit(ctx, input), 'demand');
  }

  @Authorized()
  @Mutation(() => DemandDispatchPayload, {
    description: 'Sends the ticket to an organisation (派单); a grid worker of its grid or a region admin above',
  })
  async demandDispatch(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('input', () => DemandDispatchInput, INPUT_ARG) input: DemandDispatchInput,
    @Ctx() ctx: Context,
  ): Promise<DemandPayloadShape> {
    return toPayload(DemandDispatchPayload, await demandDispatch(ctx, id, input), 'demand');
  }

  @Authorized()
  @Mutation(() => DemandAcceptPayload, {
    description: 'Accepts the ticket (接单) for the organisation it is dispatched to, which then owns it',
  })
  async demandAccept(@Arg('id', () => ID, ID_ARG) id: string, @Ctx() ctx: Context): Promise<DemandPayloadShape> {
    return toPayload(DemandAcceptPayload, await demandAccept(ctx, id), 'demand');
  }

  @Authorized()
  @Mutation(() => DemandDeclinePayload, { description: 'Declines the ticket with a reason; it goes back to the dispatcher' })
  async demandDecline(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('input', () => DemandDeclineInput, INPUT_ARG) input: DemandDeclineInput,
    @Ctx() ctx: Context,
  ): Promise<DemandPayloadShape> {
    return toPayload(DemandDeclinePayload, await demandDecline(ctx, id, input), 'demand');
  }

  @Authorized()
  @Mutation(() => DemandAddActionPayload, { description: 'Records on the timeline something the owner did while working on the ticket' })
  async demandAddAction(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('input', () => DemandNoteInput, INPUT_ARG) input: DemandNoteInput,
    @Ctx() ctx: Context,
  ): Promise<DemandPayloadShape> {
    return toPayload(DemandAddActionPayload, await demandAddAction(ctx, id, input), 'demand');
  }

  @Authorized()
  @Mutation(() => DemandResolvePayload, { description: 'Resolves the ticket with a note and evidence (the owner only)' })
  async demandResolve(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('input', () => DemandNoteInput, INPUT_ARG) input: DemandNoteInput,
    @Ctx() ctx: Context,
  ): Promise<DemandPayloadShape> {
    return toPayload(DemandResolvePayload, await demandResolve(ctx, id, input), 'demand');
  }

  @Authorized()
  @Mutation(() => DemandRatePayload, {
    description: 'Rates the resolution (评单), the resident only, once per round; UNSATISFIED reopens it once',
  })
  async demandRate(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('input', () => DemandRateInput, INPUT_ARG) input: DemandRateInput,
    @Ctx() ctx: Context,
  ): Promise<DemandPayloadShape> {
    return toPayload(DemandRatePayload, await demandRate(ctx, id, input), 'demand');
  }

  @Authorized()
  @Mutation(() => DemandMergePayload, { description: 'Closes the ticket as a duplicate of an open one' })
  async demandMerge(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('input', () => DemandMergeInput, INPUT_ARG) input: DemandMergeInput,
    @Ctx() ctx: Context,
  ): Promise<DemandPayloadShape> {
    return toPayload(DemandMergePayload, await demandMerge(ctx, id, input), 'demand');
  }

  @Authorized()
  @Mutation(() => DemandRejectPayload, { description: 'Closes the ticket with a reason the resident sees' })
  async demandReject(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('input', () => DemandRejectInput, INPUT_ARG) input: DemandRejectInput,
    @Ctx() ctx: Context,
  ): Promise<DemandPayloadShape> {
    return toPayload(DemandRejectPayload, await demandReject(ctx, id, input), 'demand');
  }

  @Authorized()
  @Mutation(() => DemandToNeedPayload, {
    description: 'Closes the ticket by turning it into an open need of a partner project serving its grid',
  })
  async demandToNeed(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('input', () => DemandToNeedInput, INPUT_ARG) input: DemandToNeedInput,
    @Ctx() ctx: Context,
  ): Promise<DemandPayloadShape> {
    return toPayload(DemandToNeedPayload, await demandToNeed(ctx, id, input), 'demand');
  }
}

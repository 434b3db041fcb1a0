import { filter, pipe } from '@graphql-yoga/subscription';
import { GraphQLError } from 'graphql';
import { Arg, Authorized, Ctx, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { Context } from '../app/context.js';
import { createLoaders } from '../app/loaders.js';
import { uuidOf } from '../common/relay/global-id.js';
import { demandTopic } from './demand-change.js';
import { canSeeDemand } from './demand-privacy.js';
import { DemandTicket } from './demand-ticket.entity.js';

interface DemandUpdatedEvent {
  uuid: string;
}

/** A context for one event: a fresh EntityManager fork and fresh loaders, so nothing is stale. */
function eventContext(ctx: Context): Context {
  const em = ctx.em.fork();
  return { ...ctx, em, loaders: createLoaders(em) };
}

function notFound(): GraphQLError {
  return new GraphQLError('No such demand ticket', { extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
}

/**
 * Subscribes to a ticket's changes. The graphql-ws context lives as long as the subscription, so each
 * event re-checks the subscriber's read right on its own fork, and the resolver re-loads the ticket
 * with a fresh fork and loaders (the context is renewed in place: the ticket's nested fields resolve
 * through it).
 */
async function subscribeToDemand({ args, context }: SubscribeResolverData<unknown, { id: string }, Context>) {
  const uuid = uuidOf(args.id, 'DemandTicket');
  const ticket = uuid ? await context.loaders.demands.byUuid.load(uuid) : undefined;
  if (!uuid || !ticket || !(await canSeeDemand(context, ticket))) {
    throw notFound();
  }
  return pipe(
    context.pubSub.subscribe(demandTopic(uuid)),
    filter(async () => {
      // Roles may have changed since the subscription started: the read right is decided afresh.
      context.reloadActor();
      const check = eventContext(context);
      const current = await check.loaders.demands.byUuid.load(uuid);
      return !!current && (await canSeeDemand(check, current));
    }),
  );
}

@Resolver(() => DemandTicket)
export class DemandSubscriptionResolver {
  @Authorized()
  @Subscription(() => DemandTicket, {
    description: 'The ticket each time it changes (status, timeline, deadlines), for the resident and others following it',
    subscribe: subscribeToDemand,
  })
  async demandUpdated(
    @Root() event: DemandUpdatedEvent,
    @Arg('id', () => ID, { description: 'The demand ticket to follow' }) _id: string,
    @Ctx() ctx: Context,
  ): Promise<DemandTicket> {
    const fresh = eventContext(ctx);
    ctx.em = fresh.em;
    ctx.loaders = fresh.loaders;
    const ticket = await ctx.loaders.demands.byUuid.load(event.uuid);
    if (!ticket) {
      throw notFound();
    }
    return ticket;
  }
}

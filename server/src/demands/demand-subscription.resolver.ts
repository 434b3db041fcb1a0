import { filter, pipe } from '@graphql-yoga/subscription';
import { GraphQLError } from 'graphql';
import { Arg, Authorized, Ctx, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { joinEvent } from '../activity/event-context.js';
import type { Context } from '../app/context.js';
import { uuidOf } from '../common/relay/global-id.js';
import { demandTopic } from './demand-change.js';
import { canSeeDemand } from './demand-privacy.js';
import { DemandTicket } from './demand-ticket.entity.js';

interface DemandUpdatedEvent {
  uuid: string;
}

function notFound(): GraphQLError {
  return new GraphQLError('No such demand ticket', { extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
}

/**
 * Subscribes to a ticket's changes. The graphql-ws context lives as long as the subscription, so each
 * event joins the event's scope shared by its subscribers in this process (`joinEvent`: a fresh fork,
 * fresh loaders, the subscribers' actors as of the event): the ticket is read once for all of them,
 * and each subscriber's read right — and, in the fields, what they see unmasked — is decided afresh.
 */
async function subscribeToDemand({ args, context }: SubscribeResolverData<unknown, { id: string }, Context>) {
  const uuid = uuidOf(args.id, 'DemandTicket');
  const ticket = uuid ? await context.loaders.demands.byUuid.load(uuid) : undefined;
  if (!uuid || !ticket || !(await canSeeDemand(context, ticket))) {
    throw notFound();
  }
  return pipe(
    context.pubSub.subscribe(demandTopic(uuid)),
    filter(async (event) => {
      await joinEvent(context, event);
      const current = await context.loaders.demands.byUuid.load(uuid);
      return !!current && (await canSeeDemand(context, current));
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
    // The context already joined this event's scope (in the filter): the ticket comes from its loader.
    const ticket = await ctx.loaders.demands.byUuid.load(event.uuid);
    if (!ticket) {
      throw notFound();
    }
    return ticket;
  }
}

import { filter, map, pipe } from '@graphql-yoga/subscription';
import { GraphQLError } from 'graphql';
import { Arg, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { Context } from '../app/context.js';
import { joinEvent } from '../activity/event-context.js';
import { uuidOf } from '../common/relay/global-id.js';
import { Shift } from './shift.entity.js';
import { readableShift, shiftTopic } from './volunteering-access.js';

/**
 * A shift's live places. Each sign-up change is notified through LISTEN/NOTIFY as `{ id }` after its
 * commit, from whichever server process made it; each event is re-read in a fresh context shared by
 * the event's subscribers in this process (new EntityManager fork, loaders and actors: `joinEvent`),
 * so counts are current and a subscriber who lost the right to read the project stops receiving them.
 */
async function shiftStream({ args, context }: SubscribeResolverData<unknown, { shiftId: string }, Context>): Promise<AsyncIterable<Shift>> {
  const shift = await readableShift(context, uuidOf(args.shiftId, 'Shift'));
  if (!shift) {
    throw new GraphQLError('shiftId names no shift you can see', { extensions: { code: 'BAD_USER_INPUT', field: 'shiftId' } });
  }
  const events = context.pubSub.subscribe(shiftTopic(shift.uuid)) as AsyncIterable<{ id?: unknown }>;
  return pipe(
    events,
    map(async (event): Promise<Shift | undefined> => {
      await joinEvent(context, event);
      return readableShift(context, shift.uuid);
    }),
    filter((current): current is Shift => current !== undefined),
  );
}

@Resolver(() => Shift)
export class ShiftSubscriptionResolver {
  @Subscription(() => Shift, {
    description: 'The shift after every sign-up change (places taken, remaining, waitlist), from any server process, while you may see it',
    subscribe: shiftStream,
  })
  shiftUpdated(@Root() shift: Shift, @Arg('shiftId', () => ID, { description: 'The shift to follow' }) _shiftId: string): Shift {
    return shift;
  }
}

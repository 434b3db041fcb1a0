import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { Context } from '../app/context.js';
import { createLoaders, type Loaders } from '../app/loaders.js';
import { loadActors, type Actor } from '../policy/actor.js';

/**
 * What every subscriber of one live event in this process shares: a fresh EntityManager fork and
 * fresh DataLoaders over it, and the subscribers' actors, loaded together. The first subscriber to
 * handle the event creates it; the others join. So the entry and whatever it references is read
 * once per process and event, whatever the number of subscribers, and each subscriber's fields batch
 * with everyone else's, as the fields of one HTTP request do.
 *
 * Sharing is safe because nothing here depends on who asks: loaders are keyed by what they load
 * (`createLoaders(em)` takes no viewer), and every read right is still decided per subscriber by the
 * policy, with that subscriber's own actor (`ctx.actor()`).
 */
interface EventScope {
  em: EntityManager;
  loaders: Loaders;
  /**
   * Actor freshness: loaded at the event, for every subscriber that asks, in one pair of statements
   * (a batch of DataLoader keys). A membership or role removed before the change committed is
   * therefore honoured by its event, as before, with no invalidation messages to miss.
   */
  actors: DataLoader<string, Actor>;
}

function createScope(em: EntityManager): EventScope {
  const fork = em.fork();
  return {
    em: fork,
    loaders: createLoaders(fork),
    actors: new DataLoader(
      async (people) => {
        const actors = await loadActors(fork, people);
        return people.map((person) => actors.get(person)!);
      },
      { maxBatchSize: 1000 },
    ),
  };
}

/**
 * The pub/sub hands the same payload object to every local subscriber of one NOTIFY (see
 * `common/pubsub/pg-pubsub.ts`), so the payload identifies the event; the scope lives as long as a
 * subscriber still holds the payload, then goes with it.
 */
const scopes = new WeakMap<object, EventScope>();

/**
 * graphql-ws builds one context per subscription operation, which lives as long as the subscription.
 * Each event must see the database as it is now: this points the context at the event's shared scope
 * (created on first use) — its EntityManager, its loaders, and the subscriber's actor as of the event —
 * so a revoked membership stops the next event. A subscription handles its events one after the other,
 * so the context is never needed for two events at once.
 */
export function joinEvent(ctx: Context, event: unknown): void {
  let scope = typeof event === 'object' && event !== null ? scopes.get(event) : undefined;
  if (!scope) {
    scope = createScope(ctx.em);
    if (typeof event === 'object' && event !== null) {
      scopes.set(event, scope);
    }
  }
  const { actors } = scope;
  const personUuid = ctx.auth?.personUuid;
  ctx.em = scope.em;
  ctx.loaders = scope.loaders;
  ctx.actor = () => (personUuid ? actors.load(personUuid) : Promise.resolve(undefined));
  ctx.reloadActor = () => {
    if (personUuid) {
      actors.clear(personUuid);
    }
  };
}

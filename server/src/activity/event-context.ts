import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import type { Clock } from '../app/clock.js';
import type { Context } from '../app/context.js';
import { createLoaders, type Loaders } from '../app/loaders.js';
import { credentialOf, credentialsStillValid } from '../auth/authenticate.js';
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
  /**
   * Whether each subscriber's session or API token still signs them in, as of the event: one statement
   * for every signed-in subscriber (ADR 0017). A subscription keeps the authentication it started with
   * otherwise, and a signed-out, expired, revoked or deleted account's would go on receiving events.
   */
  credentials: DataLoader<string, boolean>;
}

function createScope(em: EntityManager, clock: Clock): EventScope {
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
    credentials: new DataLoader(
      async (credentials) => {
        const valid = await credentialsStillValid(fork, credentials, clock.now());
        return credentials.map((credential) => valid.has(credential));
      },
      { maxBatchSize: 1000 },
    ),
  };
}

/** Ends a subscription whose session or token no longer signs anyone in; the client sees why. */
function signedOut(): GraphQLError {
  return new GraphQLError('Your session has ended; sign in again to follow this', { extensions: { code: 'UNAUTHENTICATED' } });
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
 *
 * A subscriber who subscribed signed in must still be: when their session or API token has ended
 * since, this throws UNAUTHENTICATED, which ends the subscription before the event is loaded or sent.
 */
export async function joinEvent(ctx: Context, event: unknown): Promise<void> {
  let scope = typeof event === 'object' && event !== null ? scopes.get(event) : undefined;
  if (!scope) {
    scope = createScope(ctx.em, ctx.clock);
    if (typeof event === 'object' && event !== null) {
      scopes.set(event, scope);
    }
  }
  const credential = credentialOf(ctx.auth);
  if (credential && !(await scope.credentials.load(credential))) {
    throw signedOut();
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

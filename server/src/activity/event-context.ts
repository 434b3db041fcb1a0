import type { Context } from '../app/context.js';
import { createLoaders } from '../app/loaders.js';
import { loadActor, type Actor } from '../policy/actor.js';

/**
 * graphql-ws builds one context per subscription, which lives as long as the subscription does. Each
 * event must see the database as it is now: a fresh EntityManager (empty identity map), fresh
 * DataLoaders and a freshly loaded actor, so a revoked membership stops the next event.
 */
export function renewForEvent(ctx: Context): void {
  const em = ctx.em.fork();
  let actor: Promise<Actor | undefined> | undefined;
  ctx.em = em;
  ctx.loaders = createLoaders(em);
  ctx.actor = () => (actor ??= ctx.auth ? loadActor(em, ctx.auth.personUuid) : Promise.resolve(undefined));
  ctx.reloadActor = () => {
    actor = undefined;
  };
}

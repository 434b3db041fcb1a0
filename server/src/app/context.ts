import type { EntityManager } from '@mikro-orm/postgresql';
import type { Authentication } from '../auth/authenticate.js';
import type { PubSub } from '../common/pubsub/pg-pubsub.js';
import type { Config } from '../config/env.js';
import { loadActor, type Actor } from '../policy/actor.js';
import type { Clock } from './clock.js';
import { createLoaders, type Loaders } from './loaders.js';
import type { Logger } from './logger.js';

/** What an HTTP request can do to its response: set and clear the session cookie. */
export interface CookieJar {
  set(name: string, value: string, options: { maxAgeSeconds: number }): void;
  clear(name: string): void;
}

export interface Context {
  requestId: string;
  /** A fork per request (or per subscription event): its own identity map and unit of work. */
  em: EntityManager;
  loaders: Loaders;
  config: Config;
  logger: Logger;
  clock: Clock;
  pubSub: PubSub;
  auth: Authentication | undefined;
  /** The caller's memberships and roles, loaded once per request on first use. */
  actor(): Promise<Actor | undefined>;
  /** Forgets the cached actor after a change to the caller's own memberships or roles. */
  reloadActor(): void;
  cookies: CookieJar | undefined;
  ip: string;
}

export interface AppServices {
  rootEm: EntityManager;
  config: Config;
  logger: Logger;
  clock: Clock;
  pubSub: PubSub;
}

export function createContext(
  services: AppServices,
  request: { requestId: string; auth: Authentication | undefined; cookies?: CookieJar; ip: string },
): Context {
  const em = services.rootEm.fork();
  // The actor read with the session (`authenticate`), until the caller changes or it is reloaded.
  let actor: { personUuid: string | undefined; loaded: Promise<Actor | undefined> } | undefined = request.auth?.actor
    ? { personUuid: request.auth.personUuid, loaded: Promise.resolve(request.auth.actor) }
    : undefined;
  const context: Context = {
    requestId: request.requestId,
    em,
    loaders: createLoaders(em),
    config: services.config,
    logger: services.logger.child({ requestId: request.requestId }),
    clock: services.clock,
    pubSub: services.pubSub,
    auth: request.auth,
    // Cached per request, but re-read when signing in or out changes who the caller is.
    actor: () => {
      const personUuid = context.auth?.personUuid;
      if (actor?.personUuid !== personUuid || !actor) {
        actor = { personUuid, loaded: personUuid ? loadActor(em, personUuid) : Promise.resolve(undefined) };
      }
      return actor.loaded;
    },
    reloadActor: () => {
      actor = undefined;
    },
    cookies: request.cookies,
    ip: request.ip,
  };
  return context;
}

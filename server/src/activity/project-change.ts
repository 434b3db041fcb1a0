import type { Context } from '../app/context.js';
import { createLoaders } from '../app/loaders.js';
import { DomainError, failMany, ok, type Result } from '../common/errors/result.js';
import type { UserError } from '../common/errors/user-error.js';
import type { ActivityEntry } from './activity-entry.entity.js';
import { recordActivity, type ActivityRecord } from './activity.service.js';

/** The LISTEN/NOTIFY topic of a project's timeline. */
export function projectActivityTopic(projectUuid: string): string {
  return `projectActivity:${projectUuid}`;
}

/** What a change to a project produced: its result and the one activity entry that describes it. */
export interface ProjectChange<T> {
  value: T;
  activity: ActivityRecord & { projectUuid: string };
}

/** Carries user errors out of the transaction, rolling back whatever the work had written. */
class Rollback extends Error {
  constructor(readonly errors: UserError[]) {
    super('rolled back: user errors');
  }
}

/**
 * Runs one change to a project — a project, partner, need, pledge, delivery or deliverable mutation —
 * in one transaction with exactly one activity entry, so the log never misses nor invents a change.
 * User errors roll the transaction back. Only after the commit is the entry's id published to the
 * project's topic (subscribers on every server process reload it with their own read rights).
 *
 * Inside `work`, use only `tx.em` and `tx.loaders` (bound to the transaction): a query on the request's
 * own EntityManager would need a second pool connection while this one is held, which under load
 * exhausts the pool.
 */
export async function changeProject<T>(ctx: Context, work: (tx: Context) => Promise<Result<ProjectChange<T>>>): Promise<Result<T>> {
  // The actor is loaded on the request's connection before the transaction takes one.
  await ctx.actor();
  let entry: ActivityEntry | undefined;
  let value: T;
  try {
    value = await ctx.em.transactional(async (em) => {
      const tx: Context = { ...ctx, em, loaders: createLoaders(em) };
      const result = await work(tx);
      if (!result.ok) {
        throw new Rollback(result.errors);
      }
      entry = recordActivity(tx, result.value.activity);
      return result.value.value;
    });
  } catch (error) {
    if (error instanceof Rollback || error instanceof DomainError) {
      return failMany(error.errors);
    }
    throw error;
  }
  ctx.pubSub.publish(projectActivityTopic(entry!.projectUuid!), { id: entry!.uuid });
  return ok(value);
}

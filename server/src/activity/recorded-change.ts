import type { Context } from '../app/context.js';
import { createLoaders } from '../app/loaders.js';
import { DomainError, failMany, ok, type Result } from '../common/errors/result.js';
import type { UserError } from '../common/errors/user-error.js';
import { appendActivity, type ActivityRecord, type ChangeNotice } from './activity.service.js';

/** What a change produced: its result, the one activity entry that describes it, and who must hear of it. */
export interface RecordedChange<T> {
  value: T;
  activity: ActivityRecord;
  notify?: ChangeNotice[];
}

/** Carries user errors out of the transaction, rolling back whatever the work had written. */
class Rollback extends Error {
  constructor(readonly errors: UserError[]) {
    super('rolled back: user errors');
  }
}

/**
 * `changeProject` for changes that may or may not belong to a project (volunteering, commitments): one
 * transaction, exactly one activity entry, user errors roll everything back. The entry's statement also
 * sends the live events — the entry to its project's timeline (when it has one), and the change's own
 * notices — which PostgreSQL delivers when the transaction commits: no subscriber ever hears of a change
 * that was rolled back, nor misses one that was committed.
 *
 * Inside `work`, use only `tx.em` and `tx.loaders` (bound to the transaction), never the request's.
 */
export async function recordedChange<T>(ctx: Context, work: (tx: Context) => Promise<Result<RecordedChange<T>>>): Promise<Result<T>> {
  // The actor is loaded on the request's connection before the transaction takes one.
  await ctx.actor();
  try {
    return ok(
      await ctx.em.transactional(async (em) => {
        const tx: Context = { ...ctx, em, loaders: createLoaders(em) };
        const result = await work(tx);
        if (!result.ok) {
          throw new Rollback(result.errors);
        }
        // The change's rows first: its entry may name one of them (an organisation it created).
        await em.flush();
        await appendActivity(tx, result.value.activity, result.value.notify);
        return result.value.value;
      }),
    );
  } catch (error) {
    if (error instanceof Rollback || error instanceof DomainError) {
      return failMany(error.errors);
    }
    throw error;
  }
}

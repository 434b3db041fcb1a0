import type { Context } from '../app/context.js';
import type { Result } from '../common/errors/result.js';
import type { ActivityRecord } from './activity.service.js';
import { recordedChange } from './recorded-change.js';

/** What a change to a project produced: its result and the one activity entry that describes it. */
export interface ProjectChange<T> {
  value: T;
  activity: ActivityRecord & { projectUuid: string };
}

/**
 * Runs one change to a project — a project, partner, need, pledge, delivery or deliverable mutation —
 * as a `recordedChange` whose entry always names the project: one transaction, exactly one activity
 * entry, user errors roll it back, and the entry's id reaches the project's topic when the transaction
 * commits (sent inside it, ADR 0020; subscribers on every server process reload it with their own read
 * rights).
 *
 * Inside `work`, use only `tx.em` and `tx.loaders` (bound to the transaction): a query on the request's
 * own EntityManager would need a second pool connection while this one is held, which under load
 * exhausts the pool.
 */
export function changeProject<T>(ctx: Context, work: (tx: Context) => Promise<Result<ProjectChange<T>>>): Promise<Result<T>> {
  return recordedChange(ctx, work);
}

import type { Context } from '../app/context.js';
import { ActivityEntry } from './activity-entry.entity.js';

export interface ActivityRecord {
  /** What happened, `<subject>.<verb>` in the past tense, e.g. `organisation.verified`. */
  action: string;
  subjectType: string;
  subjectUuid: string;
  /** The organisation the actor acted for, when they acted on one's behalf. */
  onBehalfOfUuid?: string | null;
  /** The project whose timeline shows the entry. */
  projectUuid?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Appends an entry to the activity log in the caller's unit of work, so it commits (or rolls back)
 * together with the change it describes: there is never a change without its entry, nor the reverse.
 */
export function recordActivity(ctx: Pick<Context, 'em' | 'auth' | 'clock'>, record: ActivityRecord): ActivityEntry {
  return ctx.em.create(ActivityEntry, {
    actor: ctx.auth?.personUuid ?? null,
    onBehalfOf: record.onBehalfOfUuid ?? null,
    action: record.action,
    subjectType: record.subjectType,
    subjectUuid: record.subjectUuid,
    projectUuid: record.projectUuid ?? null,
    before: record.before ?? null,
    after: record.after ?? null,
    createdAt: ctx.clock.now(),
  });
}

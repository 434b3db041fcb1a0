import { v7 as uuidv7 } from 'uuid';
import type { Context } from '../app/context.js';
import { preparedExecute } from '../db/prepared-query.js';
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

/** The id of an entry `appendActivity` wrote, and the timeline it belongs to. */
export interface AppendedEntry {
  uuid: string;
  projectUuid: string | null;
}

const APPEND_ACTIVITY = `insert into activity_entry
  (id, created_at, actor_id, on_behalf_of_id, action, subject_type, subject_uuid, project_uuid, before, after)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)`;

/**
 * `recordActivity` for the end of a change, as one prepared statement instead of an entity in the unit
 * of work: every change appends exactly one entry, so this insert repeats with every write, and the
 * unit of work would send it unnamed, for PostgreSQL to parse and plan each time (ADR 0018). Call it after
 * the change's own rows are flushed: the entry may name an organisation the change created.
 */
export async function appendActivity(ctx: Pick<Context, 'em' | 'auth' | 'clock'>, record: ActivityRecord): Promise<AppendedEntry> {
  const uuid = uuidv7();
  const json = (snapshot: Record<string, unknown> | null | undefined) => (snapshot ? JSON.stringify(snapshot) : null);
  await preparedExecute(ctx.em, APPEND_ACTIVITY, [
    uuid,
    ctx.clock.now(),
    ctx.auth?.personUuid ?? null,
    record.onBehalfOfUuid ?? null,
    record.action,
    record.subjectType,
    record.subjectUuid,
    record.projectUuid ?? null,
    json(record.before),
    json(record.after),
  ]);
  return { uuid, projectUuid: record.projectUuid ?? null };
}

import { uuidv7 } from '../common/ids/uuid-v7.js';
import type { Context } from '../app/context.js';
import { notification } from '../common/pubsub/pg-pubsub.js';
import { preparedExecute } from '../db/prepared-query.js';
import { ActivityEntry } from './activity-entry.entity.js';
import { projectActivityTopic } from './project-activity-topic.js';

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

/** A live event a change sends when it commits: a topic and a small payload (ids only: NOTIFY carries 8000 bytes). */
export interface ChangeNotice {
  topic: string;
  payload: Record<string, unknown>;
}

// The data-modifying CTE runs whether or not the select reads it; the select sends one notification per
// element of the two arrays (none for empty ones).
const APPEND_ACTIVITY = `with entry as (
    insert into activity_entry
      (id, created_at, actor_id, on_behalf_of_id, action, subject_type, subject_uuid, project_uuid, before, after)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb))
  select pg_notify(notice.channel, notice.payload) from unnest(?::text[], ?::text[]) as notice(channel, payload)`;

/**
 * `recordActivity` for the end of a change, as one prepared statement instead of an entity in the unit
 * of work: every change appends exactly one entry, so this insert repeats with every write, and the
 * unit of work would send it unnamed, for PostgreSQL to parse and plan each time (ADR 0018). Call it after
 * the change's own rows are flushed: the entry may name an organisation the change created.
 *
 * The same statement sends the change's live events with `pg_notify` — the entry on its project's
 * timeline, and `notices` — so PostgreSQL delivers them when the transaction commits and drops them when
 * it rolls back. Published after the commit instead, each event cost a transaction of its own on the
 * pub/sub pool: another commit to flush to disk for every write.
 */
export async function appendActivity(
  ctx: Pick<Context, 'em' | 'auth' | 'clock'>,
  record: ActivityRecord,
  notices: readonly ChangeNotice[] = [],
): Promise<void> {
  const uuid = uuidv7();
  const json = (snapshot: Record<string, unknown> | null | undefined) => (snapshot ? JSON.stringify(snapshot) : null);
  const events = [
    ...(record.projectUuid ? [{ topic: projectActivityTopic(record.projectUuid), payload: { id: uuid } }] : []),
    ...notices,
  ].map((notice) => notification(notice.topic, notice.payload));
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
    events.map(([channel]) => channel),
    events.map(([, payload]) => payload),
  ]);
}

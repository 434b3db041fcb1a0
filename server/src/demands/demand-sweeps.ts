import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidv7 } from '../common/ids/uuid-v7.js';
import { toGlobalId } from '../common/relay/global-id.js';
import { DemandEventAction } from './demand.enums.js';
import { RATING_WINDOW_DAYS } from './demand.transitions.js';

/** What a sweep changed: one row per ticket, with what its timeline event needs. */
interface SweptRow {
  id: string;
  round: number;
  status: string;
  at: Date;
  escalated_to_id?: string | null;
}

/** Limits a sweep to some tickets (the ones a request reads); absent: every ticket. */
export interface SweepScope {
  ticketUuids?: readonly string[];
}

function scopeCondition(scope: SweepScope | undefined, alias: string): { sql: string; params: string[] } {
  const uuids = scope?.ticketUuids;
  if (!uuids) {
    return { sql: '', params: [] };
  }
  return { sql: ` and ${alias}.id in (${uuids.map(() => '?').join(', ') || 'null'})`, params: [...uuids] };
}

/** Appends the timeline events and activity entries of what the platform did by itself (no actor). */
async function recordSystemSteps(em: EntityManager, rows: SweptRow[], action: DemandEventAction, activity: string): Promise<void> {
  if (!rows.length) {
    return;
  }
  const connection = em.getConnection();
  const context = em.getTransactionContext();
  await connection.execute(
    `insert into demand_event (id, created_at, ticket_id, action, status, round, evidence_urls)
     values ${rows.map(() => "(?, ?, ?, ?, ?, ?, '{}')").join(', ')}`,
    rows.flatMap((row) => [uuidv7(), row.at, row.id, action, row.status, row.round]),
    'run',
    context,
  );
  await connection.execute(
    `insert into activity_entry (id, created_at, action, subject_type, subject_uuid, after)
     values ${rows.map(() => "(?, ?, ?, 'DemandTicket', ?, ?)").join(', ')}`,
    rows.flatMap((row) => [
      uuidv7(),
      row.at,
      activity,
      row.id,
      JSON.stringify({
        status: row.status,
        round: row.round,
        ...(row.escalated_to_id ? { escalatedToId: toGlobalId('Region', row.escalated_to_id) } : {}),
      }),
    ]),
    'run',
    context,
  );
}

/**
 * Closes as CLOSED_UNRATED every resolved ticket its resident has not rated within 7 days of the
 * resolution. The closing time is the end of the rating window, not the moment the sweep runs, so the
 * result is the same whether the timer or a read got there first. Idempotent and safe to run
 * concurrently: the UPDATE re-checks the status of each row it locks. Returns the tickets closed
 * (publish them after the commit).
 */
export async function closeUnratedDemands(em: EntityManager, now: Date, scope?: SweepScope): Promise<string[]> {
  const { sql, params } = scopeCondition(scope, 't');
  return em.transactional(async (tx) => {
    const rows = await tx.getConnection().execute<SweptRow[]>(
      `update demand_ticket t
          set status = 'CLOSED_UNRATED', due_at = null,
              closed_at = t.resolved_at + make_interval(days => ${RATING_WINDOW_DAYS}),
              updated_at = t.resolved_at + make_interval(days => ${RATING_WINDOW_DAYS})
        where t.status = 'RESOLVED' and t.resolved_at <= ?::timestamptz - make_interval(days => ${RATING_WINDOW_DAYS})${sql}
        returning t.id, t.round, t.status::text as status, t.closed_at as at`,
      [now, ...params],
      'all',
      tx.getTransactionContext(),
    );
    await recordSystemSteps(tx, rows, DemandEventAction.CLOSED_UNRATED, 'demand.closedUnrated');
    return rows.map((row) => row.id);
  });
}

/**
 * Escalates every ticket that is past its current deadline and not yet escalated in this round to
 * the administrators of the level above its grid: the nearest enclosing village, township or higher
 * region that has a REGION_ADMIN (the village itself when none has). The ticket is flagged
 * (`escalatedAt`, `escalatedTo`) and stays with whoever holds it; the escalation time is the moment
 * it became overdue, so timer and lazy reads agree. Rows another transaction holds are skipped and
 * picked up by the next sweep. Returns the tickets escalated.
 */
export async function escalateOverdueDemands(em: EntityManager, now: Date, scope?: SweepScope): Promise<string[]> {
  const { sql, params } = scopeCondition(scope, 't');
  const above = "('VILLAGE', 'TOWNSHIP', 'DISTRICT', 'CITY', 'PROVINCE')";
  return em.transactional(async (tx) => {
    const rows = await tx.getConnection().execute<SweptRow[]>(
      `with due as (
         select t.id, string_to_array(trim(both '/' from g.path), '/')::uuid[] as chain
           from demand_ticket t join region g on g.id = t.grid_id
          where t.due_at < ? and t.escalated_at is null${sql}
          for update of t skip locked
       ), targets as (
         select due.id, coalesce(
           (select a.id from region a
             where a.id = any(due.chain) and a.level in ${above}
               and exists (select 1 from region_role rr where rr.region_id = a.id and rr.role = 'REGION_ADMIN')
             order by length(a.path) desc limit 1),
           (select a.id from region a where a.id = any(due.chain) and a.level in ${above} order by length(a.path) desc limit 1)
         ) as region_id
           from due
       )
       update demand_ticket t
          set escalated_at = t.due_at, escalated_to_id = targets.region_id, updated_at = greatest(t.updated_at, t.due_at)
         from targets
        where t.id = targets.id
        returning t.id, t.round, t.status::text as status, t.escalated_at as at, t.escalated_to_id`,
      [now, ...params],
      'all',
      tx.getTransactionContext(),
    );
    await recordSystemSteps(tx, rows, DemandEventAction.ESCALATED, 'demand.escalated');
    return rows.map((row) => row.id);
  });
}

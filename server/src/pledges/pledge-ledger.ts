import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../policy/actor.js';
import { readableProjectsCondition } from '../policy/policy.js';
import { NeedKind } from '../needs/need.enums.js';
import { PledgeStatus } from './pledge.enums.js';

/** One line of the pledge ledger (认捐台账), amounts as exact decimal text from PostgreSQL. */
export interface LedgerRow {
  project: string;
  need: string;
  needKind: NeedKind;
  pledger: string;
  quantity: string;
  unit: string;
  status: PledgeStatus;
  delivered: string;
  pledgedAt: string;
  respondedAt: string | null;
  note: string | null;
}

export interface LedgerQuery {
  /** Pledges of one project, or… */
  projectUuid?: string;
  /** …pledges of one organisation across projects. */
  organisationUuid?: string;
  statuses: PledgeStatus[];
  /** First and last day (in China) of the pledge date, inclusive. */
  from?: string;
  to?: string;
}

/**
 * The pledge ledger, filtered, in projects the actor may read (the same `project.read` rule as the
 * API). Times are shown in Asia/Shanghai; delivered sums confirmed deliveries in `numeric`.
 */
export async function pledgeLedger(em: EntityManager, actor: Actor | undefined, query: LedgerQuery): Promise<LedgerRow[]> {
  const readable = readableProjectsCondition(actor, 'pr');
  const where = [readable.sql];
  const params: unknown[] = [...readable.params];
  if (query.projectUuid) {
    where.push('p.project_id = ?');
    params.push(query.projectUuid);
  }
  if (query.organisationUuid) {
    where.push('p.organisation_id = ?');
    params.push(query.organisationUuid);
  }
  if (query.statuses.length) {
    where.push(`p.status in (${query.statuses.map(() => '?').join(', ')})`);
    params.push(...query.statuses);
  }
  if (query.from) {
    where.push(`p.created_at >= (?::date)::timestamp at time zone 'Asia/Shanghai'`);
    params.push(query.from);
  }
  if (query.to) {
    where.push(`p.created_at < (?::date + 1)::timestamp at time zone 'Asia/Shanghai'`);
    params.push(query.to);
  }
  return em.execute<LedgerRow[]>(
    `select pr.title as "project", n.description as "need", n.kind as "needKind", o.name as "pledger",
            p.quantity::text as "quantity", n.unit as "unit", p.status as "status",
            coalesce((select sum(d.quantity) from delivery d where d.pledge_id = p.id and d.confirmed_at is not null), 0)::numeric(18, 2)::text
              as "delivered",
            to_char(p.created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as "pledgedAt",
            to_char(p.responded_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as "respondedAt",
            p.note as "note"
       from pledge p
       join project pr on pr.id = p.project_id
       join need n on n.id = p.need_id
       join organisation o on o.id = p.organisation_id
      where ${where.join(' and ')}
      order by p.created_at, p.id`,
    params,
  );
}

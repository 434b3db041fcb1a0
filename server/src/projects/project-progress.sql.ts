import type { ProjectProgress } from './project.types.js';

/**
 * The SQL of each progress figure for the project row `project`, shared by the progress loader and the
 * look-ahead compiler (`project.sql-shape.ts`) so that the two can never count differently. Coverage is
 * the mean over needs of accepted ÷ needed (each capped at 1, since units differ and cannot be added
 * up), in `numeric`.
 */
export const PROGRESS_SQL: Record<Exclude<keyof ProjectProgress, 'deliverablesOverdue'>, (project: string) => string> = {
  needsTotal: (p) => `(select count(*)::int from need where project_id = ${p}.id)`,
  needsCovered: (p) => `(select count(*)::int from need n
      where n.project_id = ${p}.id and ${acceptedOf('n')} >= n.quantity)`,
  needsCoverage: (p) => `(select coalesce(round(avg(least(${acceptedOf('n')} / n.quantity, 1)), 4), 0)::numeric(6, 4)::text
      from need n where n.project_id = ${p}.id)`,
  pledgesProposed: (p) => `(select count(*)::int from pledge where project_id = ${p}.id and status = 'PROPOSED')`,
  pledgesAccepted: (p) => `(select count(*)::int from pledge where project_id = ${p}.id and status in ('ACCEPTED', 'FULFILLED'))`,
  pledgesFulfilled: (p) => `(select count(*)::int from pledge where project_id = ${p}.id and status = 'FULFILLED')`,
  deliverablesTotal: (p) => `(select count(*)::int from deliverable where project_id = ${p}.id)`,
  deliverablesAccepted: (p) => `(select count(*)::int from deliverable where project_id = ${p}.id and status = 'ACCEPTED')`,
  partnersAccepted: (p) => `(select count(*)::int from project_partner where project_id = ${p}.id and status = 'ACCEPTED')`,
};

/** Accepted (and fulfilled) pledges towards the need row `need`. */
function acceptedOf(need: string): string {
  return `coalesce((select sum(quantity) from pledge where need_id = ${need}.id and status in ('ACCEPTED', 'FULFILLED')), 0)`;
}

/** Due days of the deliverables not yet accepted: overdue is counted against the caller's today. */
export const OPEN_DUE_DAYS_SQL = (p: string) =>
  `coalesce((select array_agg(due_on::text) from deliverable
      where project_id = ${p}.id and status <> 'ACCEPTED' and due_on is not null), '{}')`;

/** Deliverables past their due day and not accepted; `today` is SQL for the day in Asia/Shanghai. */
export const OVERDUE_SQL = (p: string, today: string) =>
  `(select count(*)::int from deliverable where project_id = ${p}.id and status <> 'ACCEPTED' and due_on < ${today})`;

import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { entityLoader, groupLoader } from '../common/loaders/entity-loader.js';
import { Project, ProjectRegion } from './project.entity.js';

/** Counts and ratios of a project, summed in SQL; `openDueDays` lets the caller count overdue items for its "today". */
export interface ProgressRow {
  needsTotal: number;
  needsCovered: number;
  needsCoverage: string;
  pledgesProposed: number;
  pledgesAccepted: number;
  pledgesFulfilled: number;
  deliverablesTotal: number;
  deliverablesAccepted: number;
  openDueDays: string[];
  partnersAccepted: number;
}

/**
 * The progress of every project of a page in one statement. Coverage is the mean over needs of
 * accepted ÷ needed (each capped at 1, since units differ and cannot be added up), in `numeric`.
 */
const PROGRESS_SQL = (ids: string) => `
with ids(id) as (values ${ids}),
accepted as (
  select need_id, sum(quantity) as quantity from pledge
   where project_id in (select id from ids) and status in ('ACCEPTED', 'FULFILLED') group by need_id),
needs as (
  select n.project_id, count(*)::int as total,
         (count(*) filter (where coalesce(a.quantity, 0) >= n.quantity))::int as covered,
         round(avg(least(coalesce(a.quantity, 0) / n.quantity, 1)), 4) as coverage
    from need n left join accepted a on a.need_id = n.id
   where n.project_id in (select id from ids) group by n.project_id),
pledges as (
  select project_id,
         (count(*) filter (where status = 'PROPOSED'))::int as proposed,
         (count(*) filter (where status in ('ACCEPTED', 'FULFILLED')))::int as accepted,
         (count(*) filter (where status = 'FULFILLED'))::int as fulfilled
    from pledge where project_id in (select id from ids) group by project_id),
deliverables as (
  select project_id, count(*)::int as total, (count(*) filter (where status = 'ACCEPTED'))::int as accepted,
         array_agg(due_on::text) filter (where status <> 'ACCEPTED' and due_on is not null) as open_due_days
    from deliverable where project_id in (select id from ids) group by project_id),
partners as (
  select project_id, count(*)::int as accepted from project_partner
   where project_id in (select id from ids) and status = 'ACCEPTED' group by project_id)
select ids.id as project_id,
       coalesce(needs.total, 0) as needs_total, coalesce(needs.covered, 0) as needs_covered,
       coalesce(needs.coverage, 0)::numeric(6, 4)::text as needs_coverage,
       coalesce(pledges.proposed, 0) as pledges_proposed, coalesce(pledges.accepted, 0) as pledges_accepted,
       coalesce(pledges.fulfilled, 0) as pledges_fulfilled,
       coalesce(deliverables.total, 0) as deliverables_total, coalesce(deliverables.accepted, 0) as deliverables_accepted,
       coalesce(deliverables.open_due_days, '{}') as open_due_days,
       coalesce(partners.accepted, 0) as partners_accepted
  from ids
  left join needs on needs.project_id = ids.id
  left join pledges on pledges.project_id = ids.id
  left join deliverables on deliverables.project_id = ids.id
  left join partners on partners.project_id = ids.id`;

interface ProgressSqlRow {
  project_id: string;
  needs_total: number;
  needs_covered: number;
  needs_coverage: string;
  pledges_proposed: number;
  pledges_accepted: number;
  pledges_fulfilled: number;
  deliverables_total: number;
  deliverables_accepted: number;
  open_due_days: string[];
  partners_accepted: number;
}

export function createProjectLoaders(em: EntityManager) {
  return {
    byUuid: entityLoader(em, Project),
    regionsByProject: groupLoader(
      (projects: readonly string[]) =>
        em.find(ProjectRegion, { project: { $in: [...projects] } }, { populate: ['region'], orderBy: { createdAt: 'asc', uuid: 'asc' } }),
      (link) => link.project.uuid,
    ),
    progress: new DataLoader<string, ProgressRow>(async (projects) => {
      const rows = await em.execute<ProgressSqlRow[]>(PROGRESS_SQL(projects.map(() => '(?::uuid)').join(', ')), [...projects]);
      const byProject = new Map(rows.map((row) => [row.project_id, row]));
      return projects.map((uuid) => {
        const row = byProject.get(uuid)!;
        return {
          needsTotal: row.needs_total,
          needsCovered: row.needs_covered,
          needsCoverage: row.needs_coverage,
          pledgesProposed: row.pledges_proposed,
          pledgesAccepted: row.pledges_accepted,
          pledgesFulfilled: row.pledges_fulfilled,
          deliverablesTotal: row.deliverables_total,
          deliverablesAccepted: row.deliverables_accepted,
          openDueDays: row.open_due_days,
          partnersAccepted: row.partners_accepted,
        };
      });
    }),
  };
}

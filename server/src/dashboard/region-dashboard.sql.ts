import type { EntityManager } from '@mikro-orm/postgresql';
import { escapeLike } from '../common/sql.js';
import { chinaDay } from '../common/time/china-day.js';
import { countDemandMetrics, type MetricsRow } from '../demands/demand-metrics.service.js';

/** A half-open period [from, to). */
export interface Period {
  from: Date;
  to: Date;
}

/** One row of the collaboration count: the whole region (`scope` '') or one child region (its uuid). */
export interface CollaborationRow {
  scope: string;
  projects_recruiting: number;
  projects_active: number;
  projects_completed: number;
  projects_cancelled: number;
  needs: number;
  pledges: number;
  pledges_accepted: number;
  funds_accepted: string;
  deliveries_confirmed: number;
  funds_delivered: string;
  sign_ups_completed: number;
  volunteers: number;
  volunteer_hours: string;
}

/**
 * Projects, needs, pledges, deliveries and volunteering of a region subtree over a period, for the
 * region and for each child region, in one statement.
 *
 * - `inside`: every region of the subtree with its child key (the path segment after the region's own
 *   path; '.' for the region itself, which counts in the total only).
 * - Projects belong to regions through `project_region`, possibly several: `scoped` lists each project
 *   once per child it serves and once for the total (scope ''), so nothing is counted twice in a row.
 *   Needs, pledges and deliveries are summed per project first, then per scope. Everything starts from
 *   the subtree's projects and follows indexes (project → pledges → deliveries), so the cost follows
 *   the size of the region, not of the database.
 * - Volunteering belongs to the activity's region (where the service happens); hours come from the
 *   service-hours ledger (corrections included), dated by the shift, as the service record dates them.
 * - Money sums stay `numeric` and leave PostgreSQL as text.
 * - `cross join lateral (… offset 0)` looks rows up per region or shift through their indexes: OFFSET 0
 *   keeps PostgreSQL from flattening the subquery into a hash join that reads the whole table (its cost
 *   model prefers that for a few hundred lookups), which made the statement grow with the database.
 */
const COLLABORATION_SQL = `
with inside as (
  select r.id, coalesce(nullif(split_part(substr(r.path, $childAt), '/', 1), ''), '.') as child
    from region r where r.path like $pathPrefix),
scopes as (
  select '' as scope union all select id::text from region where parent_id = $region),
placed as (
  select distinct i.child, p.id as project_id, p.status,
         p.start_date <= $lastDay and (p.end_date is null or p.end_date >= $firstDay) as running
    from inside i
   cross join lateral (select project_id from project_region pr where pr.region_id = i.id offset 0) pr
    join project p on p.id = pr.project_id
   where p.status <> 'DRAFT'),
scoped as (
  select child as scope, project_id, status, running from placed where child <> '.'
  union all
  select distinct '', project_id, status, running from placed),
project_needs as materialized (
  select n.id, n.project_id, n.kind, n.created_at from need n where n.project_id in (select project_id from placed)),
needs as (
  select project_id, count(*) as needs from project_needs
   where created_at >= $from and created_at < $to
   group by project_id),
project_pledges as materialized (
  select p.id, p.project_id, p.quantity, n.kind = 'FUNDS' as funds, p.created_at >= $from and p.created_at < $to as made,
         p.status in ('ACCEPTED', 'FULFILLED') and p.responded_at >= $from and p.responded_at < $to as accepted
    from pledge p join project_needs n on n.id = p.need_id
   where p.project_id in (select project_id from placed)),
pledges as (
  select project_id, count(*) filter (where made) as made, count(*) filter (where accepted) as accepted,
         sum(quantity) filter (where accepted and funds) as funds_accepted
    from project_pledges group by project_id),
deliveries as (
  select p.project_id, sum(d.confirmed) as confirmed, sum(d.quantity) filter (where p.funds) as funds
    from project_pledges p
   cross join lateral (
     select count(*) as confirmed, sum(quantity) as quantity from delivery
      where pledge_id = p.id and confirmed_at >= $from and confirmed_at < $to) d
   group by p.project_id),
project_figures as (
  select s.scope,
         count(*) filter (where s.running and s.status = 'RECRUITING') as recruiting,
         count(*) filter (where s.running and s.status = 'ACTIVE') as active,
         count(*) filter (where s.running and s.status = 'COMPLETED') as completed,
         count(*) filter (where s.running and s.status = 'CANCELLED') as cancelled,
         sum(n.needs) as needs, sum(pl.made) as pledges, sum(pl.accepted) as pledges_accepted,
         sum(pl.funds_accepted) as funds_accepted, sum(d.confirmed) as deliveries, sum(d.funds) as funds_delivered
    from scoped s
    left join needs n on n.project_id = s.project_id
    left join pledges pl on pl.project_id = s.project_id
    left join deliveries d on d.project_id = s.project_id
   group by s.scope),
shifts as materialized (
  select i.child, s.id
    from inside i
   cross join lateral (select id from volunteer_activity a where a.region_id = i.id offset 0) a
    join shift s on s.activity_id = a.id
   where s.starts_at >= $from and s.starts_at < $to),
sign_ups as (
  select case when grouping(s.child) = 1 then '' else s.child end as scope,
         count(*) as completed, count(distinct u.person_id) as volunteers
    from shifts s
   -- "Not CANCELLED" repeats the predicate of the partial index shift_sign_up_live_unique (shift_id, person_id).
   cross join lateral (
     select person_id from shift_sign_up u where u.shift_id = s.id and u.status = 'COMPLETED' and u.status <> 'CANCELLED' offset 0) u
   group by grouping sets ((s.child), ())),
hours as (
  select case when grouping(s.child) = 1 then '' else s.child end as scope, sum(e.hours) as hours
    from shifts s
   cross join lateral (select hours from service_hours_entry e where e.shift_id = s.id offset 0) e
   group by grouping sets ((s.child), ()))
select sc.scope,
       coalesce(pf.recruiting, 0)::int as projects_recruiting,
       coalesce(pf.active, 0)::int as projects_active,
       coalesce(pf.completed, 0)::int as projects_completed,
       coalesce(pf.cancelled, 0)::int as projects_cancelled,
       coalesce(pf.needs, 0)::int as needs,
       coalesce(pf.pledges, 0)::int as pledges,
       coalesce(pf.pledges_accepted, 0)::int as pledges_accepted,
       coalesce(pf.funds_accepted, 0)::numeric(18, 2)::text as funds_accepted,
       coalesce(pf.deliveries, 0)::int as deliveries_confirmed,
       coalesce(pf.funds_delivered, 0)::numeric(18, 2)::text as funds_delivered,
       coalesce(su.completed, 0)::int as sign_ups_completed,
       coalesce(su.volunteers, 0)::int as volunteers,
       coalesce(h.hours, 0)::numeric(12, 2)::text as volunteer_hours
  from scopes sc
  left join project_figures pf on pf.scope = sc.scope
  left join sign_ups su on su.scope = sc.scope
  left join hours h on h.scope = sc.scope`;

/**
 * `$name` placeholders as the positional `?` the driver takes, so the statement can name each value
 * once and use it many times (and the planner still sees constants, not a parameter table).
 */
function bind(sql: string, values: Record<string, unknown>): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const text = sql.replace(/\$([a-zA-Z]+)/g, (_match, name: string) => {
    if (!(name in values)) {
      throw new Error(`no value for $${name}`);
    }
    params.push(values[name]);
    return '?';
  });
  return { sql: text, params };
}

/** The collaboration statement for a region and period, with its parameters (also for EXPLAIN). */
export function collaborationStatement(region: { uuid: string; path: string }, period: Period): { sql: string; params: unknown[] } {
  return bind(COLLABORATION_SQL, {
    childAt: region.path.length + 1,
    pathPrefix: `${escapeLike(region.path)}%`,
    region: region.uuid,
    from: period.from,
    to: period.to,
    // Project dates are days in China: a project overlaps the period if it runs on any of its days.
    firstDay: chinaDay(period.from),
    lastDay: chinaDay(new Date(period.to.getTime() - 1)),
  });
}

/** The collaboration figures of a region over `period`: one row for the whole region (scope ''), one per child. */
export async function countRegionCollaboration(
  em: EntityManager,
  region: { uuid: string; path: string },
  period: Period,
): Promise<CollaborationRow[]> {
  const { sql, params } = collaborationStatement(region, period);
  return em.getConnection().execute<CollaborationRow[]>(sql, params);
}

export interface RegionDashboardRows {
  collaboration: CollaborationRow[];
  demands: MetricsRow[];
}

/**
 * Every figure of a region's dashboard: the collaboration statement above and the demand metrics
 * statement of `demandMetrics` (reused, without its per-organisation rows), run side by side. Two SQL
 * statements whatever the size of the region; `pnpm bench:dashboard` times exactly this function.
 */
export async function countRegionDashboard(
  em: EntityManager,
  region: { uuid: string; path: string },
  period: Period,
): Promise<RegionDashboardRows> {
  const [collaboration, demands] = await Promise.all([
    countRegionCollaboration(em, region, period),
    countDemandMetrics(em, region.path, period.from, period.to, { byOrganisation: false }),
  ]);
  return { collaboration, demands };
}

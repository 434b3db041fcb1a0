import type { Context } from '../app/context.js';
import { chinaDay } from '../common/time/china-day.js';
import type { Organisation } from '../organisations/organisation.entity.js';
import { OrganisationSubtype } from '../organisations/organisation.enums.js';
import { addDays, DUE_SOON_DAYS } from './commitment-status.js';
import { CommitmentBranchStats, CommitmentDashboard, CommitmentStats } from './commitment-dashboard.types.js';

interface StatsRow {
  organisation_id: string | null;
  total: number;
  open: number;
  due_soon: number;
  overdue: number;
  fulfilled: number;
  fulfilled_on_time: number;
  evaluated: number;
  on_time_rate: string | null;
  evaluation_count: number;
  average_score: string | null;
}

/**
 * Every figure of the dashboard in one statement: per branch, and (the empty grouping set) over all of
 * them. Statuses follow `commitmentStatus` as of `today`; "on time" means fulfilled on or before the
 * due day in China; the average is over all ratings, not an average of averages.
 */
const DASHBOARD_SQL = (scope: string) => `
with branches as (${scope}),
evaluations as (
  select commitment_id, count(*)::int as count, sum(score)::int as score_sum from commitment_evaluation
   where commitment_id in (select c.id from commitment c join branches b on b.id = c.organisation_id)
   group by commitment_id),
rows as (
  select b.id as organisation_id, c.id, c.due_on, c.fulfilled_at,
         (c.fulfilled_at at time zone 'Asia/Shanghai')::date <= c.due_on as on_time,
         coalesce(ev.count, 0) as evaluation_count, coalesce(ev.score_sum, 0) as score_sum
    from branches b left join commitment c on c.organisation_id = b.id left join evaluations ev on ev.commitment_id = c.id)
select organisation_id,
       count(id)::int as total,
       (count(id) filter (where fulfilled_at is null and due_on > ?::date))::int as open,
       (count(id) filter (where fulfilled_at is null and due_on between ?::date and ?::date))::int as due_soon,
       (count(id) filter (where fulfilled_at is null and due_on < ?::date))::int as overdue,
       (count(id) filter (where fulfilled_at is not null))::int as fulfilled,
       (count(id) filter (where fulfilled_at is not null and on_time))::int as fulfilled_on_time,
       (count(id) filter (where fulfilled_at is not null and evaluation_count > 0))::int as evaluated,
       round((count(id) filter (where fulfilled_at is not null and on_time))::numeric
             / nullif(count(id) filter (where fulfilled_at is not null or due_on < ?::date), 0), 4)::text as on_time_rate,
       sum(evaluation_count)::int as evaluation_count,
       round(sum(score_sum)::numeric / nullif(sum(evaluation_count), 0), 2)::text as average_score
  from rows
 group by grouping sets ((organisation_id), ())`;

function stats<T extends CommitmentStats>(target: T, row: StatsRow): T {
  return Object.assign(target, {
    total: row.total,
    open: row.open,
    dueSoon: row.due_soon,
    overdue: row.overdue,
    fulfilled: row.fulfilled,
    fulfilledOnTime: row.fulfilled_on_time,
    evaluated: row.evaluated,
    onTimeRate: row.on_time_rate,
    evaluationCount: row.evaluation_count ?? 0,
    averageScore: row.average_score,
  });
}

/**
 * The commitment figures of a Party organisation: its own, and for a party committee those of every
 * Party organisation in its region subtree (branches and the committees between), itself first and the
 * rest by region and name. The caller checks `commitment.readDashboard`.
 */
export async function commitmentDashboard(ctx: Context, organisation: Organisation): Promise<CommitmentDashboard> {
  const today = chinaDay(ctx.clock.now());
  const soon = addDays(today, DUE_SOON_DAYS);
  const committee = organisation.subtype === OrganisationSubtype.PARTY_COMMITTEE;
  const scope = committee
    ? `select o.id from organisation o join region r on r.id = o.region_id join region top on top.id = ?
        where o.kind = 'PARTY_ORGANISATION' and starts_with(r.path, top.path)`
    : 'select ?::uuid as id';
  const rows = await ctx.em.execute<StatsRow[]>(DASHBOARD_SQL(scope), [
    committee ? organisation.region.uuid : organisation.uuid,
    soon,
    today,
    soon,
    today,
    today,
  ]);
  const totals = rows.find((row) => row.organisation_id === null)!;
  const perBranch = rows.filter((row) => row.organisation_id !== null);
  const organisations = await Promise.all(perBranch.map((row) => ctx.loaders.organisations.byUuid.load(row.organisation_id!)));
  const regions = await Promise.all(organisations.map((branch) => ctx.loaders.regions.byUuid.load(branch!.region.uuid)));
  const branches = perBranch
    .map((row, index) => ({ row, branch: organisations[index]!, path: regions[index]!.path }))
    .sort((a, b) =>
      a.branch.uuid === organisation.uuid
        ? -1
        : b.branch.uuid === organisation.uuid
          ? 1
          : a.path.localeCompare(b.path) || a.branch.name.localeCompare(b.branch.name, 'zh-CN'),
    )
    .map(({ row, branch }) => Object.assign(stats(new CommitmentBranchStats(), row), { organisation: branch }));
  return Object.assign(new CommitmentDashboard(), { organisation, asOf: today, totals: stats(new CommitmentStats(), totals), branches });
}

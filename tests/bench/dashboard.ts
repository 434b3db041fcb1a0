/**
 * `pnpm bench:dashboard --scale N`: times the region-dashboard aggregates (needs, pledges, deliveries,
 * volunteer sign-ups, demand metrics for one township subtree over a year) directly in SQL, median of
 * 7 runs per township over 5 townships — the figures behind docs/scaling.md. Generates the data set
 * when missing.
 */
import { parseArgs } from 'node:util';
import { ensureDataset } from './data/ensure.js';
import { median } from './loadgen.js';
import { connect, migrateDatabase, openBenchDatabase } from './support/database.js';

const DASHBOARD_SQL = `
with inside as (select r.id from region r join region t on t.id = $1 where starts_with(r.path, t.path)),
projects as (select distinct pr.project_id as id from project_region pr where pr.region_id in (select id from inside)),
ledger as (
  select count(distinct n.id) as needs, count(p.id) as pledges,
         coalesce(sum(p.quantity) filter (where p.status in ('ACCEPTED', 'FULFILLED') and n.kind = 'FUNDS'), 0) as funds_accepted
    from need n left join pledge p on p.need_id = n.id
   where n.project_id in (select id from projects) and n.created_at >= $2::timestamptz - interval '1 year'),
deliveries as (
  select count(*) as deliveries from delivery d join pledge p on p.id = d.pledge_id
   where p.project_id in (select id from projects) and d.confirmed_at >= $2::timestamptz - interval '1 year'),
volunteering as (
  select count(*) filter (where u.status = 'COMPLETED') as completed, sum(extract(epoch from s.ends_at - s.starts_at) / 3600) filter (where u.status = 'COMPLETED') as hours
    from shift_sign_up u join shift s on s.id = u.shift_id join volunteer_activity a on a.id = s.activity_id
   where a.project_id in (select id from projects) and s.starts_at >= $2::timestamptz - interval '1 year'),
demands as (
  select count(*) as tickets, count(*) filter (where status in ('RESOLVED', 'RATED')) as resolved,
         count(*) filter (where rating = 'SATISFIED') as satisfied,
         percentile_cont(0.5) within group (order by extract(epoch from resolved_at - created_at)) as median_resolution_seconds
    from demand_ticket where grid_id in (select id from inside) and created_at >= $2::timestamptz - interval '1 year')
select * from ledger, deliveries, volunteering, demands`;

const { values } = parseArgs({
  options: { scale: { type: 'string', default: '1' }, seed: { type: 'string', default: '1' }, 'database-url': { type: 'string' } },
});
const scale = Number(values.scale);
const db = await openBenchDatabase(scale, values['database-url']);
try {
  await migrateDatabase(db.url);
  const client = await connect(db.url);
  try {
    await ensureDataset(client, { scale, seed: Number(values.seed), progress: true });
    const townships = (await client.query(`select id from region where level = 'TOWNSHIP' order by id limit 5`)).rows.map((row) => row.id);
    const timings: number[] = [];
    for (const township of townships) {
      for (let run = 0; run < 8; run += 1) {
        const started = performance.now();
        await client.query(DASHBOARD_SQL, [township, '2026-06-01T00:00:00Z']);
        if (run > 0) {
          timings.push(performance.now() - started); // the first run of each warms the cache
        }
      }
    }
    const sizes = (
      await client.query(`select (select count(*) from pledge)::int as pledges, (select count(*) from demand_ticket)::int as demands,
      (select count(*) from shift_sign_up)::int as sign_ups, pg_size_pretty(pg_database_size(current_database())) as size`)
    ).rows[0];
    console.log(
      JSON.stringify({ scale, medianMs: Number(median(timings).toFixed(2)), maxMs: Number(Math.max(...timings).toFixed(2)), ...sizes }),
    );
  } finally {
    await client.end();
  }
} finally {
  await db.stop();
}

/**
 * `pnpm bench:dashboard --scale N`: times the region dashboard's SQL directly — `countRegionDashboard`,
 * the very function the `regionDashboard` query runs (projects, needs, pledges, deliveries, volunteer
 * sign-ups and ledger hours in one statement, the demand metrics statement beside it) — for one
 * township subtree over the data set's year, median of 7 runs per township over 5 townships: the
 * figures behind docs/scaling.md. Both statements are also timed alone. Generates the data set when
 * missing. `pnpm bench` measures the same query through the HTTP API (dashboard-api.ts).
 */
import { parseArgs } from 'node:util';
import { initOrm } from '@gongzhi/server';
import { countDemandMetrics } from '@gongzhi/server/src/demands/demand-metrics.service.js';
import { countRegionCollaboration, countRegionDashboard } from '@gongzhi/server/src/dashboard/region-dashboard.sql.js';
import { DASHBOARD_PERIOD } from './dashboard-api.js';
import { ensureDataset } from './data/ensure.js';
import { median } from './loadgen.js';
import { connect, migrateDatabase, openBenchDatabase } from './support/database.js';

const RUNS = 7;

const { values } = parseArgs({
  options: { scale: { type: 'string', default: '1' }, seed: { type: 'string', default: '1' }, 'database-url': { type: 'string' } },
});
const scale = Number(values.scale);
const db = await openBenchDatabase(scale, values['database-url']);
try {
  await migrateDatabase(db.url);
  const client = await connect(db.url);
  let townships: { uuid: string; path: string }[];
  let sizes: Record<string, unknown>;
  try {
    await ensureDataset(client, { scale, seed: Number(values.seed), progress: true });
    townships = (await client.query(`select id as uuid, path from region where level = 'TOWNSHIP' order by id limit 5`)).rows;
    sizes = (
      await client.query(`select (select count(*) from pledge)::int as pledges, (select count(*) from demand_ticket)::int as demands,
      (select count(*) from shift_sign_up)::int as sign_ups, (select count(*) from service_hours_entry)::int as hours_entries,
      pg_size_pretty(pg_database_size(current_database())) as size`)
    ).rows[0];
  } finally {
    await client.end();
  }
  const orm = await initOrm({ url: db.url });
  try {
    const em = orm.em.fork();
    const timings = { dashboard: [] as number[], collaboration: [] as number[], demands: [] as number[] };
    const time = async (into: number[], run: number, work: () => Promise<unknown>) => {
      const started = performance.now();
      await work();
      if (run > 0) {
        into.push(performance.now() - started); // the first run of each warms the cache
      }
    };
    for (const township of townships) {
      for (let run = 0; run <= RUNS; run += 1) {
        await time(timings.dashboard, run, () => countRegionDashboard(em, township, DASHBOARD_PERIOD));
        await time(timings.collaboration, run, () => countRegionCollaboration(em, township, DASHBOARD_PERIOD));
        await time(timings.demands, run, () =>
          countDemandMetrics(em, township.path, DASHBOARD_PERIOD.from, DASHBOARD_PERIOD.to, { byOrganisation: false }),
        );
      }
    }
    const ms = (list: number[]) => Number(median(list).toFixed(2));
    console.log(
      JSON.stringify({
        scale,
        medianMs: ms(timings.dashboard),
        maxMs: Number(Math.max(...timings.dashboard).toFixed(2)),
        collaborationMedianMs: ms(timings.collaboration),
        demandsMedianMs: ms(timings.demands),
        ...sizes,
      }),
    );
  } finally {
    await orm.close();
  }
} finally {
  await db.stop();
}

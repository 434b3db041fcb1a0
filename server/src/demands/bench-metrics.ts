/**
 * Benchmark (not a test) of the demandMetrics SQL on a district's year of tickets: starts a
 * throw-away embedded PostgreSQL, migrates it, seeds the demo district, inserts 100,000 tickets spread
 * over its grids and the past year, and prints the time of the metrics statement for the district
 * (median of 5 runs, after one warm-up), and for a street.
 *
 * Usage (from server/): pnpm exec tsx src/demands/bench-metrics.ts [tickets]
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../app/logger.js';
import { startEmbeddedPostgres } from '../db/embedded-postgres.js';
import { migrate } from '../db/migrate.js';
import { initOrm } from '../db/orm.js';
import { DEMO_FIXTURES } from '../demo/fixtures.js';
import { seedDemoOnce } from '../demo/seed.js';
import { countDemandMetrics } from './demand-metrics.service.js';

const TICKETS = Number(process.argv[2] ?? 100_000);
const RUNS = 5;
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

const print = (line: string) => process.stdout.write(`${line}\n`);

/**
 * 100,000 tickets with realistic proportions: most closed and rated, some open, late responses and
 * resolutions, reopenings. One INSERT … SELECT with a fixed random seed, so runs are comparable.
 */
const INSERT_TICKETS = `
  insert into demand_ticket (id, created_at, updated_at, resident_id, submitted_by_id, channel, grid_id, category, description,
    contact_name, contact_preference, evidence_urls, resolution_evidence_urls, status, round, response_due_at, resolution_due_at,
    due_at, responded_at, resolved_at, rating, reopened_count, owner_organisation_id, assigned_organisation_id)
  select gen_random_uuid(), t.created, t.created, $resident, $resident, 'ONLINE', grids.ids[1 + floor(t.r1 * array_length(grids.ids, 1))::int],
         (enum_range(null::demand_category))[1 + floor(t.r2 * 11)::int], '基准测试', '测试', 'PHONE_CALL', '{}', '{}',
         s.status, case when t.r3 < 0.05 then 2 else 1 end, t.created + interval '24 hours', t.created + interval '7 days',
         case when s.status in ('SUBMITTED', 'DISPATCHED', 'ACCEPTED') then t.created + interval '7 days' end,
         case when s.status not in ('SUBMITTED', 'DISPATCHED', 'REJECTED', 'MERGED') then t.created + make_interval(hours => floor(t.r3 * 40)::int) end,
         case when s.status in ('RESOLVED', 'RATED', 'CLOSED_UNRATED') then t.created + make_interval(hours => floor(t.r4 * 240)::int) end,
         case when s.status = 'RATED' then (array['SATISFIED', 'SATISFIED', 'SATISFIED', 'PARTLY', 'UNSATISFIED'])[1 + floor(t.r4 * 5)::int]::demand_rating end,
         case when t.r3 < 0.05 then 1 else 0 end,
         case when s.status not in ('SUBMITTED', 'REJECTED', 'MERGED') then orgs.ids[1 + floor(t.r2 * array_length(orgs.ids, 1))::int] end,
         case when s.status not in ('SUBMITTED', 'REJECTED', 'MERGED') then orgs.ids[1 + floor(t.r2 * array_length(orgs.ids, 1))::int] end
    from (select n, $now::timestamptz - random() * interval '365 days' as created, random() as r1, random() as r2, random() as r3, random() as r4, random() as r5
            from generate_series(1, $count) as n) t
    cross join lateral (select case
        when t.r5 < 0.04 then 'SUBMITTED' when t.r5 < 0.07 then 'DISPATCHED' when t.r5 < 0.12 then 'ACCEPTED'
        when t.r5 < 0.16 then 'RESOLVED' when t.r5 < 0.78 then 'RATED' when t.r5 < 0.92 then 'CLOSED_UNRATED'
        when t.r5 < 0.96 then 'REJECTED' when t.r5 < 0.98 then 'MERGED' else 'CONVERTED_TO_NEED' end::demand_status as status) s
    cross join (select array_agg(r.id order by r.path) as ids from region r
                 where r.level in ('GRID', 'MICRO_GRID') and r.path like $district) grids
    cross join (select array_agg(o.id order by o.name) as ids from organisation o where o.verification_status = 'VERIFIED') orgs`;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-bench-'));
  fs.chmodSync(dir, 0o755);
  const db = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), database: 'bench', persistent: false });
  const orm = await initOrm({ url: db.url, statementTimeoutMs: 600_000 });
  try {
    await migrate(orm);
    await seedDemoOnce(orm, createLogger('warn'));
    const connection = orm.em.getConnection();
    const [district] = await connection.execute<{ id: string; path: string }[]>(
      `select id, path from region where name = ? and level = 'DISTRICT'`,
      [DEMO_FIXTURES.district],
    );
    const [township] = await connection.execute<{ path: string }[]>(`select path from region where name = ? and level = 'TOWNSHIP'`, [
      DEMO_FIXTURES.township,
    ]);
    const [resident] = await connection.execute<{ id: string }[]>(`select id from person order by phone limit 1`);
    const now = new Date();
    const started = performance.now();
    await connection.execute('select setseed(0.42)');
    const sql = INSERT_TICKETS.replaceAll('$resident', `'${resident!.id}'`)
      .replaceAll('$now', `'${now.toISOString()}'`)
      .replaceAll('$count', String(TICKETS))
      .replaceAll('$district', `'${district!.path}%'`);
    await connection.execute(sql);
    await connection.execute('analyze demand_ticket');
    print(`inserted ${TICKETS} tickets in ${Math.round(performance.now() - started)} ms`);

    const from = new Date(now.getTime() - YEAR_MS);
    const to = new Date(now.getTime() + 1000);
    for (const [label, regionPath] of [
      [DEMO_FIXTURES.district, district!.path],
      [DEMO_FIXTURES.township, township!.path],
    ] as const) {
      const em = orm.em.fork();
      await countDemandMetrics(em, regionPath, from, to); // warm-up
      const times: number[] = [];
      let rows = 0;
      for (let run = 0; run < RUNS; run += 1) {
        const start = performance.now();
        rows = (await countDemandMetrics(em, regionPath, from, to)).length;
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(RUNS / 2)]!;
      print(
        `demandMetrics SQL for ${label} over a year: median ${median.toFixed(1)} ms of ${RUNS} runs (${times.map((time) => time.toFixed(0)).join(', ')} ms; ${rows} result rows)`,
      );
    }
  } finally {
    await orm.close();
    await db.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();

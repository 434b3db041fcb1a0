import { beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_API_QUICK } from '../bench/dashboard-api.js';
import { FANOUT_QUICK } from '../bench/fanout.js';
import { runBench } from '../bench/harness.js';
import { runSoak } from '../bench/soak.js';
import { runStalls, stallsMarkdown } from '../bench/stalls.js';
import { connect } from '../bench/support/database.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;

beforeAll(async () => {
  // An empty migrated database of its own; the bench generates its data set (scale 0.01) into it.
  server = await startTestServer({ demo: false });
  await server.stop();
});

describe('pnpm bench --quick', () => {
  it('passes the correctness gate against the raw-SQL limit and PostGraphile and answers every request', async () => {
    const result = await runBench({
      scale: 0.01,
      seed: 1,
      databaseUrl: server.databaseUrl,
      durationMs: 200,
      rounds: 1,
      concurrency: [4],
      fixedRate: false,
      fanout: FANOUT_QUICK,
      writes: { durationMs: 300, concurrency: 4, rounds: 2 },
      dashboard: DASHBOARD_API_QUICK,
      log: () => {},
    });
    expect(result.gate).toMatchObject({ passed: true, against: ['raw-sql', 'postgraphile'] });
    expect(result.gate.projectsCompared).toBeGreaterThan(0);
    expect(result.measurements).toHaveLength(9);
    expect(result.measurements.filter((m) => m.errors > 0).map((m) => `${m.target} ${m.query}: ${m.firstError}`)).toEqual([]);
    expect(result.measurements.every((m) => m.requests > 0)).toBe(true);
    // The page's statement count does not depend on its size (the N+1 guard), and is small.
    expect(result.statementsPerRequest.q1).toBeLessThanOrEqual(12);
    // Region dashboard: answered every request, its totals equal the SQL `pnpm bench:dashboard` times,
    // with a constant handful of statements, and it took its REGION_ADMIN roles and sessions away again.
    const dashboard = result.dashboard!;
    expect(dashboard).toMatchObject({ errors: 0, check: { matches: true, nonEmpty: true } });
    expect(dashboard.requests).toBeGreaterThan(0);
    expect(dashboard.sqlPerRequest).toBeLessThanOrEqual(8);
    const leftovers = await connect(server.databaseUrl);
    const left = await leftovers
      .query(`select (select count(*) from region_role)::int + (select count(*) from session)::int as n`)
      .finally(() => leftovers.end());
    expect(left.rows[0].n).toBe(0);
    // Fan-out: every subscriber got every change of the project, on a copy of the database.
    expect(result.fanout).toMatchObject({ missed: 0, errors: 0 });
    expect(result.fanout!.events.map((event) => event.delivered)).toEqual(Array(FANOUT_QUICK.events).fill(FANOUT_QUICK.subscribers));
    expect(result.fanout!.events.every((event) => event.firstMs <= event.lastMs)).toBe(true);
    // The event's entry, project and actors are loaded once for all subscribers: each adds (almost) no SQL.
    expect(result.fanout!.sqlSharedPerEvent).toBeGreaterThan(0);
    expect(result.fanout!.sqlPerSubscriberPerEvent).toBeLessThan(1);
    const client = await connect(server.databaseUrl);
    const copy = await client
      .query('select 1 from pg_database where datname = $1', [`${client.database}_fanout`])
      .finally(() => client.end());
    expect(copy.rowCount).toBe(0);
    // Writes: every operation ran on the copy, answered with business outcomes only, and the rules held.
    const writes = result.writes!;
    expect(writes.rows.map((row) => row.operation)).toEqual([
      'pledgeCreate',
      'shiftSignUpSpread',
      'shiftSignUpHot',
      'deliverableTransition',
    ]);
    expect(writes.rows.filter((row) => row.errors > 0).map((row) => `${row.operation}: ${row.firstError}`)).toEqual([]);
    expect(writes.rows.every((row) => row.requests > 0 && row.successes > 0)).toBe(true);
    expect(writes.rows.map((row) => row.activityEntries)).toEqual(writes.rows.map((row) => row.successes));
    expect(writes.invariants.filter((invariant) => invariant.violations > 0)).toEqual([]);
    // After each row, its fixed-rate run at half its req/s; then pledgeCreate against the raw-SQL limit.
    const runs = [...writes.rows, writes.limit].flatMap((row) => [row, row.fixedRate]);
    expect(runs.filter((run) => run.errors > 0).map((run) => run.firstError)).toEqual([]);
    expect(runs.every((run) => run.requests + ('skipped' in run ? run.skipped : 0) > 0)).toBe(true);
    expect(runs.map((run) => run.activityEntries)).toEqual(runs.map((run) => run.successes));
    // Every row, the limit's included, ran once per round and kept each round's figures.
    expect([...writes.rows, writes.limit].map((row) => row.rounds.length)).toEqual([2, 2, 2, 2, 2]);
    expect(writes.limit).toMatchObject({ server: 'raw-sql', operation: 'pledgeCreate' });
    expect(writes.limit.successes).toBeGreaterThan(0);
  }, 120_000);

  it('soaks Q1 and the writes against one server, sampling its memory through /metrics', async () => {
    // The data set generated by the test above is reused (same scale and seed).
    const result = await runSoak({
      scale: 0.01,
      seed: 1,
      databaseUrl: server.databaseUrl,
      durationMs: 3000,
      warmupMs: 1000,
      sampleEveryMs: 500,
      concurrency: 4,
      log: () => {},
    });
    expect(result.errors).toBe(0);
    expect(result.kinds.every((kind) => kind.requests > 0)).toBe(true);
    expect(result.samples.length).toBeGreaterThanOrEqual(4);
    expect(result.samples.every((sample) => sample.rssMiB > 0 && sample.heapUsedMiB > 0)).toBe(true);
    expect(Number.isFinite(result.verdict.rss.percent) && Number.isFinite(result.verdict.heapUsed.percent)).toBe(true);
    expect(result.invariants.filter((invariant) => invariant.violations > 0)).toEqual([]);
  }, 60_000);

  it('times one write operation at a fixed rate and samples what the database connections do meanwhile', async () => {
    const result = await runStalls({
      scale: 0.01,
      seed: 1,
      databaseUrl: server.databaseUrl,
      operation: 'pledgeCreate',
      rounds: 2,
      rate: 40,
      durationMs: 500,
      slowMs: 20,
      log: () => {},
    });
    expect(result.rounds).toHaveLength(2);
    expect(result.rounds.every((round) => round.requests > 0 && round.p50 > 0 && round.outside.samples > 0)).toBe(true);
    expect(
      stallsMarkdown(result)
        .split('\n')
        .filter((line) => /^\| \d+ \|/.test(line)),
    ).toHaveLength(2);
    const client = await connect(server.databaseUrl);
    const copy = await client
      .query('select 1 from pg_database where datname = $1', [`${client.database}_stalls`])
      .finally(() => client.end());
    expect(copy.rowCount).toBe(0);
  }, 60_000);
});

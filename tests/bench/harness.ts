/**
 * The benchmark: Gongzhi (a separate production-mode process) against the raw-SQL limit and PostGraphile,
 * same database, same run, after a correctness gate. See README "Benchmarks".
 */
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { createLogger, freePort, loadConfig, startGongzhi } from '@gongzhi/server';
import { toGlobalId } from '@gongzhi/server/src/common/relay/global-id.js';
import { ensureDataset } from './data/ensure.js';
import { runFanout, type FanoutOptions, type FanoutResult } from './fanout.js';
import { runWrites, type WritesOptions, type WritesResult } from './writes.js';
import { runDashboardApi, type DashboardApiOptions, type DashboardApiResult } from './dashboard-api.js';
import { Random } from './data/random.js';
import { closedLoop, fixedRate, median, medianFigures, percentile, post, type LoadResult } from './loadgen.js';
import { cpuDelta, cpuSnapshot, gongzhiCommand, peakRssMiB, startProcess, TSX, type ServerProcess } from './processes.js';
import { GONGZHI, POSTGRAPHILE, canonicalGongzhi, canonicalPostgraphile, type QueryName } from './queries.js';
import { preparePostgraphile } from './reference/postgraphile-setup.js';
import { connect, copyDatabase, dropDatabase, migrateDatabase, openBenchDatabase, postgresPids, REPO_ROOT } from './support/database.js';

export interface BenchOptions {
  scale: number;
  seed: number;
  databaseUrl?: string;
  durationMs: number;
  rounds: number;
  concurrency: number[];
  /** Also run the fixed-rate pass at half the measured maximum (p99 under a steady load). */
  fixedRate: boolean;
  /** The subscription fan-out section (fanout.ts); skipped when absent. */
  fanout?: FanoutOptions;
  /** The writes section (writes.ts); skipped when absent. */
  writes?: WritesOptions;
  /** The region dashboard section (dashboard-api.ts, reads the bench database itself); skipped when absent. */
  dashboard?: DashboardApiOptions;
  /** Runs only these sections (`reads`, `fanout`, …); every section when absent. */
  only?: string[];
  log: (line: string) => void;
}

export type Target = 'gongzhi' | 'raw-sql' | 'postgraphile';

export interface Measurement {
  target: Target;
  query: QueryName;
  concurrency: number;
  round: number;
  rps: number;
  p50: number;
  p99: number;
  nodeCpuMsPerRequest: number;
  pgCpuMsPerRequest: number | null;
  bytesPerResponse: number;
  requests: number;
  errors: number;
  firstError?: string;
}

export interface BenchResult {
  startedAt: string;
  machine: { cpus: number; model: string; loadAverageBefore: number[]; loadAverageAfter: number[] };
  options: Omit<BenchOptions, 'log'>;
  dataset: Record<string, number>;
  commands: Record<string, string>;
  gate: { passed: boolean; townships: number; projectsCompared: number; against: Target[] };
  statementsPerRequest: Record<QueryName, number>;
  measurements: Measurement[];
  summary: (Omit<Measurement, 'round' | 'requests' | 'firstError'> & { sqlPerRequest: number | null })[];
  ratios: { query: QueryName; concurrency: number; versus: Target; rps: number; p99: number; rounds: number[] }[];
  fixedRate: { target: Target; rate: number; p50: number; p99: number; errors: number }[];
  peakRssMiB: Record<string, number>;
  fanout?: FanoutResult;
  dashboard?: DashboardApiResult;
  writes?: WritesResult;
}

const PLANS: { target: Target; query: QueryName }[] = [
  { target: 'gongzhi', query: 'q1' },
  { target: 'raw-sql', query: 'q1' },
  { target: 'postgraphile', query: 'q1' },
  { target: 'gongzhi', query: 'q2' },
  { target: 'postgraphile', query: 'q2' },
  { target: 'gongzhi', query: 'q3' },
  { target: 'postgraphile', query: 'q3' },
  { target: 'gongzhi', query: 'q4' },
  { target: 'postgraphile', query: 'q4' },
];

interface Pools {
  townships: string[];
  projects: string[];
  organisations: string[];
}

/** Request bodies with random (seeded) variables, per target and query. */
function bodies(pools: Pools, seed: number) {
  const random = new Random(seed);
  const vars: Record<QueryName, (global: boolean) => Record<string, string>> = {
    q1: (global) => ({ region: ((uuid) => (global ? toGlobalId('Region', uuid) : uuid))(random.pick(pools.townships)) }),
    q2: () => ({}),
    q3: (global) => ({ id: ((uuid) => (global ? toGlobalId('Project', uuid) : uuid))(random.pick(pools.projects)) }),
    q4: (global) => ({ id: ((uuid) => (global ? toGlobalId('Organisation', uuid) : uuid))(random.pick(pools.organisations)) }),
  };
  return (target: Target, query: QueryName) => () =>
    JSON.stringify({
      query: target === 'postgraphile' ? POSTGRAPHILE[query] : GONGZHI[query],
      variables: vars[query](target === 'gongzhi'),
    });
}

async function graphql(url: string, query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const agent = new http.Agent();
  const { status, body } = await post(agent, new URL(url), JSON.stringify({ query, variables }));
  agent.destroy();
  const parsed = JSON.parse(body);
  if (status !== 200 || parsed.errors) {
    throw new Error(`${url} answered ${status}: ${body.slice(0, 500)}`);
  }
  return parsed.data;
}

/** Statements per request, counted once in-process with `onQuery` (embedded PostgreSQL has no pg_stat_statements). */
async function countStatements(databaseUrl: string, pools: Pools, makeBody: ReturnType<typeof bodies>): Promise<Record<QueryName, number>> {
  let count = 0;
  const config = loadConfig(
    { NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: databaseUrl, SEED_DEMO: 'false', DEMAND_SWEEP_INTERVAL_MS: '0' },
    { dataDir: '', portalDir: path.join(REPO_ROOT, 'portal/dist') },
  );
  const app = await startGongzhi({ config, logger: createLogger('silent'), onQuery: () => (count += 1) });
  const agent = new http.Agent({ keepAlive: true });
  try {
    const result = {} as Record<QueryName, number>;
    for (const query of Object.keys(GONGZHI) as QueryName[]) {
      await post(agent, new URL(`${app.url}/graphql`), makeBody('gongzhi', query)()); // warm-up (schema caches)
      count = 0;
      await post(agent, new URL(`${app.url}/graphql`), makeBody('gongzhi', query)());
      result[query] = count;
    }
    void pools;
    return result;
  } finally {
    agent.destroy();
    await app.stop();
  }
}

async function ready(url: string): Promise<boolean> {
  const agent = new http.Agent();
  try {
    const { status } = await post(
      agent,
      new URL(url),
      JSON.stringify({ query: '{ __typename }', variables: { region: '00000000-0000-0000-0000-000000000000' } }),
    );
    return status === 200;
  } finally {
    agent.destroy();
  }
}

async function startServers(databaseUrl: string): Promise<Record<Target, ServerProcess>> {
  const testsDir = path.join(REPO_ROOT, 'tests');
  const [gPort, rPort, pPort] = [await freePort(), await freePort(), await freePort()];
  const gongzhi = gongzhiCommand();
  const servers = {} as Record<Target, ServerProcess>;
  try {
    servers.gongzhi = await startProcess({
      name: 'gongzhi',
      args: gongzhi.args,
      cwd: gongzhi.cwd,
      label: gongzhi.label,
      url: `http://127.0.0.1:${gPort}/graphql`,
      env: {
        NODE_ENV: 'production',
        PORT: String(gPort),
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        DEMAND_SWEEP_INTERVAL_MS: '0',
      },
      ready: () => ready(`http://127.0.0.1:${gPort}/graphql`),
    });
    servers['raw-sql'] = await startProcess({
      name: 'raw-sql',
      args: ['--import', `file://${TSX}`, 'bench/reference/raw-sql-server.ts', databaseUrl, String(rPort)],
      cwd: testsDir,
      label: 'node tests/bench/reference/raw-sql-server.ts (pg, pool 10)',
      url: `http://127.0.0.1:${rPort}/graphql`,
      env: { NODE_ENV: 'production' },
      ready: () => ready(`http://127.0.0.1:${rPort}/graphql`),
    });
    servers.postgraphile = await startProcess({
      name: 'postgraphile',
      args: ['--import', `file://${TSX}`, 'bench/reference/postgraphile-server.ts', databaseUrl, String(pPort)],
      cwd: testsDir,
      label: 'node tests/bench/reference/postgraphile-server.ts (postgraphile 5.1.5, amber preset, pool 10)',
      url: `http://127.0.0.1:${pPort}/graphql`,
      env: { NODE_ENV: 'production', GRAPHILE_ENV: 'production' },
      ready: () => ready(`http://127.0.0.1:${pPort}/graphql`),
    });
    return servers;
  } catch (error) {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
    throw error;
  }
}

/** The gate: for several townships, all three servers' Q1 pages carry the same projects and data. */
async function gate(servers: Record<Target, ServerProcess>, pools: Pools, log: (line: string) => void) {
  const townships = pools.townships.slice(0, 5);
  let projectsCompared = 0;
  for (const township of townships) {
    const ours = canonicalGongzhi(await graphql(servers.gongzhi.url, GONGZHI.q1, { region: toGlobalId('Region', township) }));
    const raw = canonicalGongzhi(await graphql(servers['raw-sql'].url, GONGZHI.q1, { region: township }));
    const peer = canonicalPostgraphile(await graphql(servers.postgraphile.url, POSTGRAPHILE.q1, { region: township }));
    for (const [name, other] of [
      ['raw-sql', raw],
      ['postgraphile', peer],
    ] as const) {
      if (!isDeepStrictEqual(ours, other)) {
        const index = ours.findIndex((project, at) => !isDeepStrictEqual(project, other[at]));
        throw new Error(
          `correctness gate failed: Gongzhi's Q1 differs from ${name} for township ${township} at project ${index}:\n` +
            `gongzhi: ${JSON.stringify(ours[index])}\n${name}: ${JSON.stringify(other[index])}`,
        );
      }
    }
    if (!ours.length) {
      throw new Error(`correctness gate: township ${township} has no projects; the data set is too small`);
    }
    projectsCompared += ours.length;
  }
  log(`gate passed: ${projectsCompared} projects of ${townships.length} townships identical in gongzhi, raw-sql and postgraphile`);
  return { passed: true, townships: townships.length, projectsCompared, against: ['raw-sql', 'postgraphile'] as Target[] };
}

function measure(
  target: Target,
  query: QueryName,
  concurrency: number,
  round: number,
  load: LoadResult,
  nodeMs: number,
  pgMs: number | null,
): Measurement {
  const ok = Math.max(1, load.requests);
  return {
    target,
    query,
    concurrency,
    round,
    rps: load.requests / load.seconds,
    p50: percentile(load.latenciesMs, 50),
    p99: percentile(load.latenciesMs, 99),
    nodeCpuMsPerRequest: nodeMs / ok,
    pgCpuMsPerRequest: pgMs === null ? null : pgMs / ok,
    bytesPerResponse: load.bytes / ok,
    requests: load.requests,
    errors: load.errors,
    ...(load.firstError ? { firstError: load.firstError } : {}),
  };
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const { log } = options;
  const loadBefore = os.loadavg();
  const db = await openBenchDatabase(options.scale, options.databaseUrl);
  let servers: Record<Target, ServerProcess> | undefined;
  let fanoutUrl: string | undefined;
  let writesUrl: string | undefined;
  // Ctrl-C must not leave the three servers and the PostgreSQL cluster behind.
  const interrupted = () => {
    void Promise.all(Object.values(servers ?? {}).map((server) => server.stop()))
      .then(() => db.stop())
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    await migrateDatabase(db.url);
    const client = await connect(db.url);
    let pools: Pools;
    let dataset: Record<string, number>;
    try {
      const ensured = await ensureDataset(client, { scale: options.scale, seed: options.seed, progress: true });
      dataset = ensured.counts;
      await preparePostgraphile(client);
      const ids = async (sql: string) => (await client.query(sql)).rows.map((row) => row.id as string);
      pools = {
        // Townships that have non-draft projects, so every Q1 request returns a page.
        townships:
          await ids(`select distinct t.id from region t join region r on starts_with(r.path, t.path) join project_region pr on pr.region_id = r.id
                               join project p on p.id = pr.project_id where t.level = 'TOWNSHIP' and p.status <> 'DRAFT' order by t.id`),
        projects: await ids(`select id from project where status <> 'DRAFT' order by id`),
        organisations: await ids(
          `select distinct organisation_id as id from pledge p join project j on j.id = p.project_id where j.status <> 'DRAFT' order by 1`,
        ),
      };
    } finally {
      await client.end();
    }
    const runs = (section: string) => !options.only || options.only.includes(section);
    // Sections that write get their copy of the database now, while nothing is connected to it yet.
    if (options.fanout && runs('fanout')) {
      fanoutUrl = await copyDatabase(db.url, `${decodeURIComponent(new URL(db.url).pathname.slice(1))}_fanout`);
    }
    if (options.writes && runs('writes')) {
      writesUrl = await copyDatabase(db.url, `${decodeURIComponent(new URL(db.url).pathname.slice(1))}_writes`);
    }
    // The sections after the reads (their read servers sit idle meanwhile), each on its own copy.
    const sections = async (): Promise<Pick<BenchResult, 'dashboard' | 'fanout' | 'writes'>> => ({
      // A read: on the bench database itself, before the sections that write on their copies.
      ...(options.dashboard && runs('dashboard')
        ? {
            dashboard: await runDashboardApi({
              databaseUrl: db.url,
              pgPids: () => postgresPids(db.dataDir),
              options: options.dashboard,
              seed: options.seed,
              log,
            }),
          }
        : {}),
      ...(fanoutUrl && options.fanout
        ? { fanout: await runFanout({ databaseUrl: fanoutUrl, pgPids: () => postgresPids(db.dataDir), options: options.fanout, log }) }
        : {}),
      ...(writesUrl && options.writes
        ? {
            writes: await runWrites({
              databaseUrl: writesUrl,
              pgPids: () => postgresPids(db.dataDir),
              options: options.writes,
              seed: options.seed,
              log,
            }),
          }
        : {}),
    });
    const header = () => ({
      startedAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? '', loadAverageBefore: loadBefore, loadAverageAfter: os.loadavg() },
      options: {
        scale: options.scale,
        seed: options.seed,
        durationMs: options.durationMs,
        rounds: options.rounds,
        concurrency: options.concurrency,
        fixedRate: options.fixedRate,
        ...(options.fanout ? { fanout: options.fanout } : {}),
        ...(options.writes ? { writes: options.writes } : {}),
        ...(options.dashboard ? { dashboard: options.dashboard } : {}),
        ...(options.only ? { only: options.only } : {}),
        ...(options.databaseUrl ? { databaseUrl: '(given)' } : {}),
      },
      dataset,
    });
    if (!runs('reads')) {
      const extra = await sections();
      const none = { passed: false, townships: 0, projectsCompared: 0, against: [] };
      return {
        ...header(),
        commands: {},
        gate: none,
        statementsPerRequest: {} as Record<QueryName, number>,
        measurements: [],
        summary: [],
        ratios: [],
        fixedRate: [],
        peakRssMiB: {},
        ...extra,
      };
    }
    const makeBody = bodies(pools, options.seed);
    log('counting SQL statements per request (in-process, onQuery)…');
    const statements = await countStatements(db.url, pools, makeBody);
    log(`statements per request: ${JSON.stringify(statements)}`);
    servers = await startServers(db.url);
    const gateResult = await gate(servers, pools, log);
    const pgPids = () => postgresPids(db.dataDir);
    const measurements: Measurement[] = [];
    // Warm-up: JIT, plan caches and pools, not measured.
    for (const plan of PLANS) {
      await closedLoop(servers[plan.target].url, 4, Math.min(1000, options.durationMs), makeBody(plan.target, plan.query));
    }
    for (let round = 1; round <= options.rounds; round += 1) {
      for (const concurrency of options.concurrency) {
        // Interleaved: each target runs once per round and concurrency, so drift in machine load hits all alike.
        for (const plan of PLANS) {
          const server = servers[plan.target];
          const [node0, pg0] = [cpuSnapshot([server.pid]), cpuSnapshot(pgPids())];
          const load = await closedLoop(server.url, concurrency, options.durationMs, makeBody(plan.target, plan.query));
          const [node1, pg1] = [cpuSnapshot([server.pid]), cpuSnapshot(pgPids())];
          const m = measure(
            plan.target,
            plan.query,
            concurrency,
            round,
            load,
            cpuDelta(node0, node1),
            db.dataDir ? cpuDelta(pg0, pg1) : null,
          );
          measurements.push(m);
          log(
            `round ${round} c=${concurrency} ${plan.query} ${plan.target.padEnd(12)} ${m.rps.toFixed(1).padStart(7)} req/s  p50 ${m.p50.toFixed(1)} ms  p99 ${m.p99.toFixed(1)} ms  ` +
              `node ${m.nodeCpuMsPerRequest.toFixed(2)} ms/req  pg ${m.pgCpuMsPerRequest?.toFixed(2) ?? '–'} ms/req  errors ${m.errors}`,
          );
        }
      }
    }
    const summary = summarise(measurements, statements);
    const ratios = ratiosOf(measurements, options);
    const fixed: BenchResult['fixedRate'] = [];
    if (options.fixedRate) {
      const base = summary.find((s) => s.target === 'gongzhi' && s.query === 'q1' && s.concurrency === options.concurrency[0]);
      const rate = Math.max(1, Math.round((base?.rps ?? 2) / 2));
      for (const target of ['gongzhi', 'postgraphile', 'raw-sql'] as Target[]) {
        const load = await fixedRate(servers[target].url, rate, options.durationMs, makeBody(target, 'q1'));
        fixed.push({ target, rate, p50: percentile(load.latenciesMs, 50), p99: percentile(load.latenciesMs, 99), errors: load.errors });
        log(
          `fixed rate ${rate}/s q1 ${target}: p50 ${percentile(load.latenciesMs, 50).toFixed(1)} ms p99 ${percentile(load.latenciesMs, 99).toFixed(1)} ms errors ${load.errors}`,
        );
      }
    }
    const rss = Object.fromEntries(Object.values(servers).map((server) => [server.name, peakRssMiB(server.pid)]));
    const extra = await sections();
    return {
      ...header(),
      commands: Object.fromEntries(Object.values(servers).map((server) => [server.name, server.command])),
      gate: gateResult,
      statementsPerRequest: statements,
      measurements,
      summary,
      ratios,
      fixedRate: fixed,
      peakRssMiB: rss,
      ...extra,
    };
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    if (servers) {
      await Promise.all(Object.values(servers).map((server) => server.stop()));
    }
    if (fanoutUrl) {
      await dropDatabase(fanoutUrl);
    }
    if (writesUrl) {
      await dropDatabase(writesUrl);
    }
    await db.stop();
  }
}

function summarise(measurements: Measurement[], statements: Record<QueryName, number>): BenchResult['summary'] {
  const groups = new Map<string, Measurement[]>();
  for (const m of measurements) {
    const key = `${m.target}|${m.query}|${m.concurrency}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    return {
      target: first.target,
      query: first.query,
      concurrency: first.concurrency,
      ...medianFigures(group),
      bytesPerResponse: median(group.map((m) => m.bytesPerResponse)),
      errors: group.reduce((sum, m) => sum + m.errors, 0),
      sqlPerRequest: first.target === 'gongzhi' ? statements[first.query] : first.target === 'raw-sql' ? 1 : null,
    };
  });
}

/** Gongzhi ÷ reference, per round (same round = same machine conditions), then the median of those. */
function ratiosOf(measurements: Measurement[], options: BenchOptions): BenchResult['ratios'] {
  const ratios: BenchResult['ratios'] = [];
  for (const query of Object.keys(GONGZHI) as QueryName[]) {
    for (const concurrency of options.concurrency) {
      for (const versus of ['postgraphile', 'raw-sql'] as Target[]) {
        const rounds: number[] = [];
        const p99s: number[] = [];
        for (let round = 1; round <= options.rounds; round += 1) {
          const ours = measurements.find(
            (m) => m.target === 'gongzhi' && m.query === query && m.concurrency === concurrency && m.round === round,
          );
          const theirs = measurements.find(
            (m) => m.target === versus && m.query === query && m.concurrency === concurrency && m.round === round,
          );
          if (ours && theirs) {
            rounds.push(ours.rps / theirs.rps);
            p99s.push(ours.p99 / theirs.p99);
          }
        }
        if (rounds.length) {
          ratios.push({ query, concurrency, versus, rps: median(rounds), p99: median(p99s), rounds });
        }
      }
    }
  }
  return ratios;
}

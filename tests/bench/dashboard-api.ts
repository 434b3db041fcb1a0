/**
 * Region dashboard through the API (issue #7, item 3): `regionDashboard` for a random township of the
 * bench data set over the data set's year, closed loop, each request signed in (session cookie) as the
 * REGION_ADMIN of its township, so the policy check and the actor are part of what is measured.
 *
 * It reads the bench database itself, not a copy: it changes nothing the reads and the correctness gate
 * see. It only adds one REGION_ADMIN role per township and a session for each (rows that Q1–Q4 never
 * read), with ids of its own, and removes them when it is done (a run that was killed leaves them to
 * the next, which reuses the roles). It starts its own Gongzhi process; the read servers sit idle.
 */
import http from 'node:http';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { createLogger, initOrm, loadConfig, startGongzhi } from '@gongzhi/server';
import { toGlobalId } from '@gongzhi/server/src/common/relay/global-id.js';
import { countRegionDashboard } from '@gongzhi/server/src/dashboard/region-dashboard.sql.js';
import type pg from 'pg';
import { Random } from './data/random.js';
import { closedLoop, median, percentile, post, type LoadRequest } from './loadgen.js';
import { cpuDelta, cpuSnapshot, peakRssMiB, startGongzhiProcess } from './processes.js';
import { connect, REPO_ROOT } from './support/database.js';
import { issueSessions } from './support/sessions.js';

export interface DashboardApiOptions {
  durationMs: number;
  rounds: number;
  concurrency: number;
}

export const DASHBOARD_API_FULL: Omit<DashboardApiOptions, 'durationMs'> = { rounds: 3, concurrency: 10 };
export const DASHBOARD_API_QUICK: DashboardApiOptions = { durationMs: 300, rounds: 1, concurrency: 10 };

/**
 * The data set's year: the 12 calendar months in China before DATASET_EPOCH (2026-06-01). `pnpm
 * bench:dashboard` times the same period directly in SQL.
 */
export const DASHBOARD_PERIOD = { from: new Date('2025-06-01T00:00:00+08:00'), to: new Date('2026-06-01T00:00:00+08:00') };

export const DASHBOARD_QUERY = `query RegionDashboard($regionId: ID!, $from: DateTime, $to: DateTime) {
  regionDashboard(regionId: $regionId, from: $from, to: $to) {
    region { id name } from to
    totals { ...Figures }
    byRegion { region { id name } figures { ...Figures } }
  }
}
fragment Figures on RegionDashboardFigures {
  projects projectsByStatus { status count } needs pledges pledgesAccepted fundsAccepted deliveriesConfirmed fundsDelivered
  volunteerSignUpsCompleted volunteers volunteerHours
  demands { received respondedOnTime resolved resolvedOnTime rated satisfied partly unsatisfied satisfactionRate reopened medianResolutionHours }
}`;

export interface DashboardApiRound {
  round: number;
  rps: number;
  p50: number;
  p99: number;
  nodeCpuMsPerRequest: number;
  pgCpuMsPerRequest: number | null;
  requests: number;
  errors: number;
}

export interface DashboardApiResult {
  options: DashboardApiOptions;
  period: { from: string; to: string };
  townships: number;
  rounds: DashboardApiRound[];
  /** Medians over the rounds; requests and errors summed. */
  rps: number;
  p50: number;
  p99: number;
  nodeCpuMsPerRequest: number;
  pgCpuMsPerRequest: number | null;
  /** Mean over a few requests, counted in-process (session, actor, region, children, ancestors, the two counting statements). */
  sqlPerRequest: number;
  bytesPerResponse: number;
  requests: number;
  errors: number;
  firstError?: string;
  /**
   * The check before measuring: for a few townships the API's totals equal what `countRegionDashboard`
   * (the statements `pnpm bench:dashboard` times) returns directly, and they are not empty.
   */
  check: { townships: number; matches: boolean; nonEmpty: boolean; sample: Record<string, unknown> };
  peakRssMiB: number;
  command: string;
}

interface Admin {
  townshipUuid: string;
  townshipId: string;
  personUuid: string;
  cookie: string;
}

const roleId = `md5('bench-dashboard-admin:' || t.id)::uuid`;

/** One REGION_ADMIN per township (a person living in one of its villages), signed in. */
async function signInAdmins(client: pg.ClientBase): Promise<Admin[]> {
  const { rows } = await client.query<{ township: string; person: string }>(
    `insert into region_role (id, created_at, person_id, role, region_id)
     select ${roleId}, now(), p.id, 'REGION_ADMIN', t.id
       from region t
      cross join lateral (select pe.id from person pe join region v on v.id = pe.residence_region_id
                           where v.parent_id = t.id order by pe.id limit 1) p
      where t.level = 'TOWNSHIP'
     on conflict (id) do update set role = excluded.role
     returning region_id as township, person_id as person`,
  );
  rows.sort((a, b) => a.township.localeCompare(b.township));
  const cookies = await issueSessions(
    client,
    rows.map((row) => row.person),
  );
  return rows.map((row, index) => ({
    townshipUuid: row.township,
    townshipId: toGlobalId('Region', row.township),
    personUuid: row.person,
    cookie: cookies[index]!,
  }));
}

async function signOutAdmins(client: pg.ClientBase, admins: Admin[]): Promise<void> {
  await client.query('delete from session where person_id = any($1::uuid[])', [admins.map((admin) => admin.personUuid)]);
  await client.query(`delete from region_role where id in (select ${roleId} from region t where t.level = 'TOWNSHIP')`);
}

const variables = (admin: Admin) => ({
  regionId: admin.townshipId,
  from: DASHBOARD_PERIOD.from.toISOString(),
  to: DASHBOARD_PERIOD.to.toISOString(),
});

function request(admin: Admin): LoadRequest {
  return { body: JSON.stringify({ query: DASHBOARD_QUERY, variables: variables(admin) }), headers: { cookie: admin.cookie } };
}

async function ask(agent: http.Agent, url: string, admin: Admin): Promise<Record<string, any>> {
  const { body: sent, headers } = request(admin);
  const { body } = await post(agent, new URL(url), sent, headers);
  const parsed = JSON.parse(body);
  if (parsed.errors) {
    throw new Error(`dashboard: regionDashboard failed for township ${admin.townshipUuid}: ${body.slice(0, 500)}`);
  }
  return parsed.data.regionDashboard;
}

/** The API's totals against `countRegionDashboard` run directly, for up to three townships. */
async function check(databaseUrl: string, serverUrl: string, admins: Admin[]): Promise<DashboardApiResult['check']> {
  const orm = await initOrm({ url: databaseUrl });
  const agent = new http.Agent({ keepAlive: true });
  try {
    let matches = true;
    let nonEmpty = true;
    let sample: Record<string, unknown> = {};
    const chosen = admins.slice(0, 3);
    for (const admin of chosen) {
      const [{ path: regionPath }] = await orm.em
        .getConnection()
        .execute<{ path: string }[]>('select path from region where id = ?', [admin.townshipUuid]);
      const rows = await countRegionDashboard(orm.em.fork(), { uuid: admin.townshipUuid, path: regionPath! }, DASHBOARD_PERIOD);
      const sql = rows.collaboration.find((row) => row.scope === '')!;
      const demands = rows.demands.find((row) => !row.by_child)!;
      const totals = (await ask(agent, serverUrl, admin)).totals;
      const direct = {
        pledges: sql.pledges,
        fundsAccepted: sql.funds_accepted,
        deliveriesConfirmed: sql.deliveries_confirmed,
        volunteerHours: sql.volunteer_hours,
        demandsReceived: demands.received,
        medianResolutionHours: demands.median_resolution_hours,
      };
      const viaApi = {
        pledges: totals.pledges,
        fundsAccepted: totals.fundsAccepted,
        deliveriesConfirmed: totals.deliveriesConfirmed,
        volunteerHours: totals.volunteerHours,
        demandsReceived: totals.demands.received,
        medianResolutionHours: totals.demands.medianResolutionHours,
      };
      matches &&= isDeepStrictEqual(direct, viaApi);
      nonEmpty &&= totals.pledges > 0 && totals.demands.received > 0 && Number(totals.volunteerHours) > 0;
      sample = viaApi;
    }
    return { townships: chosen.length, matches, nonEmpty, sample };
  } finally {
    agent.destroy();
    await orm.close();
  }
}

const SAMPLES_FOR_STATEMENTS = 5;

/** SQL statements per request, counted in-process with `onQuery` (as the harness counts the reads'). */
async function countStatements(databaseUrl: string, admins: Admin[]): Promise<number> {
  let count = 0;
  const config = loadConfig(
    { NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: databaseUrl, SEED_DEMO: 'false', DEMAND_SWEEP_INTERVAL_MS: '0' },
    { dataDir: '', portalDir: path.join(REPO_ROOT, 'portal/dist') },
  );
  const app = await startGongzhi({ config, logger: createLogger('silent'), onQuery: () => (count += 1) });
  const agent = new http.Agent({ keepAlive: true });
  try {
    const url = `${app.url}/graphql`;
    await ask(agent, url, admins[0]!); // warm-up (schema caches)
    count = 0;
    for (let sample = 0; sample < SAMPLES_FOR_STATEMENTS; sample += 1) {
      await ask(agent, url, admins[sample % admins.length]!);
    }
    return count / SAMPLES_FOR_STATEMENTS;
  } finally {
    agent.destroy();
    await app.stop();
  }
}

/** Measures `regionDashboard` on `databaseUrl` (the bench database; see the note at the top). */
export async function runDashboardApi(args: {
  databaseUrl: string;
  pgPids: () => number[];
  options: DashboardApiOptions;
  seed: number;
  log: (line: string) => void;
}): Promise<DashboardApiResult> {
  const { options, log } = args;
  const client = await connect(args.databaseUrl);
  let admins: Admin[] = [];
  try {
    admins = await signInAdmins(client);
    if (!admins.length) {
      throw new Error('dashboard: the data set has no township with residents to administer it');
    }
    const statements = await countStatements(args.databaseUrl, admins);
    log(`dashboard: ${admins.length} townships, ${statements} SQL statements per request`);
    const server = await startGongzhiProcess(args.databaseUrl);
    try {
      const checked = await check(args.databaseUrl, server.url, admins);
      log(
        `dashboard: API totals ${checked.matches ? 'match' : 'DIFFER FROM'} the direct SQL for ${checked.townships} townships: ${JSON.stringify(checked.sample)}`,
      );
      const random = new Random(args.seed);
      const next = () => request(random.pick(admins));
      await closedLoop(server.url, 4, Math.min(1000, options.durationMs), next); // warm-up: JIT, plans, pools
      const rounds: DashboardApiRound[] = [];
      let bytes = 0;
      let firstError: string | undefined;
      for (let round = 1; round <= options.rounds; round += 1) {
        const [node0, pg0] = [cpuSnapshot([server.pid]), cpuSnapshot(args.pgPids())];
        const load = await closedLoop(server.url, options.concurrency, options.durationMs, next);
        const [node1, pg1] = [cpuSnapshot([server.pid]), cpuSnapshot(args.pgPids())];
        const ok = Math.max(1, load.requests);
        bytes += load.bytes;
        firstError ??= load.firstError;
        const measured: DashboardApiRound = {
          round,
          rps: load.requests / load.seconds,
          p50: percentile(load.latenciesMs, 50),
          p99: percentile(load.latenciesMs, 99),
          nodeCpuMsPerRequest: cpuDelta(node0, node1) / ok,
          pgCpuMsPerRequest: args.pgPids().length ? cpuDelta(pg0, pg1) / ok : null,
          requests: load.requests,
          errors: load.errors,
        };
        rounds.push(measured);
        log(
          `dashboard round ${round} c=${options.concurrency} ${measured.rps.toFixed(1).padStart(7)} req/s  p50 ${measured.p50.toFixed(1)} ms  ` +
            `p99 ${measured.p99.toFixed(1)} ms  node ${measured.nodeCpuMsPerRequest.toFixed(2)} ms/req  ` +
            `pg ${measured.pgCpuMsPerRequest?.toFixed(2) ?? '–'} ms/req  errors ${measured.errors}`,
        );
      }
      const requests = rounds.reduce((sum, round) => sum + round.requests, 0);
      return {
        options,
        period: { from: DASHBOARD_PERIOD.from.toISOString(), to: DASHBOARD_PERIOD.to.toISOString() },
        townships: admins.length,
        rounds,
        rps: median(rounds.map((round) => round.rps)),
        p50: median(rounds.map((round) => round.p50)),
        p99: median(rounds.map((round) => round.p99)),
        nodeCpuMsPerRequest: median(rounds.map((round) => round.nodeCpuMsPerRequest)),
        pgCpuMsPerRequest: rounds[0]!.pgCpuMsPerRequest === null ? null : median(rounds.map((round) => round.pgCpuMsPerRequest!)),
        sqlPerRequest: statements,
        bytesPerResponse: bytes / Math.max(1, requests),
        requests,
        errors: rounds.reduce((sum, round) => sum + round.errors, 0),
        ...(firstError ? { firstError } : {}),
        check: checked,
        peakRssMiB: peakRssMiB(server.pid),
        command: server.command,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await signOutAdmins(client, admins).finally(() => client.end());
  }
}

const f = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);

/** The Markdown lines of the region dashboard section (report.ts appends them). */
export function dashboardApiMarkdown(result: DashboardApiResult): string[] {
  return [
    '',
    `Region dashboard through the API (\`regionDashboard\` of a random township of ${result.townships}, ${result.period.from.slice(0, 10)} – ` +
      `${result.period.to.slice(0, 10)} UTC: the data set's year in China; closed loop, concurrency ${result.options.concurrency}, ` +
      `${result.options.rounds} × ${result.options.durationMs / 1000} s; signed in as each township's REGION_ADMIN; medians over rounds):`,
    '',
    '| query | conc. | req/s | p50 ms | p99 ms | Node CPU ms/req | PG CPU ms/req | SQL/req | bytes/resp | errors |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    `| regionDashboard | ${result.options.concurrency} | ${f(result.rps)} | ${f(result.p50)} | ${f(result.p99)} | ${f(result.nodeCpuMsPerRequest, 2)} | ` +
      `${f(result.pgCpuMsPerRequest, 2)} | ${f(result.sqlPerRequest, 0)} | ${Math.round(result.bytesPerResponse).toLocaleString('en')} | ${result.errors} |`,
    '',
    `Check: the API's totals ${result.check.matches ? 'equal' : 'DIFFER FROM'} \`countRegionDashboard\` run directly (the SQL \`pnpm bench:dashboard\` times) ` +
      `for ${result.check.townships} townships${result.check.nonEmpty ? '' : ' — some figures were EMPTY'}; e.g. ${JSON.stringify(result.check.sample)}. ` +
      `Gongzhi peak RSS ${f(result.peakRssMiB, 0)} MiB.`,
  ];
}

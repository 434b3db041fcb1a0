/**
 * Writes (issue #7, item 4): `pledgeCreate`, `shiftSignUp` spread over future shifts and on 20 hot
 * shifts, `deliverableTransition`, each its own closed-loop row through Gongzhi's HTTP API, signed in
 * with sessions, then the invariants in SQL.
 *
 * It runs on a copy of the bench database that the harness makes before the read servers start (see
 * harness.ts), with a Gongzhi process of its own: the reads and the correctness gate never see its rows.
 */
import http from 'node:http';
import path from 'node:path';
import { createLogger, loadConfig, startGongzhi } from '@gongzhi/server';
import { closedLoop, percentile, post } from './loadgen.js';
import { cpuDelta, cpuSnapshot, peakRssMiB, startGongzhiProcess } from './processes.js';
import { connect, REPO_ROOT } from './support/database.js';
import { prepareWrites, type WritesFixture } from './writes-fixture.js';
import { activityEntries, checkInvariants, databaseNow, type InvariantResult } from './writes-invariants.js';
import { OPERATION_LABELS, successes, WRITE_OPERATIONS, WriteRequests, type WriteOperation } from './writes-requests.js';

export interface WritesOptions {
  durationMs: number;
  concurrency: number;
}

export const WRITES_FULL: Omit<WritesOptions, 'durationMs'> = { concurrency: 10 };

export interface WriteRow {
  operation: WriteOperation;
  label: string;
  concurrency: number;
  rps: number;
  p50: number;
  p99: number;
  nodeCpuMsPerRequest: number;
  pgCpuMsPerRequest: number | null;
  /**
   * Mean over a few requests, counted in-process (begin and commit included; the `pg_notify` of live
   * events goes through the pub/sub pool and is not counted).
   */
  sqlPerRequest: number;
  requests: number;
  /** Failures: transport errors, top-level GraphQL errors and user errors the rules do not foresee. */
  errors: number;
  firstError?: string;
  /** What the answers were: the new status (PROPOSED, CONFIRMED, WAITLISTED, SUBMITTED…) or a foreseen refusal. */
  outcomes: Record<string, number>;
  /** Activity entries written during the row, and successful writes: equal when each change logged one. */
  activityEntries: number;
  successes: number;
}

export interface WritesResult {
  options: WritesOptions;
  fixture: Record<'needs' | 'pledgers' | 'volunteers' | 'spreadShifts' | 'hotShifts' | 'deliverables', number>;
  rows: WriteRow[];
  invariants: InvariantResult[];
  peakRssMiB: number;
  command: string;
}

const SAMPLES_FOR_STATEMENTS = 5;
/** Issue #7: writes answer within 20 ms at the 99th percentile at concurrency 10. */
const P99_TARGET_MS = 20;

/** SQL statements per request of each operation, counted in-process with `onQuery` (as the harness counts the reads'). */
async function countStatements(databaseUrl: string, requests: WriteRequests): Promise<Record<WriteOperation, number>> {
  let count = 0;
  const config = loadConfig(
    { NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: databaseUrl, SEED_DEMO: 'false', DEMAND_SWEEP_INTERVAL_MS: '0' },
    { dataDir: '', portalDir: path.join(REPO_ROOT, 'portal/dist') },
  );
  const app = await startGongzhi({ config, logger: createLogger('silent'), onQuery: () => (count += 1) });
  const agent = new http.Agent({ keepAlive: true });
  const send = async (operation: WriteOperation) => {
    const request = requests.next(operation);
    const { status, body } = await post(agent, new URL(`${app.url}/graphql`), request.body, request.headers);
    const error = request.settle!(status, body);
    if (error !== undefined) {
      throw new Error(`writes: ${operation} failed while counting statements: ${error}`);
    }
  };
  try {
    const result = {} as Record<WriteOperation, number>;
    for (const operation of WRITE_OPERATIONS) {
      await send(operation); // warm-up (schema caches)
      count = 0;
      for (let sample = 0; sample < SAMPLES_FOR_STATEMENTS; sample += 1) {
        await send(operation);
      }
      result[operation] = count / SAMPLES_FOR_STATEMENTS;
    }
    return result;
  } finally {
    agent.destroy();
    await app.stop();
  }
}

function fixtureCounts(fixture: WritesFixture): WritesResult['fixture'] {
  return {
    needs: fixture.needs.length,
    pledgers: fixture.pledgers.length,
    volunteers: fixture.volunteers.length,
    spreadShifts: fixture.spreadShifts.length,
    hotShifts: fixture.hotShifts.length,
    deliverables: fixture.deliverables.length,
  };
}

/** Runs the write rows on `databaseUrl` (a copy: it is changed), then checks the invariants. */
export async function runWrites(args: {
  databaseUrl: string;
  pgPids: () => number[];
  options: WritesOptions;
  seed: number;
  log: (line: string) => void;
}): Promise<WritesResult> {
  const { options, log } = args;
  const client = await connect(args.databaseUrl);
  try {
    const began = await databaseNow(client);
    const fixture = await prepareWrites(client);
    log(`writes: ${JSON.stringify(fixtureCounts(fixture))} on a copy of the database`);
    const requests = new WriteRequests(fixture, args.seed);
    const statements = await countStatements(args.databaseUrl, requests);
    log(`writes: statements per request ${JSON.stringify(statements)}`);
    const server = await startGongzhiProcess(args.databaseUrl);
    const rows: WriteRow[] = [];
    try {
      // Warm-up (JIT, pools), not measured; the hot shifts keep their few places for the measured race.
      for (const operation of WRITE_OPERATIONS.filter((name) => name !== 'shiftSignUpHot')) {
        await closedLoop(server.url, 4, Math.min(1000, options.durationMs), () => requests.next(operation));
      }
      for (const operation of WRITE_OPERATIONS) {
        const before = { ...requests.outcomes[operation] };
        const entries0 = await activityEntries(client);
        const [node0, pg0] = [cpuSnapshot([server.pid]), cpuSnapshot(args.pgPids())];
        const load = await closedLoop(server.url, options.concurrency, options.durationMs, () => requests.next(operation));
        const [node1, pg1] = [cpuSnapshot([server.pid]), cpuSnapshot(args.pgPids())];
        const outcomes = Object.fromEntries(
          Object.entries(requests.outcomes[operation])
            .map(([outcome, total]) => [outcome, total - (before[outcome] ?? 0)] as const)
            .filter(([, count]) => count > 0),
        );
        const ok = Math.max(1, load.requests);
        const pgPidsKnown = args.pgPids().length > 0;
        const row: WriteRow = {
          operation,
          label: OPERATION_LABELS[operation],
          concurrency: options.concurrency,
          rps: load.requests / load.seconds,
          p50: percentile(load.latenciesMs, 50),
          p99: percentile(load.latenciesMs, 99),
          nodeCpuMsPerRequest: cpuDelta(node0, node1) / ok,
          pgCpuMsPerRequest: pgPidsKnown ? cpuDelta(pg0, pg1) / ok : null,
          sqlPerRequest: statements[operation],
          requests: load.requests,
          errors: load.errors,
          ...(load.firstError ? { firstError: load.firstError } : {}),
          outcomes,
          activityEntries: (await activityEntries(client)) - entries0,
          successes: successes(operation, outcomes),
        };
        rows.push(row);
        log(
          `writes c=${row.concurrency} ${row.label.padEnd(38)} ${row.rps.toFixed(1).padStart(7)} req/s  p50 ${row.p50.toFixed(1)} ms  p99 ${row.p99.toFixed(1)} ms  ` +
            `node ${row.nodeCpuMsPerRequest.toFixed(2)} ms/req  pg ${row.pgCpuMsPerRequest?.toFixed(2) ?? '–'} ms/req  errors ${row.errors}  ${JSON.stringify(outcomes)}`,
        );
      }
      const invariants = await checkInvariants(client, began);
      for (const invariant of invariants) {
        log(`writes invariant: ${invariant.name}: ${invariant.violations ? `${invariant.violations} VIOLATIONS` : 'holds'}`);
      }
      return { options, fixture: fixtureCounts(fixture), rows, invariants, peakRssMiB: peakRssMiB(server.pid), command: server.command };
    } finally {
      await server.stop();
    }
  } finally {
    await client.end();
  }
}

const f = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);

/** The Markdown lines of the writes section (report.ts appends them). */
export function writesMarkdown(result: WritesResult): string[] {
  const outcomeText = (outcomes: Record<string, number>) =>
    Object.entries(outcomes)
      .map(([outcome, count]) => `${outcome} ${count}`)
      .join(', ');
  const held = result.invariants.filter((invariant) => invariant.violations === 0).length;
  const fast = result.rows.filter((row) => row.p99 < P99_TARGET_MS);
  const logged = result.rows.every((row) => row.activityEntries === row.successes);
  return [
    '',
    `Writes (closed loop, concurrency ${result.options.concurrency}, ${result.options.durationMs / 1000} s per row, on a copy of the database; ` +
      `signed in with sessions; ${result.fixture.needs.toLocaleString('en')} open needs, ${result.fixture.spreadShifts.toLocaleString('en')} future shifts, ` +
      `${result.fixture.hotShifts} hot shifts, ${result.fixture.deliverables.toLocaleString('en')} deliverables):`,
    '',
    '| write | req/s | p50 ms | p99 ms | Node CPU ms/req | PG CPU ms/req | SQL/req | errors | outcomes |',
    '|---|--:|--:|--:|--:|--:|--:|--:|---|',
    ...result.rows.map(
      (row) =>
        `| ${row.label} | ${f(row.rps)} | ${f(row.p50)} | ${f(row.p99)} | ${f(row.nodeCpuMsPerRequest, 2)} | ${f(row.pgCpuMsPerRequest, 2)} | ` +
        `${f(row.sqlPerRequest, 1)} | ${row.errors} | ${outcomeText(row.outcomes)} |`,
    ),
    '',
    `Invariants after the writes (SQL): ${held} of ${result.invariants.length} hold` +
      (held < result.invariants.length
        ? ` — broken: ${result.invariants
            .filter((invariant) => invariant.violations)
            .map((invariant) => `${invariant.name} (${invariant.violations})`)
            .join('; ')}`
        : ` (${result.invariants.map((invariant) => invariant.name).join('; ')})`) +
      `; one activity entry per successful write: ${logged ? 'yes' : 'NO'}. Gongzhi peak RSS ${f(result.peakRssMiB, 0)} MiB. ` +
      `Target p99 < ${P99_TARGET_MS} ms at concurrency ${result.options.concurrency}: ${fast.length === result.rows.length ? 'met' : `met by ${fast.length} of ${result.rows.length}`}.`,
  ];
}

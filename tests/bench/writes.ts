/**
 * Writes (issue #7, item 4): `pledgeCreate`, `shiftSignUp` spread over future shifts and on 20 hot
 * shifts, `deliverableTransition`, each its own closed-loop run through Gongzhi's HTTP API, signed in
 * with sessions, then the same operation at a fixed rate of half that run's req/s (the p99 a user sees
 * below saturation), then `pledgeCreate` against the raw-SQL limit (writes-limit.ts). The whole
 * sequence repeats for a few interleaved rounds (each row reports medians over them, like the reads),
 * then the invariants are checked in SQL.
 *
 * It runs on a copy of the bench database that the harness makes before the read servers start (see
 * harness.ts), with a Gongzhi process of its own: the reads and the correctness gate never see its rows.
 */
import http from 'node:http';
import path from 'node:path';
import { createLogger, loadConfig, startGongzhi } from '@gongzhi/server';
import { closedLoop, fixedRate, median, medianFigures, percentile, post } from './loadgen.js';
import { cpuDelta, cpuSnapshot, peakRssMiB, startGongzhiProcess, type ServerProcess } from './processes.js';
import { connect, REPO_ROOT } from './support/database.js';
import { prepareWrites, type WritesFixture } from './writes-fixture.js';
import { activityEntries, checkInvariants, databaseNow, type InvariantResult } from './writes-invariants.js';
import { LIMIT_LABEL, RAW_PLEDGE_STATEMENTS, startRawWritesServer } from './writes-limit.js';
import { OPERATION_LABELS, successes, WRITE_OPERATIONS, WriteRequests, type WriteOperation } from './writes-requests.js';

export interface WritesOptions {
  durationMs: number;
  concurrency: number;
  /** Interleaved rounds: every row runs once per round, and reports medians over them. */
  rounds: number;
}

export const WRITES_FULL: Omit<WritesOptions, 'durationMs' | 'rounds'> = { concurrency: 10 };

/** The open-loop run after a closed-loop row: the same operation at half its req/s, for as long. */
export interface FixedRateRun {
  /** Requests per second scheduled (half the closed loop's, at least 1). */
  rate: number;
  requests: number;
  /** Ticks at which `WriteRequests.available` had nothing to send (deliverables in flight…): skipped, not sent. */
  skipped: number;
  /** From the scheduled send time, so a server falling behind is not hidden (no coordinated omission). */
  p50: number;
  p99: number;
  errors: number;
  firstError?: string;
  outcomes: Record<string, number>;
  activityEntries: number;
  successes: number;
}

/** What one round measured of a row: the closed loop and its fixed-rate run. */
export interface RoundFigures {
  rps: number;
  p50: number;
  p99: number;
  fixedP50: number;
  fixedP99: number;
}

/**
 * A row over every round: req/s, latencies, CPU and the fixed-rate run's rate and latencies are medians
 * over the rounds; requests, errors, outcomes and activity entries are totals.
 */
export interface WriteRow {
  operation: WriteOperation;
  label: string;
  /** Which server answered: Gongzhi, or the raw-SQL limit (reference/raw-sql-writes-server.ts). */
  server: 'gongzhi' | 'raw-sql';
  concurrency: number;
  rps: number;
  p50: number;
  p99: number;
  nodeCpuMsPerRequest: number;
  pgCpuMsPerRequest: number | null;
  /**
   * Mean over a few requests, counted in-process (begin and commit included; the live events' `pg_notify`
   * is part of the activity entry's statement).
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
  fixedRate: FixedRateRun;
  rounds: RoundFigures[];
}

/** One round of a row, before the rounds are combined. */
type RowRun = Omit<WriteRow, 'rounds'>;

export interface WritesResult {
  options: WritesOptions;
  fixture: Record<'needs' | 'pledgers' | 'volunteers' | 'spreadShifts' | 'hotShifts' | 'deliverables', number>;
  /** Gongzhi's rows, one per operation. */
  rows: WriteRow[];
  /** `pledgeCreate` against the raw-SQL limit, same requests, same runs. */
  limit: WriteRow;
  invariants: InvariantResult[];
  peakRssMiB: number;
  command: string;
  limitCommand: string;
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

/** What was tallied for `operation` since `before` (a copy of its outcomes taken earlier). */
function outcomesSince(requests: WriteRequests, operation: WriteOperation, before: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(requests.outcomes[operation])
      .map(([outcome, total]) => [outcome, total - (before[outcome] ?? 0)] as const)
      .filter(([, count]) => count > 0),
  );
}

interface RowContext {
  client: Awaited<ReturnType<typeof connect>>;
  requests: WriteRequests;
  pgPids: () => number[];
  options: WritesOptions;
  log: (line: string) => void;
}

/**
 * The same operation open loop at half `rps` for the row's duration. When nothing is available to send
 * at a tick (`WriteRequests.available`), the tick is skipped rather than sent to fail.
 */
async function fixedRateRun(context: RowContext, server: ServerProcess, operation: WriteOperation, rps: number): Promise<FixedRateRun> {
  const { client, requests, options } = context;
  const rate = Math.max(1, Math.round(rps / 2));
  const before = { ...requests.outcomes[operation] };
  const entries0 = await activityEntries(client);
  const load = await fixedRate(server.url, rate, options.durationMs, () =>
    requests.available(operation) ? requests.next(operation) : undefined,
  );
  const outcomes = outcomesSince(requests, operation, before);
  return {
    rate,
    requests: load.requests,
    skipped: load.skipped,
    p50: percentile(load.latenciesMs, 50),
    p99: percentile(load.latenciesMs, 99),
    errors: load.errors,
    ...(load.firstError ? { firstError: load.firstError } : {}),
    outcomes,
    activityEntries: (await activityEntries(client)) - entries0,
    successes: successes(operation, outcomes),
  };
}

/** One round of a row: the closed loop at the options' concurrency, then the fixed-rate run at half its req/s. */
async function measureRow(
  context: RowContext,
  server: ServerProcess,
  row: Pick<WriteRow, 'operation' | 'label' | 'server' | 'sqlPerRequest'>,
): Promise<RowRun> {
  const { client, requests, options, log } = context;
  const { operation } = row;
  const before = { ...requests.outcomes[operation] };
  const entries0 = await activityEntries(client);
  const [node0, pg0] = [cpuSnapshot([server.pid]), cpuSnapshot(context.pgPids())];
  const load = await closedLoop(server.url, options.concurrency, options.durationMs, () =>
    requests.available(operation) ? requests.next(operation) : undefined,
  );
  const [node1, pg1] = [cpuSnapshot([server.pid]), cpuSnapshot(context.pgPids())];
  const outcomes = outcomesSince(requests, operation, before);
  const ok = Math.max(1, load.requests);
  const pgPidsKnown = context.pgPids().length > 0;
  const closed = {
    ...row,
    concurrency: options.concurrency,
    rps: load.requests / load.seconds,
    p50: percentile(load.latenciesMs, 50),
    p99: percentile(load.latenciesMs, 99),
    nodeCpuMsPerRequest: cpuDelta(node0, node1) / ok,
    pgCpuMsPerRequest: pgPidsKnown ? cpuDelta(pg0, pg1) / ok : null,
    requests: load.requests,
    errors: load.errors,
    ...(load.firstError ? { firstError: load.firstError } : {}),
    outcomes,
    activityEntries: (await activityEntries(client)) - entries0,
    successes: successes(operation, outcomes),
  };
  log(
    `writes c=${closed.concurrency} ${closed.label.padEnd(42)} ${closed.rps.toFixed(1).padStart(7)} req/s  p50 ${closed.p50.toFixed(1)} ms  p99 ${closed.p99.toFixed(1)} ms  ` +
      `node ${closed.nodeCpuMsPerRequest.toFixed(2)} ms/req  pg ${closed.pgCpuMsPerRequest?.toFixed(2) ?? '–'} ms/req  errors ${closed.errors}  ${JSON.stringify(outcomes)}`,
  );
  const fixed = await fixedRateRun(context, server, operation, closed.rps);
  log(
    `writes fixed ${String(fixed.rate).padStart(4)}/s ${closed.label.padEnd(38)} ${fixed.requests} sent, ${fixed.skipped} ticks skipped  ` +
      `p50 ${fixed.p50.toFixed(1)} ms  p99 ${fixed.p99.toFixed(1)} ms  errors ${fixed.errors}  ${JSON.stringify(fixed.outcomes)}`,
  );
  return { ...closed, fixedRate: fixed };
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

function addOutcomes(all: Record<string, number>[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const outcomes of all) {
    for (const [outcome, count] of Object.entries(outcomes)) {
      total[outcome] = (total[outcome] ?? 0) + count;
    }
  }
  return total;
}

/** A row over its rounds: medians of the figures, totals of the counts (see `WriteRow`). */
export function combineRounds(runs: RowRun[]): WriteRow {
  const [first] = runs;
  if (!first) {
    throw new Error('writes: a row needs at least one round');
  }
  const fixed = runs.map((run) => run.fixedRate);
  const firstError = runs.find((run) => run.firstError)?.firstError;
  const firstFixedError = fixed.find((run) => run.firstError)?.firstError;
  return {
    operation: first.operation,
    label: first.label,
    server: first.server,
    concurrency: first.concurrency,
    sqlPerRequest: first.sqlPerRequest,
    ...medianFigures(runs),
    requests: sum(runs.map((run) => run.requests)),
    errors: sum(runs.map((run) => run.errors)),
    ...(firstError ? { firstError } : {}),
    outcomes: addOutcomes(runs.map((run) => run.outcomes)),
    activityEntries: sum(runs.map((run) => run.activityEntries)),
    successes: sum(runs.map((run) => run.successes)),
    fixedRate: {
      rate: median(fixed.map((run) => run.rate)),
      requests: sum(fixed.map((run) => run.requests)),
      skipped: sum(fixed.map((run) => run.skipped)),
      p50: median(fixed.map((run) => run.p50)),
      p99: median(fixed.map((run) => run.p99)),
      errors: sum(fixed.map((run) => run.errors)),
      ...(firstFixedError ? { firstError: firstFixedError } : {}),
      outcomes: addOutcomes(fixed.map((run) => run.outcomes)),
      activityEntries: sum(fixed.map((run) => run.activityEntries)),
      successes: sum(fixed.map((run) => run.successes)),
    },
    rounds: runs.map((run) => ({ rps: run.rps, p50: run.p50, p99: run.p99, fixedP50: run.fixedRate.p50, fixedP99: run.fixedRate.p99 })),
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
    const context: RowContext = { client, requests, pgPids: args.pgPids, options, log };
    const server = await startGongzhiProcess(args.databaseUrl);
    const limit = await startRawWritesServer(args.databaseUrl).catch(async (error: unknown) => {
      await server.stop();
      throw error;
    });
    const runs = new Map<WriteOperation, RowRun[]>(WRITE_OPERATIONS.map((operation) => [operation, []]));
    const limitRuns: RowRun[] = [];
    const warmUp = (url: string, operation: WriteOperation) =>
      closedLoop(url, 4, Math.min(1000, options.durationMs), () => (requests.available(operation) ? requests.next(operation) : undefined));
    try {
      // Warm-up (JIT, pools), not measured; the hot shifts keep their few places for the measured race.
      for (const operation of WRITE_OPERATIONS.filter((name) => name !== 'shiftSignUpHot')) {
        await warmUp(server.url, operation);
      }
      await warmUp(limit.url, 'pledgeCreate');
      for (let round = 1; round <= options.rounds; round += 1) {
        log(`writes: round ${round} of ${options.rounds}`);
        for (const operation of WRITE_OPERATIONS) {
          const row = { operation, label: OPERATION_LABELS[operation], server: 'gongzhi', sqlPerRequest: statements[operation] } as const;
          runs.get(operation)!.push(await measureRow(context, server, row));
        }
        limitRuns.push(
          await measureRow(context, limit, {
            operation: 'pledgeCreate',
            label: LIMIT_LABEL,
            server: 'raw-sql',
            sqlPerRequest: RAW_PLEDGE_STATEMENTS,
          }),
        );
      }
      // After every run, the limit's included: its pledges must keep the rules too.
      const invariants = await checkInvariants(client, began);
      for (const invariant of invariants) {
        log(`writes invariant: ${invariant.name}: ${invariant.violations ? `${invariant.violations} VIOLATIONS` : 'holds'}`);
      }
      return {
        options,
        fixture: fixtureCounts(fixture),
        rows: WRITE_OPERATIONS.map((operation) => combineRounds(runs.get(operation)!)),
        limit: combineRounds(limitRuns),
        invariants,
        peakRssMiB: peakRssMiB(server.pid),
        command: server.command,
        limitCommand: limit.command,
      };
    } finally {
      await Promise.all([server.stop(), limit.stop()]);
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
      .join(', ') || 'none';
  const { concurrency } = result.options;
  const held = result.invariants.filter((invariant) => invariant.violations === 0).length;
  const all = [...result.rows, result.limit];
  const logged = all.every((row) => row.activityEntries === row.successes && row.fixedRate.activityEntries === row.fixedRate.successes);
  const metBy = (p99: (row: WriteRow) => number) => {
    const met = result.rows.filter((row) => p99(row) < P99_TARGET_MS).length;
    return met === result.rows.length ? `met by all ${met}` : `met by ${met} of ${result.rows.length}`;
  };
  const limitMet = (p99: number) => `${p99 < P99_TARGET_MS ? 'meets' : 'misses'} it (p99 ${f(p99)} ms)`;
  const perRound = (values: number[]) => values.map((value) => f(value)).join(', ');
  const row = (r: WriteRow) => {
    const fixed = r.fixedRate;
    return (
      `| ${r.label} | ${f(r.rps)} | ${f(r.p50)} | ${f(r.p99)} | ${perRound(r.rounds.map((round) => round.p99))} | ` +
      `${f(r.nodeCpuMsPerRequest, 2)} | ${f(r.pgCpuMsPerRequest, 2)} | ` +
      `${f(r.sqlPerRequest, 1)} | ${r.errors} | ${f(fixed.rate, 0)} | ${f(fixed.p50)} | ${f(fixed.p99)} | ${perRound(r.rounds.map((round) => round.fixedP99))} | ${fixed.errors} | ` +
      `${outcomeText(r.outcomes)}; fixed rate: ${outcomeText(fixed.outcomes)}${fixed.skipped ? ` (${fixed.skipped} ticks skipped: nothing to send)` : ''} |`
    );
  };
  return [
    '',
    `Writes (closed loop, concurrency ${concurrency}, ${result.options.durationMs / 1000} s per row, then as long at a fixed rate of half the row's req/s; ` +
      `${result.options.rounds} interleaved round${result.options.rounds === 1 ? '' : 's'}, medians over them and totals of the counts; ` +
      `on a copy of the database; signed in with sessions; ${result.fixture.needs.toLocaleString('en')} open needs, ${result.fixture.spreadShifts.toLocaleString('en')} future shifts, ` +
      `${result.fixture.hotShifts} hot shifts, ${result.fixture.deliverables.toLocaleString('en')} deliverables):`,
    '',
    '| write | req/s | p50 ms | p99 ms | p99 per round | Node CPU ms/req | PG CPU ms/req | SQL/req | errors | fixed rate req/s | fixed p50 ms | fixed p99 ms | fixed p99 per round | fixed errors | outcomes (closed loop; fixed rate) |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|',
    ...all.map(row),
    '',
    `Servers: Gongzhi \`${result.command}\`; the limit \`${result.limitCommand}\`.`,
    '',
    `A closed loop of ${concurrency} keeps both cores of this machine busy, so its p99 is mostly queueing (about ${concurrency} ÷ req/s); ` +
      'the fixed-rate run sends the same operation open loop at half that rate and times each request from when it was due to be sent: ' +
      'that p99 is what a user sees below saturation.',
    '',
    `The raw-SQL limit row sends the same \`pledgeCreate\` requests (same sessions, needs, organisations, quantities) to a minimal node:http + pg server ` +
      `(tests/bench/reference/raw-sql-writes-server.ts, pool 10) that keeps the same rules with hand-written SQL in one round trip of ${RAW_PLEDGE_STATEMENTS} statements, prepared once per connection: ` +
      'begin; lock the project for share and the need for update; one statement that finds the session, checks the membership, the verification, ' +
      "the project's status, the need and the pledged total, inserts the pledge and its activity entry and sends the entry's `pg_notify` on the project's topic " +
      '(delivered at the commit, as Gongzhi sends it); commit. It is what this machine allows for this write at all: ' +
      "Gongzhi's row above it is the cost of everything else.",
    '',
    `Invariants after all the writes, the limit's included (SQL): ${held} of ${result.invariants.length} hold` +
      (held < result.invariants.length
        ? ` — broken: ${result.invariants
            .filter((invariant) => invariant.violations)
            .map((invariant) => `${invariant.name} (${invariant.violations})`)
            .join('; ')}`
        : ` (${result.invariants.map((invariant) => invariant.name).join('; ')})`) +
      `; one activity entry per successful write, in every run: ${logged ? 'yes' : 'NO'}. Gongzhi peak RSS ${f(result.peakRssMiB, 0)} MiB. ` +
      `Target p99 < ${P99_TARGET_MS} ms (medians over the rounds): at a fixed rate of half the closed loop's req/s, where issue #7 measures p99, ` +
      `${metBy((r) => r.fixedRate.p99)}; closed loop at concurrency ${concurrency} (saturated: queueing) ${metBy((r) => r.p99)}; ` +
      `the raw-SQL limit ${limitMet(result.limit.p99)} closed loop and ${limitMet(result.limit.fixedRate.p99)} at a fixed rate.`,
  ];
}

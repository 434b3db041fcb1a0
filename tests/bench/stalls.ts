/**
 * Stall episodes of the writes (issue #7): a fixed-rate write run usually answers in a few
 * milliseconds, yet one round in three shows a p99 of 30–60 ms. This finds out when and why: it runs
 * one write operation in rounds (a closed loop to saturate, as the writes bench does, then a fixed
 * rate), records every request's send time and latency, groups the slow ones into episodes, and samples
 * PostgreSQL's `pg_stat_activity` every few milliseconds meanwhile — so an episode can be told apart as
 * the database waiting (locks, WAL flushes, checkpoints) or the database waiting for the server (idle in
 * transaction: the Node process is not sending its next statement) — and, from /proc, how much CPU the
 * server, PostgreSQL and this load generator had meanwhile — and when V8's full collections ran in the
 * server (`--trace-gc`). Like the writes it works on a copy of the bench database.
 */
import os from 'node:os';
import type pg from 'pg';
import { ensureDataset } from './data/ensure.js';
import { closedLoop, fixedRate, percentile, type LoadRequest } from './loadgen.js';
import { cpuDelta, cpuSnapshot, machineCpu, startGongzhiProcess } from './processes.js';
import { connect, copyDatabase, dropDatabase, migrateDatabase, openBenchDatabase, postgresPids } from './support/database.js';
import { fullCollections } from './support/v8-collections.js';
import { prepareWrites } from './writes-fixture.js';
import { WriteRequests, type WriteOperation } from './writes-requests.js';

export interface StallOptions {
  scale: number;
  seed: number;
  databaseUrl?: string;
  operation: WriteOperation;
  rounds: number;
  /** Fixed rate of the measured run, requests per second. */
  rate: number;
  durationMs: number;
  /** A request slower than this is slow. */
  slowMs: number;
  log: (line: string) => void;
}

/** One request of a fixed-rate run: when it was due (ms from the run's start) and how long it took. */
export interface TimedRequest {
  dueMs: number;
  latencyMs: number;
}

/** Slow requests due close together: one stretch in which everything answered late. */
export interface StallEpisode {
  fromMs: number;
  toMs: number;
  requests: number;
  worstMs: number;
}

/**
 * Groups the requests slower than `slowMs` into episodes: a slow request due within `gapMs` of the
 * previous slow one belongs to the same episode.
 */
export function stallEpisodes(requests: readonly TimedRequest[], slowMs: number, gapMs = 50): StallEpisode[] {
  const slow = requests.filter((request) => request.latencyMs > slowMs).sort((a, b) => a.dueMs - b.dueMs);
  const episodes: StallEpisode[] = [];
  for (const request of slow) {
    const current = episodes.at(-1);
    if (current && request.dueMs - current.toMs <= gapMs) {
      current.toMs = request.dueMs;
      current.requests += 1;
      current.worstMs = Math.max(current.worstMs, request.latencyMs);
    } else {
      episodes.push({ fromMs: request.dueMs, toMs: request.dueMs, requests: 1, worstMs: request.latencyMs });
    }
  }
  return episodes;
}

/** What the server's database connections were doing at one instant (from `pg_stat_activity`). */
interface ActivitySample {
  atMs: number;
  /** Client backends inside a transaction, waiting for the server's next statement. */
  idleInTransaction: number;
  /** Client backends running a statement, by wait event ("running" when on CPU). */
  active: Record<string, number>;
  /** What the autovacuum workers were doing, as `database: query` ("autovacuum: VACUUM public.need"). */
  autovacuum: string[];
  /** CPU used since the previous sample, in cores (1 = one core busy the whole time). */
  cores: Record<CpuOwner, number>;
}

/**
 * Whose CPU: the server's, PostgreSQL's processes', this load generator's, the whole machine's (busy),
 * the time the hypervisor took from our virtual CPUs (stolen), and the share of time some task here was
 * ready but waited for a CPU (waiting, 0–1).
 */
type CpuOwner = 'server' | 'postgres' | 'loadGenerator' | 'machine' | 'stolen' | 'waiting';
const CPU_OWNERS: readonly CpuOwner[] = ['server', 'postgres', 'loadGenerator', 'machine', 'stolen', 'waiting'];

export interface StallRound {
  requests: number;
  p50: number;
  p99: number;
  episodes: StallEpisode[];
  /** The server's longest event-loop block during the run (from its /metrics). */
  eventLoopMaxMs: number;
  /** V8's full collections in the server whose marking or pause fell in the run, and how many of them in an episode. */
  fullCollections: { inRun: number; inEpisodes: number };
  checkpoints: number;
  /** Averages over the activity samples taken inside the episodes, and outside them. */
  inEpisodes: ActivitySummary;
  outside: ActivitySummary;
}

export interface ActivitySummary {
  samples: number;
  idleInTransaction: number;
  active: Record<string, number>;
  /** What autovacuum worked on meanwhile (distinct `database: query`). */
  autovacuum: string[];
  /** Average CPU in cores by owner (see CpuOwner). */
  cores: Record<CpuOwner, number>;
}

export interface StallResult {
  options: Omit<StallOptions, 'log' | 'databaseUrl'>;
  rounds: StallRound[];
}

const SAMPLE_EVERY_MS = 10;

/** CPU time so far of the server, of PostgreSQL's processes and of this process, to rate between samples. */
function cpuNow(serverPid: number, pgPids: () => number[]) {
  return {
    atMs: performance.now(),
    server: cpuSnapshot([serverPid]),
    postgres: cpuSnapshot(pgPids()),
    loadGenerator: cpuSnapshot([process.pid]),
    machine: machineCpu(),
  };
}

function coresBetween(before: ReturnType<typeof cpuNow>, after: ReturnType<typeof cpuNow>): Record<CpuOwner, number> {
  const wall = Math.max(1, after.atMs - before.atMs);
  return {
    server: cpuDelta(before.server, after.server) / wall,
    postgres: cpuDelta(before.postgres, after.postgres) / wall,
    loadGenerator: cpuDelta(before.loadGenerator, after.loadGenerator) / wall,
    machine: (after.machine.busyMs - before.machine.busyMs) / wall,
    stolen: (after.machine.stealMs - before.machine.stealMs) / wall,
    waiting: (after.machine.waitingMs - before.machine.waitingMs) / wall,
  };
}

async function sampleActivity(client: pg.Client, database: string, atMs: number, cores: Record<CpuOwner, number>): Promise<ActivitySample> {
  const { rows } = await client.query<{ backend_type: string; state: string | null; wait: string; work: string }>(
    `select backend_type, state, coalesce(wait_event_type || ':' || wait_event, 'running') as wait, coalesce(datname, '') || ': ' || coalesce(query, '') as work
       from pg_stat_activity
      where pid <> pg_backend_pid() and (datname = $1 or backend_type = 'autovacuum worker')`,
    [database],
  );
  const sample: ActivitySample = { atMs, idleInTransaction: 0, active: {}, autovacuum: [], cores };
  for (const row of rows) {
    if (row.backend_type === 'autovacuum worker') {
      // A worker between tables shows no query yet.
      if (!row.work.endsWith(': ')) {
        sample.autovacuum.push(row.work);
      }
    } else if (row.backend_type === 'client backend' && row.state === 'idle in transaction') {
      sample.idleInTransaction += 1;
    } else if (row.backend_type === 'client backend' && row.state === 'active') {
      sample.active[row.wait] = (sample.active[row.wait] ?? 0) + 1;
    }
  }
  return sample;
}

function summarise(samples: ActivitySample[]): ActivitySummary {
  const active: Record<string, number> = {};
  for (const sample of samples) {
    for (const [wait, count] of Object.entries(sample.active)) {
      active[wait] = (active[wait] ?? 0) + count / samples.length;
    }
  }
  const mean = (value: (sample: ActivitySample) => number) =>
    samples.reduce((sum, sample) => sum + value(sample), 0) / Math.max(1, samples.length);
  return {
    samples: samples.length,
    idleInTransaction: mean((sample) => sample.idleInTransaction),
    active,
    autovacuum: [...new Set(samples.flatMap((sample) => sample.autovacuum))],
    cores: Object.fromEntries(CPU_OWNERS.map((owner) => [owner, mean((sample) => sample.cores[owner])])) as Record<CpuOwner, number>,
  };
}

async function eventLoopMaxMs(metricsUrl: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith('nodejs_eventloop_delay_seconds{quantile="1"} '));
  return line ? Number(line.split(' ')[1]) * 1000 : NaN;
}

async function checkpointsSoFar(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>(`select num_timed + num_requested as n from pg_stat_checkpointer`);
  return Number(rows[0]!.n);
}

export async function runStalls(options: StallOptions): Promise<StallResult> {
  const { log } = options;
  const db = await openBenchDatabase(options.scale, options.databaseUrl);
  let copyUrl: string | undefined;
  try {
    await migrateDatabase(db.url);
    const setup = await connect(db.url);
    await ensureDataset(setup, { scale: options.scale, seed: options.seed, progress: true }).finally(() => setup.end());
    copyUrl = await copyDatabase(db.url, `${decodeURIComponent(new URL(db.url).pathname.slice(1))}_stalls`);
    const database = decodeURIComponent(new URL(copyUrl).pathname.slice(1));
    const client = await connect(copyUrl);
    const watcher = await connect(copyUrl);
    let gcTrace = '';
    const server = await startGongzhiProcess(
      copyUrl,
      { METRICS_ENABLED: 'true' },
      { nodeArgs: ['--trace-gc'], onStdout: (chunk) => (gcTrace += chunk) },
    );
    // On this process's clock: the server's trace counts from its start, about when it was spawned.
    const collections = () =>
      fullCollections(gcTrace.split('\n')).map((gc) => ({
        fromMs: server.spawnedAtMs + gc.markingFromMs,
        toMs: server.spawnedAtMs + gc.pauseEndMs,
      }));
    const metricsUrl = server.url.replace(/\/graphql$/, '/metrics');
    try {
      const requests = new WriteRequests(await prepareWrites(client), options.seed);
      const next = () => (requests.available(options.operation) ? requests.next(options.operation) : undefined);
      await closedLoop(server.url, 4, Math.min(2000, options.durationMs), next);
      const rounds: StallRound[] = [];
      for (let round = 1; round <= options.rounds; round += 1) {
        await closedLoop(server.url, 10, options.durationMs, next);
        const checkpoints = await checkpointsSoFar(client);
        await eventLoopMaxMs(metricsUrl); // starts the server's delay histogram afresh
        const started = performance.now();
        const timed: TimedRequest[] = [];
        const samples: ActivitySample[] = [];
        let sampling = true;
        // Listed once a round: scanning /proc at every sample would cost more CPU than it measures.
        const postgres = postgresPids(db.dataDir);
        const pgPids = () => postgres;
        const sampler = (async () => {
          let cpu = cpuNow(server.pid, pgPids);
          while (sampling) {
            await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
            const now = cpuNow(server.pid, pgPids);
            samples.push(await sampleActivity(watcher, database, now.atMs - started, coresBetween(cpu, now)));
            cpu = now;
          }
        })();
        await fixedRate(server.url, options.rate, options.durationMs, () => {
          const request = next();
          if (!request) {
            return undefined;
          }
          const dueMs = performance.now() - started;
          return {
            ...request,
            settle: (status, body) => {
              timed.push({ dueMs, latencyMs: performance.now() - started - dueMs });
              return request.settle!(status, body);
            },
          } satisfies LoadRequest;
        });
        sampling = false;
        await sampler;
        const episodes = stallEpisodes(timed, options.slowMs);
        const inRun = collections()
          .map((gc) => ({ fromMs: gc.fromMs - started, toMs: gc.toMs - started }))
          .filter((gc) => gc.toMs >= 0 && gc.fromMs <= options.durationMs);
        // A collection slows the requests still in flight when it begins (due up to `slowMs` before) and
        // those queued behind it once it ends (due up to `slowMs` after).
        const overlaps = (gc: { fromMs: number; toMs: number }) =>
          episodes.some((episode) => gc.fromMs - options.slowMs <= episode.toMs && gc.toMs + options.slowMs >= episode.fromMs);
        const inside = (sample: ActivitySample) => episodes.some((episode) => sample.atMs >= episode.fromMs && sample.atMs <= episode.toMs);
        const latencies = timed.map((request) => request.latencyMs);
        const result: StallRound = {
          requests: timed.length,
          p50: percentile(latencies, 50),
          p99: percentile(latencies, 99),
          episodes,
          eventLoopMaxMs: await eventLoopMaxMs(metricsUrl),
          fullCollections: { inRun: inRun.length, inEpisodes: inRun.filter(overlaps).length },
          checkpoints: (await checkpointsSoFar(client)) - checkpoints,
          inEpisodes: summarise(samples.filter(inside)),
          outside: summarise(samples.filter((sample) => !inside(sample))),
        };
        rounds.push(result);
        log(
          `stalls round ${round}: ${result.requests} requests, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ` +
            `${episodes.length} episodes, event loop max ${result.eventLoopMaxMs.toFixed(1)} ms, ${result.checkpoints} checkpoints, ` +
            `V8 full collections ${result.fullCollections.inEpisodes} of ${result.fullCollections.inRun} in episodes`,
        );
      }
      const { log: _log, databaseUrl: _url, ...rest } = options;
      return { options: rest, rounds };
    } finally {
      await server.stop();
      await Promise.all([client.end(), watcher.end()]);
    }
  } finally {
    if (copyUrl) {
      await dropDatabase(copyUrl);
    }
    await db.stop();
  }
}

const f = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const waits = (summary: ActivitySummary) =>
  Object.entries(summary.active)
    .sort((a, b) => b[1] - a[1])
    .map(([wait, count]) => `${wait} ${f(count, 2)}`)
    .join(', ') || 'none';

const cores = (summary: ActivitySummary) =>
  `${f(summary.cores.server, 2)}, ${f(summary.cores.postgres, 2)}, ${f(summary.cores.loadGenerator, 2)}; ` +
  `${f(summary.cores.machine, 2)}, ${f(summary.cores.stolen, 2)}; ${f(summary.cores.waiting, 2)}`;

export function stallsMarkdown(result: StallResult): string {
  const { options } = result;
  const lines = [
    `Stall episodes — \`${options.operation}\` at ${options.rate} req/s for ${options.durationMs / 1000} s after each ${options.durationMs / 1000}-second closed loop of 10, ` +
      `${options.rounds} rounds, scale ${options.scale}; a request is slow above ${options.slowMs} ms, slow requests due within 50 ms of each other form one episode; ` +
      `\`pg_stat_activity\` and /proc sampled every ${SAMPLE_EVERY_MS} ms (average number of the server's connections in each state; CPU in cores, of ${os.cpus().length}); ` +
      'the server runs with `--trace-gc`, and a V8 full collection (from the start of its marking to the end of its pause) is in an episode when it overlaps one.',
    '',
    '| round | requests | p50 ms | p99 ms | episodes (from s, length ms, slow requests, worst ms) | event-loop max ms | V8 full collections: in episodes / in the run | checkpoints | in episodes: idle in transaction | in episodes: running statements | in episodes: CPU cores (server, PostgreSQL, load generator; whole machine, stolen by the hypervisor; share of time a task waited for a CPU) | outside: idle in transaction | outside: running statements | outside: CPU cores | autovacuum in episodes | autovacuum outside only |',
    '|--:|--:|--:|--:|---|--:|--:|--:|--:|---|---|--:|---|---|---|---|',
    ...result.rounds.map(
      (round, index) =>
        `| ${index + 1} | ${round.requests} | ${f(round.p50)} | ${f(round.p99)} | ` +
        `${round.episodes.map((e) => `${f(e.fromMs / 1000, 2)}, ${f(e.toMs - e.fromMs, 0)}, ${e.requests}, ${f(e.worstMs, 0)}`).join('; ') || 'none'} | ` +
        `${f(round.eventLoopMaxMs)} | ${round.fullCollections.inEpisodes} / ${round.fullCollections.inRun} | ${round.checkpoints} | ${round.inEpisodes.samples ? f(round.inEpisodes.idleInTransaction, 2) : '–'} | ` +
        `${round.inEpisodes.samples ? waits(round.inEpisodes) : '–'} | ${round.inEpisodes.samples ? cores(round.inEpisodes) : '–'} | ` +
        `${f(round.outside.idleInTransaction, 2)} | ${waits(round.outside)} | ${cores(round.outside)} | ` +
        `${round.inEpisodes.autovacuum.join('; ') || '–'} | ${round.outside.autovacuum.filter((work) => !round.inEpisodes.autovacuum.includes(work)).join('; ') || '–'} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

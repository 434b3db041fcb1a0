/**
 * The soak (issue #7): Q1 and the writes mix against one Gongzhi process for minutes, sampling the
 * server's resident memory (from /proc) and its V8 heap (from its own `/metrics`, METRICS_ENABLED)
 * every few seconds. Memory must level off: RSS and the live heap (heap used after the last full
 * collection) may grow less than 10% from the end of the warm-up to the end. Like the writes section
 * it works on a copy of the bench database.
 */
import http from 'node:http';
import os from 'node:os';
import { toGlobalId } from '@gongzhi/server/src/common/relay/global-id.js';
import { Random } from './data/random.js';
import { ensureDataset } from './data/ensure.js';
import { closedLoop, percentile, type LoadRequest } from './loadgen.js';
import { rssMiB, startGongzhiProcess, type ServerProcess } from './processes.js';
import { GONGZHI } from './queries.js';
import { connect, copyDatabase, dropDatabase, migrateDatabase, openBenchDatabase } from './support/database.js';
import { prepareWrites } from './writes-fixture.js';
import { checkInvariants, databaseNow, type InvariantResult } from './writes-invariants.js';
import { WriteRequests, type WriteOperation } from './writes-requests.js';

export interface SoakOptions {
  scale: number;
  seed: number;
  databaseUrl?: string;
  durationMs: number;
  /** Memory before this is not judged (JIT, pools and caches filling up). */
  warmupMs: number;
  sampleEveryMs: number;
  concurrency: number;
  log: (line: string) => void;
}

type Kind = 'q1' | WriteOperation;

/** Share of the requests per kind: the nested project page and the four writes. */
const MIX: [Kind, number][] = [
  ['q1', 30],
  ['pledgeCreate', 20],
  ['shiftSignUpSpread', 20],
  ['shiftSignUpHot', 10],
  ['deliverableTransition', 20],
];

export interface SoakSample {
  seconds: number;
  rssMiB: number;
  heapUsedMiB: number;
  /** Heap used just after the server's last full collection: what is still reachable (NaN before the first). */
  liveHeapMiB: number;
  heapTotalMiB: number;
  eventLoopP99Ms: number;
  poolInUse: number;
  requests: number;
  errors: number;
}

export interface Growth {
  /** The least-squares line through the samples after the warm-up, at its first and its last sample. */
  afterWarmup: number;
  end: number;
  percent: number;
}

export interface SoakResult {
  startedAt: string;
  machine: { cpus: number; model: string; loadAverageBefore: number[]; loadAverageAfter: number[] };
  options: Omit<SoakOptions, 'log' | 'databaseUrl'>;
  dataset: Record<string, number>;
  command: string;
  samples: SoakSample[];
  kinds: { kind: Kind; requests: number; errors: number; p50: number; p99: number; outcomes: Record<string, number> }[];
  requests: number;
  rps: number;
  errors: number;
  firstError?: string;
  invariants: InvariantResult[];
  /**
   * Judged: RSS and the live heap. Heap used at the sample moments is reported, not judged: it counts
   * the garbage waiting for the next collection, so it saws between a fifth and the whole of its peak.
   */
  verdict: { rss: Growth; liveHeap: Growth; heapUsed: Growth; targetPercent: number; passed: boolean };
}

const MIB = 1024 * 1024;
const TARGET_PERCENT = 10;

/** One value of the Prometheus text (`name` with its labels, if any). */
function metric(text: string, name: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  return line === undefined ? NaN : Number(line.slice(name.length + 1));
}

function scrape(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          response.statusCode === 200
            ? resolve(Buffer.concat(chunks).toString('utf8'))
            : reject(new Error(`/metrics ${response.statusCode}`)),
        );
      })
      .on('error', reject);
  });
}

/**
 * Growth from the end of the warm-up to the end, read off the least-squares line through every sample
 * after the warm-up: the heap saws up and down by half between collections, so any two samples (or
 * medians of a few) differ by more than the 10% judged, while the trend through all of them does not.
 */
export function growth(samples: SoakSample[], warmupSeconds: number, value: (sample: SoakSample) => number): Growth {
  const judged = samples.filter((sample) => sample.seconds >= warmupSeconds && Number.isFinite(value(sample)));
  const xs = judged.map((sample) => sample.seconds);
  const ys = judged.map(value);
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / ys.length;
  const spread = xs.reduce((sum, x) => sum + (x - meanX) ** 2, 0);
  const slope = spread ? xs.reduce((sum, x, index) => sum + (x - meanX) * (ys[index]! - meanY), 0) / spread : 0;
  const at = (x: number) => meanY + slope * (x - meanX);
  const afterWarmup = at(xs[0] ?? NaN);
  const end = at(xs.at(-1) ?? NaN);
  return { afterWarmup, end, percent: ((end - afterWarmup) / afterWarmup) * 100 };
}

/** The mixed request stream: each request records its kind, latency and outcome. */
function mixedRequests(townships: string[], writes: WriteRequests, seed: number) {
  const random = new Random(seed + 1);
  const latencies = new Map<Kind, number[]>(MIX.map(([kind]) => [kind, []]));
  const errors = new Map<Kind, number>(MIX.map(([kind]) => [kind, 0]));
  let done = 0;
  let failed = 0;
  const q1 = (): LoadRequest => ({
    body: JSON.stringify({ query: GONGZHI.q1, variables: { region: toGlobalId('Region', random.pick(townships)) } }),
    settle: (status, body) => (status === 200 && !body.includes('"errors":[') ? undefined : `${status} ${body.slice(0, 300)}`),
  });
  const next = (): LoadRequest => {
    let kind = random.weighted(MIX);
    if (kind !== 'q1' && !writes.available(kind)) {
      kind = 'q1';
    }
    const request = kind === 'q1' ? q1() : writes.next(kind);
    const sent = performance.now();
    return {
      ...request,
      settle: (status, body) => {
        latencies.get(kind)!.push(performance.now() - sent);
        const error = request.settle!(status, body);
        done += 1;
        if (error !== undefined) {
          errors.set(kind, errors.get(kind)! + 1);
          failed += 1;
        }
        return error;
      },
    };
  };
  return { next, latencies, errors, progress: () => ({ requests: done, errors: failed }) };
}

async function sampler(server: ServerProcess, started: number, progress: () => { requests: number; errors: number }) {
  const text = await scrape(server.url.replace(/\/graphql$/, '/metrics'));
  return {
    seconds: Math.round((performance.now() - started) / 100) / 10,
    rssMiB: rssMiB(server.pid),
    heapUsedMiB: metric(text, 'nodejs_heap_size_used_bytes') / MIB,
    liveHeapMiB: metric(text, 'nodejs_heap_used_after_full_gc_bytes') / MIB,
    heapTotalMiB: metric(text, 'nodejs_heap_size_total_bytes') / MIB,
    eventLoopP99Ms: metric(text, 'nodejs_eventloop_delay_seconds{quantile="0.99"}') * 1000,
    poolInUse: metric(text, 'gongzhi_db_pool_connections{state="in_use"}'),
    ...progress(),
  };
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const { log } = options;
  const loadBefore = os.loadavg();
  const db = await openBenchDatabase(options.scale, options.databaseUrl);
  let copyUrl: string | undefined;
  let server: ServerProcess | undefined;
  try {
    await migrateDatabase(db.url);
    const setup = await connect(db.url);
    const { counts } = await ensureDataset(setup, { scale: options.scale, seed: options.seed, progress: true }).finally(() => setup.end());
    copyUrl = await copyDatabase(db.url, `${decodeURIComponent(new URL(db.url).pathname.slice(1))}_soak`);
    const client = await connect(copyUrl);
    try {
      const townships = (
        await client.query<{ id: string }>(
          `select distinct t.id from region t join region r on starts_with(r.path, t.path) join project_region pr on pr.region_id = r.id
             join project p on p.id = pr.project_id where t.level = 'TOWNSHIP' and p.status <> 'DRAFT' order by t.id`,
        )
      ).rows.map((row) => row.id);
      const began = await databaseNow(client);
      const writes = new WriteRequests(await prepareWrites(client), options.seed);
      server = await startGongzhiProcess(copyUrl, { METRICS_ENABLED: 'true' });
      const mix = mixedRequests(townships, writes, options.seed);
      const samples: SoakSample[] = [];
      const started = performance.now();
      let sampling = Promise.resolve();
      const take = () => {
        sampling = sampling
          .then(() => sampler(server!, started, mix.progress))
          .then((sample) => {
            samples.push(sample);
            log(
              `soak ${sample.seconds.toFixed(0).padStart(4)} s  rss ${sample.rssMiB.toFixed(0)} MiB  heap ${sample.heapUsedMiB.toFixed(0)}/${sample.heapTotalMiB.toFixed(0)} MiB, live ${sample.liveHeapMiB.toFixed(0)}  ` +
                `loop p99 ${sample.eventLoopP99Ms.toFixed(1)} ms  pool ${sample.poolInUse}  ${sample.requests} requests  ${sample.errors} errors`,
            );
          });
      };
      take();
      const timer = setInterval(take, options.sampleEveryMs);
      const load = await closedLoop(server.url, options.concurrency, options.durationMs, mix.next).finally(() => clearInterval(timer));
      take();
      await sampling;
      const invariants = await checkInvariants(client, began);
      const warmupSeconds = options.warmupMs / 1000;
      const rss = growth(samples, warmupSeconds, (sample) => sample.rssMiB);
      const liveHeap = growth(samples, warmupSeconds, (sample) => sample.liveHeapMiB);
      const heapUsed = growth(samples, warmupSeconds, (sample) => sample.heapUsedMiB);
      return {
        startedAt: new Date().toISOString(),
        machine: {
          cpus: os.cpus().length,
          model: os.cpus()[0]?.model ?? '',
          loadAverageBefore: loadBefore,
          loadAverageAfter: os.loadavg(),
        },
        options: {
          scale: options.scale,
          seed: options.seed,
          durationMs: options.durationMs,
          warmupMs: options.warmupMs,
          sampleEveryMs: options.sampleEveryMs,
          concurrency: options.concurrency,
        },
        dataset: counts,
        command: `${server.command} (METRICS_ENABLED=true)`,
        samples,
        kinds: MIX.map(([kind]) => ({
          kind,
          requests: mix.latencies.get(kind)!.length,
          errors: mix.errors.get(kind)!,
          p50: percentile(mix.latencies.get(kind)!, 50),
          p99: percentile(mix.latencies.get(kind)!, 99),
          outcomes: kind === 'q1' ? {} : writes.outcomes[kind],
        })),
        requests: load.requests,
        rps: load.requests / load.seconds,
        errors: load.errors,
        ...(load.firstError ? { firstError: load.firstError } : {}),
        invariants,
        verdict: {
          rss,
          liveHeap,
          heapUsed,
          targetPercent: TARGET_PERCENT,
          passed: rss.percent < TARGET_PERCENT && liveHeap.percent < TARGET_PERCENT,
        },
      };
    } finally {
      await client.end();
    }
  } finally {
    await server?.stop();
    if (copyUrl) {
      await dropDatabase(copyUrl);
    }
    await db.stop();
  }
}

const f = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);

export function soakMarkdown(result: SoakResult): string {
  const { options, machine, verdict } = result;
  const judgedHeap = result.samples.filter((s) => s.seconds >= options.warmupMs / 1000).map((s) => s.heapUsedMiB);
  const growthText = (name: string, g: Growth) =>
    `${name} ${f(g.afterWarmup, 0)} → ${f(g.end, 0)} MiB (${g.percent >= 0 ? '+' : ''}${f(g.percent)}%)`;
  const lines = [
    `Soak ${result.startedAt} — scale ${options.scale} (seed ${options.seed}), ${f(options.durationMs / 60_000)} min of Q1 + writes, closed loop at concurrency ${options.concurrency}, ` +
      `one Gongzhi process (${result.command}) on a copy of the database; ${machine.cpus} × ${machine.model}; load average before ` +
      `${machine.loadAverageBefore.map((l) => l.toFixed(2)).join(' ')}, after ${machine.loadAverageAfter.map((l) => l.toFixed(2)).join(' ')}.`,
    '',
    `**Verdict: ${verdict.passed ? 'flat' : 'GROWING'}** — from the end of the ${f(options.warmupMs / 1000, 0)} s warm-up to the end ` +
      `(least-squares line through the ${result.samples.filter((s) => s.seconds >= options.warmupMs / 1000).length} samples after it): ` +
      `${growthText('RSS', verdict.rss)}, ${growthText('V8 live heap (used after the last full collection)', verdict.liveHeap)}; target < ${verdict.targetPercent}% each. ` +
      `Not judged: V8 heap used at the sample moments, ${growthText('', verdict.heapUsed).trim()}, ranged ${f(Math.min(...judgedHeap))}–${f(Math.max(...judgedHeap))} MiB ` +
      'after the warm-up: it counts the garbage awaiting the next collection.',
    '',
    `${result.requests.toLocaleString('en')} requests (${f(result.rps)} req/s), ${result.errors} errors` +
      (result.firstError ? ` (first: ${result.firstError.slice(0, 200)})` : '') +
      `; invariants after the soak: ${result.invariants.every((i) => i.violations === 0) ? 'all hold' : result.invariants.map((i) => `${i.name}: ${i.violations}`).join('; ')}.`,
    '',
    '| request | requests | p50 ms | p99 ms | errors | outcomes |',
    '|---|--:|--:|--:|--:|---|',
    ...result.kinds.map(
      (kind) =>
        `| ${kind.kind} | ${kind.requests.toLocaleString('en')} | ${f(kind.p50)} | ${f(kind.p99)} | ${kind.errors} | ${Object.entries(
          kind.outcomes,
        )
          .map(([outcome, count]) => `${outcome} ${count}`)
          .join(', ')} |`,
    ),
    '',
    '| s | RSS MiB | live heap MiB | heap used MiB | heap total MiB | event-loop p99 ms | pool in use | requests | errors |',
    '|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...result.samples.map(
      (s) =>
        `| ${f(s.seconds, 0)} | ${f(s.rssMiB, 0)} | ${f(s.liveHeapMiB, 0)} | ${f(s.heapUsedMiB, 0)} | ${f(s.heapTotalMiB, 0)} | ${f(s.eventLoopP99Ms)} | ${s.poolInUse} | ${s.requests.toLocaleString('en')} | ${s.errors} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

import http from 'node:http';

export interface LoadResult {
  requests: number;
  errors: number;
  firstError?: string;
  seconds: number;
  latenciesMs: number[];
  bytes: number;
  /** Ticks of an open loop (`fixedRate`) at which there was nothing to send, so none was sent. */
  skipped: number;
}

/**
 * One request of a load run: its body, extra headers (a session cookie), and how to judge the answer —
 * `settle` returns an error text for a failure, or undefined (writes count business outcomes there).
 */
export interface LoadRequest {
  body: string;
  headers?: Record<string, string>;
  settle?: (status: number, body: string) => string | undefined;
}

/** One POST over a keep-alive agent; resolves with the status and the body. */
export function post(
  agent: http.Agent,
  url: URL,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const failed = (status: number, body: string) => status !== 200 || body.includes('"errors":[');

/** The error text of an answer, or undefined: the request's own `settle` judges when it has one. */
function errorOf(request: LoadRequest, status: number, body: string): string | undefined {
  if (request.settle) {
    return request.settle(status, body);
  }
  return failed(status, body) ? `${status} ${body.slice(0, 300)}` : undefined;
}

/**
 * Closed loop: `concurrency` clients each send the next request as soon as the previous answer has been
 * read, for `durationMs`. `makeBody` gives each request its variables (a random township, project…), a
 * whole `LoadRequest`, or undefined when nothing is left to send (a tiny data set's shifts all taken):
 * that client stops.
 */
export async function closedLoop(
  url: string,
  concurrency: number,
  durationMs: number,
  makeBody: () => string | LoadRequest | undefined,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(url);
  const result: LoadResult = { requests: 0, errors: 0, seconds: 0, latenciesMs: [], bytes: 0, skipped: 0 };
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const made = makeBody();
        if (made === undefined) {
          return;
        }
        const request = typeof made === 'string' ? { body: made } : made;
        const sent = performance.now();
        try {
          const { status, body } = await post(agent, target, request.body, request.headers);
          result.latenciesMs.push(performance.now() - sent);
          result.bytes += Buffer.byteLength(body);
          const error = errorOf(request, status, body);
          if (error !== undefined) {
            result.errors += 1;
            result.firstError ??= error;
          }
        } catch (error) {
          request.settle?.(0, String(error));
          result.errors += 1;
          result.firstError ??= String(error);
        }
        result.requests += 1;
      }
    }),
  );
  result.seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return result;
}

/**
 * Open loop at a fixed rate (requests are sent on schedule whether or not earlier ones have answered).
 * `makeBody` gives a body, a whole `LoadRequest` (judged like `closedLoop`'s), or undefined when there
 * is nothing to send at this tick (every deliverable in flight…): the tick is skipped and counted.
 */
export async function fixedRate(
  url: string,
  ratePerSecond: number,
  durationMs: number,
  makeBody: () => string | LoadRequest | undefined,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const target = new URL(url);
  const result: LoadResult = { requests: 0, errors: 0, seconds: 0, latenciesMs: [], bytes: 0, skipped: 0 };
  const started = performance.now();
  const total = Math.max(1, Math.round((ratePerSecond * durationMs) / 1000));
  const pending: Promise<void>[] = [];
  for (let index = 0; index < total; index += 1) {
    const due = started + (index * 1000) / ratePerSecond;
    const wait = due - performance.now();
    if (wait > 0) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const made = makeBody();
    if (made === undefined) {
      result.skipped += 1;
      continue;
    }
    const request = typeof made === 'string' ? { body: made } : made;
    pending.push(
      post(agent, target, request.body, request.headers).then(
        ({ status, body }) => {
          // Latency from the scheduled time, so queueing in the client counts too (no coordinated omission).
          result.latenciesMs.push(performance.now() - due);
          result.bytes += Buffer.byteLength(body);
          const error = errorOf(request, status, body);
          if (error !== undefined) {
            result.errors += 1;
            result.firstError ??= error;
          }
        },
        (error: unknown) => {
          request.settle?.(0, String(error));
          result.errors += 1;
          result.firstError ??= String(error);
        },
      ),
    );
    result.requests += 1;
  }
  await Promise.all(pending);
  result.seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return result;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) {
    return NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function median(values: number[]): number {
  const finite = values.filter((value) => Number.isFinite(value));
  return finite.length ? percentile(finite, 50) : NaN;
}

/** What every measured run reports: throughput, latency and CPU per request. */
export interface RunFigures {
  rps: number;
  p50: number;
  p99: number;
  nodeCpuMsPerRequest: number;
  /** Null when PostgreSQL's processes could not be found (a server not started by the bench). */
  pgCpuMsPerRequest: number | null;
}

/** The median of each figure over several runs of the same thing (rounds): never a single run. */
export function medianFigures(runs: readonly RunFigures[]): RunFigures {
  return {
    rps: median(runs.map((run) => run.rps)),
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    nodeCpuMsPerRequest: median(runs.map((run) => run.nodeCpuMsPerRequest)),
    pgCpuMsPerRequest: runs.some((run) => run.pgCpuMsPerRequest === null) ? null : median(runs.map((run) => run.pgCpuMsPerRequest!)),
  };
}

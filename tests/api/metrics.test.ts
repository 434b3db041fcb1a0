import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../support/server.js';
import { collector } from '../support/young-generation.js';

/** The value of one sample of the Prometheus text, e.g. `sample(text, 'gongzhi_db_pool_connections{state="idle"}')`. */
function sample(text: string, name: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

async function scrape(server: TestServer) {
  const response = await fetch(`${server.url}/metrics`);
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

/** Lets the collection observer, which is called a moment after a collection, see it. */
const observerTurn = () => new Promise((resolve) => setTimeout(resolve, 50));

async function openSocket(url: string): Promise<WebSocket> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return socket;
}

describe('GET /metrics with METRICS_ENABLED=true', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ demo: false, env: { METRICS_ENABLED: 'true' } });
  });
  afterAll(() => server?.stop());

  it('reports memory, event-loop delay and the database pool in Prometheus text format', async () => {
    await fetch(`${server.url}/readyz`); // the pool has opened a connection
    const { status, type, text } = await scrape(server);
    expect(status).toBe(200);
    expect(type).toContain('text/plain; version=0.0.4');
    expect(text).toContain('# TYPE process_resident_memory_bytes gauge');
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    const heapUsed = sample(text, 'nodejs_heap_size_used_bytes')!;
    expect(heapUsed).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_heap_size_total_bytes')).toBeGreaterThanOrEqual(heapUsed);
    expect(sample(text, 'nodejs_eventloop_delay_seconds{quantile="0.99"}')).toBeGreaterThanOrEqual(0);
    const inUse = sample(text, 'gongzhi_db_pool_connections{state="in_use"}')!;
    const idle = sample(text, 'gongzhi_db_pool_connections{state="idle"}')!;
    expect(inUse).toBeGreaterThanOrEqual(0);
    expect(inUse + idle).toBeGreaterThan(0);
    expect(sample(text, 'gongzhi_db_pool_waiting')).toBe(0);
  });

  it('reports the heap left after a full collection, which follows what is still reachable', async () => {
    const collect = collector();
    const MIB = 1024 * 1024;
    let retained: number[][] | undefined = Array.from({ length: 64 }, () => new Array<number>(MIB / 8).fill(1.5));
    collect();
    await observerTurn();
    const holding = sample((await scrape(server)).text, 'nodejs_heap_used_after_full_gc_bytes')!;
    expect(retained.length).toBe(64);
    retained = undefined;
    collect();
    await observerTurn();
    const released = sample((await scrape(server)).text, 'nodejs_heap_used_after_full_gc_bytes')!;
    // 64 arrays of 128 Ki doubles: 64 MiB reachable at the first collection, garbage at the second.
    expect(holding - released).toBeGreaterThan(48 * MIB);
    expect(released).toBeGreaterThan(0);
  });

  it('counts open WebSocket connections', async () => {
    expect(sample((await scrape(server)).text, 'gongzhi_websocket_connections')).toBe(0);
    const socket = await openSocket(server.url);
    try {
      expect(sample((await scrape(server)).text, 'gongzhi_websocket_connections')).toBe(1);
    } finally {
      socket.close();
    }
  });
});

describe('GET /metrics without METRICS_ENABLED', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ demo: false });
  });
  afterAll(() => server?.stop());

  it('serves no metrics', async () => {
    const { type, text } = await scrape(server);
    expect(type).not.toContain('version=0.0.4');
    expect(text).not.toContain('process_resident_memory_bytes');
  });
});

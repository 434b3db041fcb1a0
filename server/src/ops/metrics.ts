import { constants, monitorEventLoopDelay, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';

/** What the metrics read from the running server besides the process itself. */
export interface MetricsSources {
  /** Open WebSocket connections (subscriptions). */
  websocketConnections(): number;
  /** The database pool: connections open, idle among them, and requests waiting for one. */
  pool(): Promise<{ total: number; idle: number; waiting: number }>;
}

interface Metric {
  name: string;
  help: string;
  type: 'gauge' | 'counter';
  values: { labels?: Record<string, string>; value: number }[];
}

const NS_PER_SECOND = 1e9;

/** A `gc` performance entry: its detail names the kind of collection. */
type GcEntry = PerformanceEntry & { detail?: { kind?: number } };

/**
 * Heap used as seen just after each full (mark-compact) collection: the live heap. Heap used at any
 * other moment also counts the garbage waiting for the next collection, between a fifth and the whole
 * of its peak under load, so a leak shows in this figure first. Read when the observer is called, a
 * moment after the collection: the few requests in that moment add little.
 */

function watchHeapAfterFullCollections(): { bytes(): number | undefined; stop(): void } {
  let bytes: number | undefined;
  const observer = new PerformanceObserver((list) => {
    const full = list.getEntries().some((entry: GcEntry) => entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR);
    if (full) {
      bytes = process.memoryUsage().heapUsed;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return { bytes: () => bytes, stop: () => observer.disconnect() };
}

/** Prometheus text exposition format 0.0.4: HELP, TYPE, then one line per labelled value. */
export function prometheusText(metrics: Metric[]): string {
  const lines: string[] = [];
  for (const metric of metrics) {
    lines.push(`# HELP ${metric.name} ${metric.help}`, `# TYPE ${metric.name} ${metric.type}`);
    for (const { labels, value } of metric.values) {
      const labelText = labels
        ? `{${Object.entries(labels)
            .map(([key, text]) => `${key}="${text.replace(/["\\\n]/g, (char) => (char === '\n' ? '\\n' : `\\${char}`))}"`)
            .join(',')}}`
        : '';
      lines.push(`${metric.name}${labelText} ${Number.isFinite(value) ? value : 0}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The process's health for an operator's scraper (or the soak benchmark): memory, event-loop delay,
 * open WebSockets and the database pool. The event-loop delay percentiles cover the time since the
 * previous scrape; `stop` releases the delay monitor and the collection observer.
 */
export function createMetrics(sources: MetricsSources): { render(): Promise<string>; stop(): void } {
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const liveHeap = watchHeapAfterFullCollections();
  return {
    async render() {
      const memory = process.memoryUsage();
      const cpu = process.cpuUsage();
      const pool = await sources.pool();
      const liveHeapBytes = liveHeap.bytes();
      // The histogram is in nanoseconds and starts over at every scrape.
      const delay = (value: number) => (loopDelay.count ? value / NS_PER_SECOND : 0);
      const text = prometheusText([
        { name: 'process_resident_memory_bytes', help: 'Resident memory size in bytes', type: 'gauge', values: [{ value: memory.rss }] },
        {
          name: 'process_cpu_seconds_total',
          help: 'User and system CPU time spent in seconds',
          type: 'counter',
          values: [{ value: (cpu.user + cpu.system) / 1e6 }],
        },
        { name: 'nodejs_heap_size_used_bytes', help: 'V8 heap used in bytes', type: 'gauge', values: [{ value: memory.heapUsed }] },
        {
          name: 'nodejs_heap_used_after_full_gc_bytes',
          help: 'V8 heap used just after the last full collection (the live heap; absent until the first)',
          type: 'gauge',
          values: liveHeapBytes === undefined ? [] : [{ value: liveHeapBytes }],
        },
        { name: 'nodejs_heap_size_total_bytes', help: 'V8 heap allocated in bytes', type: 'gauge', values: [{ value: memory.heapTotal }] },
        {
          name: 'nodejs_external_memory_bytes',
          help: 'Memory of C++ objects bound to JavaScript objects (buffers) in bytes',
          type: 'gauge',
          values: [{ value: memory.external }],
        },
        {
          name: 'nodejs_eventloop_delay_seconds',
          help: 'Event-loop delay since the previous scrape',
          type: 'gauge',
          values: [
            { labels: { quantile: '0.5' }, value: delay(loopDelay.percentile(50)) },
            { labels: { quantile: '0.99' }, value: delay(loopDelay.percentile(99)) },
            { labels: { quantile: '1' }, value: delay(loopDelay.max) },
          ],
        },
        {
          name: 'gongzhi_websocket_connections',
          help: 'Open WebSocket connections (GraphQL subscriptions)',
          type: 'gauge',
          values: [{ value: sources.websocketConnections() }],
        },
        {
          name: 'gongzhi_db_pool_connections',
          help: 'PostgreSQL pool connections by state',
          type: 'gauge',
          values: [
            { labels: { state: 'in_use' }, value: pool.total - pool.idle },
            { labels: { state: 'idle' }, value: pool.idle },
          ],
        },
        {
          name: 'gongzhi_db_pool_waiting',
          help: 'Requests waiting for a PostgreSQL pool connection',
          type: 'gauge',
          values: [{ value: pool.waiting }],
        },
      ]);
      loopDelay.reset();
      return text;
    },
    stop: () => {
      loopDelay.disable();
      liveHeap.stop();
    },
  };
}

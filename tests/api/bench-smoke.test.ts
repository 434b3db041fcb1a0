import { beforeAll, describe, expect, it } from 'vitest';
import { runBench } from '../bench/harness.js';
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
      log: () => {},
    });
    expect(result.gate).toMatchObject({ passed: true, against: ['raw-sql', 'postgraphile'] });
    expect(result.gate.projectsCompared).toBeGreaterThan(0);
    expect(result.measurements).toHaveLength(9);
    expect(result.measurements.filter((m) => m.errors > 0).map((m) => `${m.target} ${m.query}: ${m.firstError}`)).toEqual([]);
    expect(result.measurements.every((m) => m.requests > 0)).toBe(true);
    // The page's statement count does not depend on its size (the N+1 guard), and is small.
    expect(result.statementsPerRequest.q1).toBeLessThanOrEqual(12);
  }, 90_000);
});

import { describe, expect, it } from 'vitest';
import { combineRounds } from '../bench/writes.js';

type Run = Parameters<typeof combineRounds>[0][number];

function run(rps: number, p99: number, fixedP99: number, outcomes: Record<string, number>, error?: string): Run {
  const successes = Object.values(outcomes).reduce((sum, count) => sum + count, 0);
  return {
    operation: 'pledgeCreate',
    label: 'pledgeCreate (random open need)',
    server: 'gongzhi',
    concurrency: 10,
    sqlPerRequest: 9,
    rps,
    p50: p99 / 2,
    p99,
    nodeCpuMsPerRequest: rps / 100,
    pgCpuMsPerRequest: null,
    requests: successes,
    errors: error ? 1 : 0,
    ...(error ? { firstError: error } : {}),
    outcomes,
    activityEntries: successes,
    successes,
    fixedRate: {
      rate: Math.round(rps / 2),
      requests: successes,
      skipped: 0,
      p50: fixedP99 / 3,
      p99: fixedP99,
      errors: 0,
      outcomes,
      activityEntries: successes,
      successes,
    },
  };
}

describe('combineRounds (the writes bench over its rounds)', () => {
  it('reports the median round, so one stalled round does not make the row', () => {
    const row = combineRounds([run(400, 30, 12, { PROPOSED: 10 }), run(300, 90, 77, { PROPOSED: 5 }), run(500, 20, 9, { PROPOSED: 7 })]);
    expect(row).toMatchObject({ rps: 400, p99: 30, nodeCpuMsPerRequest: 4, pgCpuMsPerRequest: null });
    expect(row.fixedRate).toMatchObject({ rate: 200, p99: 12 });
    expect(row.rounds.map((round) => round.fixedP99)).toEqual([12, 77, 9]);
  });

  it('adds up requests, outcomes, errors and activity entries over the rounds', () => {
    const row = combineRounds([run(400, 30, 12, { PROPOSED: 10, PLEDGE_EXCEEDS_NEED: 1 }), run(300, 90, 77, { PROPOSED: 5 }, 'HTTP 500')]);
    expect(row).toMatchObject({ requests: 16, errors: 1, firstError: 'HTTP 500', successes: 16, activityEntries: 16 });
    expect(row.outcomes).toEqual({ PROPOSED: 15, PLEDGE_EXCEEDS_NEED: 1 });
    expect(row.fixedRate.outcomes).toEqual({ PROPOSED: 15, PLEDGE_EXCEEDS_NEED: 1 });
  });

  it('refuses a row without rounds', () => {
    expect(() => combineRounds([])).toThrow('at least one round');
  });
});

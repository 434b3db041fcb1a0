import { describe, expect, it } from 'vitest';
import { stallEpisodes } from '../bench/stalls.js';
import { fullCollections } from '../bench/support/v8-collections.js';

describe('stallEpisodes (the writes bench: when slow requests cluster)', () => {
  it('groups slow requests due close together into one episode, with its length, count and worst latency', () => {
    const requests = [
      { dueMs: 0, latencyMs: 3 },
      { dueMs: 100, latencyMs: 25 },
      { dueMs: 103, latencyMs: 40 },
      { dueMs: 140, latencyMs: 31 },
      { dueMs: 150, latencyMs: 4 },
      { dueMs: 900, latencyMs: 22 },
    ];
    expect(stallEpisodes(requests, 20)).toEqual([
      { fromMs: 100, toMs: 140, requests: 3, worstMs: 40 },
      { fromMs: 900, toMs: 900, requests: 1, worstMs: 22 },
    ]);
  });

  it('splits slow requests further apart than the gap, whatever order they were answered in', () => {
    const requests = [
      { dueMs: 300, latencyMs: 50 },
      { dueMs: 100, latencyMs: 50 },
      { dueMs: 149, latencyMs: 50 },
    ];
    expect(stallEpisodes(requests, 20, 50).map((episode) => [episode.fromMs, episode.toMs])).toEqual([
      [100, 149],
      [300, 300],
    ]);
  });

  it('finds none when nothing is slow', () => {
    expect(stallEpisodes([{ dueMs: 0, latencyMs: 19.9 }], 20)).toEqual([]);
  });
});

describe('fullCollections (the stalls bench: V8 full collections from --trace-gc)', () => {
  it('reads when marking began and the pause ended, and skips scavenges and other output', () => {
    const lines = [
      '[30170:0x3be59000]       15 ms: Scavenge 4.4 (5.6) -> 4.0 (6.6) MB, pooled: 0 MB, 0.85 / 0.00 ms  (average mu = 1.000, current mu = 1.000) allocation failure; ',
      '{"level":40,"msg":"a log line of the server"}',
      '[30161:0x16944000]      263 ms: Mark-Compact 121.8 (159.5) -> 31.0 (159.7) MB, pooled: 0 MB, 21.64 / 0.00 ms  (+ 1.3 ms in 56 steps since start of marking, biggest step 0.3 ms, walltime since start of marking 34 ms) (average mu = 0.913, current mu = 0.913) allocation failure; GC in old space requested',
      '[30161:0x16944000]     1000 ms: Mark-Compact 40.0 (60.0) -> 30.0 (60.0) MB, pooled: 0 MB, 12.50 / 0.00 ms  (average mu = 0.9, current mu = 0.9) low memory notification; GC in old space requested',
    ];
    expect(fullCollections(lines)).toEqual([
      { markingFromMs: 229, pauseEndMs: 263, pauseMs: 21.64, beforeMB: 121.8, afterMB: 31 },
      { markingFromMs: 987.5, pauseEndMs: 1000, pauseMs: 12.5, beforeMB: 40, afterMB: 30 },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { stallEpisodes } from '../bench/stalls.js';

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

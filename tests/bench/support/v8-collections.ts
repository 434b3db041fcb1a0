/**
 * V8's full collections, read from a process started with `--trace-gc`. A full (mark-compact)
 * collection marks the whole old generation on a helper thread for tens to hundreds of milliseconds
 * before its pause: on a 2-core machine that thread competes with the server's own, PostgreSQL and
 * the load generator, so `pnpm bench:stalls` asks whether the stall episodes line up with them.
 */

/** One full collection: when its marking began and its pause ended, on the process's clock (ms since start). */
export interface FullCollection {
  markingFromMs: number;
  pauseEndMs: number;
  pauseMs: number;
  /** Heap size before and after, MB. */
  beforeMB: number;
  afterMB: number;
}

// [pid:isolate]  12345 ms: Mark-Compact 121.8 (159.5) -> 31.0 (159.7) MB, pooled: 0 MB, 21.64 / 0.00 ms  (+ 1.3 ms in 56 steps
// since start of marking, biggest step 0.3 ms, walltime since start of marking 34 ms) …
const MARK_COMPACT =
  /^\[[^\]]*\]\s+(\d+) ms: Mark-Compact(?: \([^)]*\))? ([\d.]+) \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB,(?: pooled: [\d.]+ MB,)? ([\d.]+) \/ [\d.]+ ms(?:.*?walltime since start of marking (\d+) ms)?/;

/**
 * The full collections among `--trace-gc` output lines (other lines, scavenges and the process's own
 * output, are skipped). V8 prints a collection when its pause has ended, with the process's time then;
 * the marking began the walltime it reports before that (just the pause for a collection that was not
 * incremental).
 */
export function fullCollections(lines: Iterable<string>): FullCollection[] {
  const collections: FullCollection[] = [];
  for (const line of lines) {
    const match = MARK_COMPACT.exec(line);
    if (!match) {
      continue;
    }
    const [, atMs, beforeMB, afterMB, pauseMs, markingMs] = match;
    collections.push({
      markingFromMs: Number(atMs) - Math.max(Number(markingMs ?? 0), Number(pauseMs)),
      pauseEndMs: Number(atMs),
      pauseMs: Number(pauseMs),
      beforeMB: Number(beforeMB),
      afterMB: Number(afterMB),
    });
  }
  return collections;
}

import { AsyncLocalStorage } from 'node:async_hooks';
import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

/**
 * Time-ordered ids (UUID version 7) for rows created here: the `uuid` package's layout and its
 * monotonic order within a millisecond, with random bytes taken from a pool.
 *
 * Why not `v7()` as it is: it asks `crypto.getRandomValues` for 16 bytes per id, and Node runs each call
 * as a crypto job object that records the async context it was called in — inside a request, the
 * request's whole context (its EntityManager, the change's entities). V8's young-generation collector
 * keeps such an object alive until a full collection, so every write that made an id copied its objects
 * to the old generation: 7 KB per `deliverableTransition`, which made full collections come every few
 * seconds under load (ADR 0021). The pool is filled 256 ids at a time, in the context this module was
 * loaded in, so no request is kept.
 */
const IDS_PER_FILL = 256;
const pool = new Uint8Array(16 * IDS_PER_FILL);
let taken = IDS_PER_FILL;
const outsideRequests = AsyncLocalStorage.snapshot();

function randomBytes16(): Uint8Array {
  if (taken === IDS_PER_FILL) {
    outsideRequests(() => randomFillSync(pool));
    taken = 0;
  }
  const start = 16 * taken;
  taken += 1;
  return pool.subarray(start, start + 16);
}

/** The last id's millisecond and counter: ids made in one millisecond count up from a random start. */
const last = { msecs: -Infinity, seq: 0 };

export function uuidv7(): string {
  const random = randomBytes16();
  const now = Date.now();
  if (now > last.msecs) {
    // 31 random bits, as `uuid` starts its counter.
    last.seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
    last.msecs = now;
  } else {
    last.seq = (last.seq + 1) | 0;
    if (last.seq === 0) {
      last.msecs += 1;
    }
  }
  return v7({ random, msecs: last.msecs, seq: last.seq });
}

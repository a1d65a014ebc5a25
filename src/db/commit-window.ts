/**
 * Adaptive group commit: how long the DB-writer may hold a write before committing it.
 *
 * The load signal is the number of writes that arrived in the last `flushMs` (a sliding-window
 * counter), against the rate at which the batch cap cuts batches anyway: at `2 × flushMax` writes
 * per `flushMs` even the full hold cannot pass the cap. load = recent / (2 × flushMax), and the
 * hold is `flushMs × load^1.25`: an idle or lightly loaded writer commits at once (a lone write
 * never waits for a timer; news at 1,000/s stay under the 1 ms timer threshold), and as load
 * rises the hold grows a little faster than the rate, so transactions per write fall (batch ≈
 * rate × hold): with the defaults ~5,000 writes/s are held ~1.8 ms and ~20,000 writes/s ~10 ms.
 * The exponent was chosen by measurement (scripts/bench/latency.ts and group-commit.ts, same
 * runs): 2 left 0.12 transactions per explanation at 5,000 news/s, 1 held every news at
 * 1,000/s (p99 2.85 ms), 1.25 gave 0.041 and a 1.42 ms p99.
 */
export interface CommitWindow {
  /** Counts `writes` arriving at `now`. */
  record(writes: number, now: number): void;
  /** Writes that arrived during the last `flushMs` before `now` (sliding estimate). */
  recent(now: number): number;
  /** How long a batch opened at `now` may wait: 0 (commit at once) up to `flushMs`. */
  holdMs(now: number): number;
}

/**
 * Holds shorter than this are not worth a timer (timers fire at millisecond granularity): the
 * writer commits as soon as its mailbox drains instead.
 */
export const MIN_TIMER_HOLD_MS = 1;

export function createCommitWindow(flushMs: number, flushMax: number): CommitWindow {
  const span = Math.max(1, flushMs);
  let bucketStart = Number.NEGATIVE_INFINITY;
  let current = 0;
  let previous = 0;

  function roll(now: number): void {
    if (now - bucketStart < span) return;
    const elapsedBuckets = Math.floor((now - bucketStart) / span);
    previous = elapsedBuckets === 1 ? current : 0;
    current = 0;
    bucketStart = Number.isFinite(bucketStart) ? bucketStart + elapsedBuckets * span : now;
  }

  function recent(now: number): number {
    roll(now);
    const overlap = 1 - (now - bucketStart) / span;
    return current + previous * overlap;
  }

  return {
    record(writes, now) {
      roll(now);
      current += writes;
    },
    recent,
    holdMs(now) {
      if (flushMs === 0) return 0;
      const load = recent(now) / (2 * flushMax);
      return Math.min(flushMs, flushMs * load ** 1.25);
    },
  };
}

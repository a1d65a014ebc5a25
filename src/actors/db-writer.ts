import type { Database } from "bun:sqlite";
import { dispatch, type Ref, spawn } from "nact";
import type { Cancel, Clock } from "../clock";
import { createCommitWindow, MIN_TIMER_HOLD_MS } from "../db/commit-window";
import { createWriteApplier, type Write } from "../db/writes";
import { assertNever } from "../errors";
import type { Logger } from "../logger";
import type { Metrics } from "../metrics";
import { admitted, type CrashHooks, type Policy, replyToOf } from "./supervision";

/** The outcome of a write request, sent after its transaction committed (or failed). */
export type WriteResult =
  | { readonly type: "committed" }
  | { readonly type: "failed"; readonly reason: string };

/** Messages the DB-writer accepts. */
export type DbWriterMsg =
  | {
      readonly type: "write";
      readonly writes: readonly Write[];
      readonly replyTo?: Ref<WriteResult>;
    }
  | { readonly type: "flush"; readonly replyTo: Ref<WriteResult> }
  /**
   * Readiness: commits what is queued, then takes and releases SQLite's write lock; `failed`
   * while the last commit failed (a full disk lets the lock be taken but no write land).
   */
  | { readonly type: "probe"; readonly replyTo: Ref<WriteResult> };

/**
 * `tick`: a batch's hold has passed. `drain`: sent to itself behind the writes already in the
 * mailbox, so it arrives once they have all been read: the idle writer's "commit now".
 */
type Internal = { readonly type: "tick" } | { readonly type: "drain" };

type Envelope = { readonly writes: readonly Write[]; readonly replyTo?: Ref<WriteResult> };

export interface DbWriterDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Under load, commit at most this long after the first queued write. */
  readonly flushMs: number;
  /** Commit at once when this many writes are queued. */
  readonly flushMax: number;
}

/**
 * Spawns the only actor that writes SQLite, with adaptive group commit: an idle writer commits a
 * write as soon as its mailbox is drained (no timer); writes that arrive while it is busy join the
 * next transaction; under load a batch is held for a window that grows with the rate of writes
 * (see commit-window.ts), at most `flushMs`, and committed at once when `flushMax` writes wait.
 * Each request's `replyTo` hears back only after its transaction committed, so a caller can
 * promise durability to a user.
 */
export function spawnDbWriter(
  parent: Ref<unknown>,
  deps: DbWriterDeps,
  policy: Policy,
): Ref<DbWriterMsg> {
  const apply = createWriteApplier(deps.db);
  const log = deps.logger.child({ actor: "db-writer" });
  const hooks: CrashHooks = {
    log,
    answer: (message) => {
      const replyTo = replyToOf<WriteResult>(message);
      if (replyTo) dispatch(replyTo, { type: "failed", reason: "crashed" });
    },
  };
  const supervision = policy(hooks);
  let queue: Envelope[] = [];
  let queued = 0;
  let cancelTick: Cancel | undefined;
  /** Whether a `drain` marker is in the mailbox behind the writes queued so far. */
  let drainPending = false;
  const window = createCommitWindow(deps.flushMs, deps.flushMax);
  /** Whether the last commit failed; cleared by the next one that lands. */
  let lastCommitFailed = false;

  function commit(batch: readonly Envelope[]): void {
    deps.db.transaction(() => {
      for (const envelope of batch) for (const write of envelope.writes) apply(write);
    })();
  }

  function flush(): void {
    cancelTick?.();
    cancelTick = undefined;
    if (queue.length === 0) return;
    const batch = queue;
    const size = queued;
    queue = [];
    queued = 0;
    deps.metrics.dbQueueDepth.set(0);
    const stopTimer = deps.metrics.dbFlushDuration.startTimer();
    try {
      commit(batch);
      deps.metrics.dbFlushBatch.observe(size);
      for (const envelope of batch) settled(envelope, { type: "committed" });
      lastCommitFailed = false;
    } catch (error) {
      // One bad write must not fail its neighbours: retry each request on its own.
      log.error({ err: error, size }, "batch commit failed; retrying requests one by one");
      for (const envelope of batch) {
        try {
          commit([envelope]);
          deps.metrics.dbFlushBatch.observe(envelope.writes.length);
          settled(envelope, { type: "committed" });
          lastCommitFailed = false;
        } catch (single) {
          lastCommitFailed = true;
          log.error({ err: single, writes: envelope.writes.map((w) => w.type) }, "write failed");
          envelope.replyTo && dispatch(envelope.replyTo, { type: "failed", reason: "sqlite" });
        }
      }
    } finally {
      stopTimer();
    }
  }

  /** Commits the batch just opened after `hold` ms, or when the mailbox drains if ~0. */
  function schedule(hold: number): void {
    if (hold >= MIN_TIMER_HOLD_MS) {
      cancelTick = deps.clock.setTimeout(() => dispatch(ref, { type: "tick" }), hold);
    } else if (!drainPending) {
      drainPending = true;
      dispatch(ref, { type: "drain" });
    }
  }

  function probeWriteLock(): WriteResult {
    if (lastCommitFailed) return { type: "failed", reason: "sqlite" };
    try {
      deps.db.run("BEGIN IMMEDIATE");
      deps.db.run("ROLLBACK");
      return { type: "committed" };
    } catch (error) {
      log.warn({ err: error }, "database is not writable");
      return { type: "failed", reason: "sqlite" };
    }
  }

  function settled(envelope: Envelope, result: WriteResult): void {
    for (const write of envelope.writes) {
      if (write.type === "awardXp") deps.metrics.xpAwarded.inc(write.amount);
    }
    if (envelope.replyTo) dispatch(envelope.replyTo, result);
  }

  const ref: Ref<DbWriterMsg | Internal> = spawn(
    parent,
    (state: null, msg: DbWriterMsg | Internal) => {
      if (!admitted(supervision, hooks, msg)) return state;
      switch (msg.type) {
        case "write": {
          const now = deps.clock.now();
          const opensBatch = queue.length === 0;
          const hold = opensBatch ? window.holdMs(now) : 0;
          window.record(msg.writes.length, now);
          queue.push({ writes: msg.writes, replyTo: msg.replyTo });
          queued += msg.writes.length;
          deps.metrics.dbQueueDepth.set(queued);
          if (queued >= deps.flushMax) flush();
          else if (opensBatch) schedule(hold);
          return state;
        }
        case "flush":
          queue.push({ writes: [], replyTo: msg.replyTo });
          flush();
          return state;
        case "probe":
          flush();
          dispatch(msg.replyTo, probeWriteLock());
          return state;
        case "tick":
          flush();
          return state;
        case "drain":
          drainPending = false;
          flush();
          return state;
        default:
          return assertNever(msg);
      }
    },
    "db-writer",
    { initialState: null, onCrash: supervision.onCrash },
  );
  return ref as Ref<DbWriterMsg>;
}

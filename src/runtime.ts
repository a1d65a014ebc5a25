import type { Database } from "bun:sqlite";
import { type Ref, start, stop } from "nact";
import { ask } from "./actors/ask";
import { type DbWriterMsg, spawnDbWriter, type WriteResult } from "./actors/db-writer";
import { createUserBehaviour } from "./actors/user";
import type { AnswerChain } from "./analyzers/chain";
import { createExplanationCache } from "./cache/explanation-cache";
import type { Cancel, Clock } from "./clock";
import type { Config } from "./config";
import { createReads } from "./db/reads";
import type { Course } from "./learning/content";
import { loadCourses } from "./learning/course-data";
import type { Logger } from "./logger";
import type { Metrics } from "./metrics";
import { createExplainer } from "./news/explainer";
import { createUserDirectory } from "./supervisors/user-supervisor";

export interface RuntimeDeps {
  readonly config: Config;
  readonly db: Database;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly chain: AnswerChain;
  /** The clock the DB-writer's flush timer runs on (defaults to `clock`). */
  readonly flushClock?: Clock;
  /** Validated course content (defaults to the shipped courses, see loadCourses). */
  readonly courses?: readonly Course[];
}

const OFFLINE_CACHE_TTL_MS = 15 * 60_000;
const COMMIT_TIMEOUT_MS = 10_000;

/**
 * Starts the actor system: the DB-writer, the user directory with its shards, and the explainer
 * (cache in front of the answer chain) that user actors call.
 */
export function startRuntime(deps: RuntimeDeps) {
  const { config, clock, logger, metrics } = deps;
  // Content first: a broken course file stops startup before any actor is spawned.
  const courses = deps.courses ?? loadCourses();
  const system = start();
  const reads = createReads(deps.db);
  const writer = spawnDbWriter(system, {
    db: deps.db,
    clock: deps.flushClock ?? clock,
    logger,
    metrics,
    flushMs: config.dbFlushMs,
    flushMax: config.dbFlushMax,
  });
  const cache = createExplanationCache({
    reads,
    writer,
    clock,
    memoryEntries: config.cacheMemoryEntries,
  });
  const explainer = createExplainer({
    cache,
    chain: deps.chain,
    ttlMs: config.cacheTtlMs,
    offlineTtlMs: Math.min(OFFLINE_CACHE_TTL_MS, config.cacheTtlMs),
  });
  const userBehaviour = createUserBehaviour({
    reads,
    writer,
    explainer,
    clock,
    logger,
    metrics,
    floodIntervalMs: config.floodIntervalMs,
    dailyLimit: config.dailyLimit,
    defaultLanguage: config.defaultLanguage,
    commitTimeoutMs: COMMIT_TIMEOUT_MS,
    courses,
  });
  const users = createUserDirectory(system, {
    clock,
    metrics,
    idleMs: config.userIdleMs,
    spawnUser: userBehaviour.spawn,
  });

  /** Commits everything queued so far. */
  async function flush(): Promise<WriteResult> {
    return ask<DbWriterMsg, WriteResult>(
      writer as Ref<DbWriterMsg>,
      (replyTo) => ({ type: "flush", replyTo }),
      COMMIT_TIMEOUT_MS,
      "db-writer",
    );
  }

  /** Whether the DB-writer answers and SQLite grants it the write lock. */
  async function writable(): Promise<boolean> {
    const result = await ask<DbWriterMsg, WriteResult>(
      writer as Ref<DbWriterMsg>,
      (replyTo) => ({ type: "probe", replyTo }),
      COMMIT_TIMEOUT_MS,
      "db-writer",
    ).catch(() => undefined);
    return result?.type === "committed";
  }

  return {
    system,
    reads,
    writer,
    cache,
    explainer,
    users,
    flush,
    writable,
    courses,
    /**
     * Waits (up to `drainMs`) for user requests in flight to be answered, flushes pending
     * writes, stops every actor and closes the database.
     */
    async stop(drainMs = 0): Promise<void> {
      if (drainMs > 0) {
        let cancel: Cancel | undefined;
        const timedOut = await Promise.race([
          users.drain().then(() => false),
          new Promise<boolean>((resolve) => {
            cancel = clock.setTimeout(() => resolve(true), drainMs);
          }),
        ]);
        cancel?.();
        if (timedOut) logger.warn({ drainMs }, "stopping with user requests still in flight");
      }
      users.stop();
      await flush().catch((error) => logger.error({ err: error }, "final flush failed"));
      stop(system);
      deps.db.close();
    },
  };
}

export type Runtime = ReturnType<typeof startRuntime>;

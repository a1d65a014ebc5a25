import type { Database } from "bun:sqlite";
import { type Ref, start, stop } from "nact";
import { spawnDbWriter, type WriteResult } from "./actors/db-writer";
import { spawnGroups } from "./actors/groups";
import { createUserBehaviour } from "./actors/user";
import { createWriterClient } from "./actors/writer-client";
import type { AnswerChain } from "./analyzers/chain";
import { createOfflineAnalyzer } from "./analyzers/offline/offline-analyzer";
import { createExplanationCache } from "./cache/explanation-cache";
import type { Cancel, Clock } from "./clock";
import type { Config } from "./config";
import { createHabitReads } from "./db/habit-reads";
import { createReads, type Reads } from "./db/reads";
import type { Course } from "./learning/content";
import { loadCourses } from "./learning/course-data";
import { loadGlossary } from "./learning/glossary-data";
import { createGlossary } from "./learning/glossary-search";
import type { Logger } from "./logger";
import type { Metrics } from "./metrics";
import { createExplainer, langOfCacheKey } from "./news/explainer";
import { resume } from "./supervisors/policies";
import { createUserDirectory } from "./supervisors/user-directory";

export interface RuntimeDeps {
  /** The actor system to spawn into (started here when not given). */
  readonly system?: Ref<unknown>;
  readonly config: Config;
  readonly db: Database;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly chain: AnswerChain;
  /** The clock the DB-writer's flush timer runs on (defaults to `clock`). */
  readonly flushClock?: Clock;
  /** Reads over `db` (tests pass ones that fail). */
  readonly reads?: Reads;
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
  // The glossary points at the shipped lessons, even where tests pass other course content.
  const shipped = deps.courses ? loadCourses() : courses;
  const glossary = createGlossary(loadGlossary(shipped), shipped);
  const system = deps.system ?? start();
  const reads = deps.reads ?? createReads(deps.db);
  const habits = createHabitReads(deps.db);
  const writerRef = spawnDbWriter(
    system,
    {
      db: deps.db,
      clock: deps.flushClock ?? clock,
      logger,
      metrics,
      flushMs: config.dbFlushMs,
      flushMax: config.dbFlushMax,
    },
    // A defect here is a bug in RVX, not in the data: answer the caller, keep serving writes.
    resume,
  );
  const writer = createWriterClient(writerRef, { logger, timeoutMs: COMMIT_TIMEOUT_MS });
  const cache = createExplanationCache({
    reads,
    writer,
    clock,
    memoryEntries: config.cacheMemoryEntries,
    nearEntries: config.cacheNearEntries,
    count: (result) => metrics.cacheLookups.inc({ result }),
  });
  // Answers cached before this start are found as near-duplicates too (newest first, bounded).
  cache.rebuildNear(langOfCacheKey);
  const explainer = createExplainer({
    cache,
    chain: deps.chain,
    ttlMs: config.cacheTtlMs,
    offlineTtlMs: Math.min(OFFLINE_CACHE_TTL_MS, config.cacheTtlMs),
  });
  const userBehaviour = createUserBehaviour({
    offline: createOfflineAnalyzer({ maxChars: config.answerMaxChars }),
    reads,
    habits,
    writer,
    explainer,
    clock,
    logger,
    metrics,
    floodIntervalMs: config.floodIntervalMs,
    dailyLimit: config.dailyLimit,
    defaultLanguage: config.defaultLanguage,
    courses,
    glossary,
    ...(deps.chain.tutor ? { tutor: deps.chain.tutor } : {}),
    threadTtlMs: config.threadTtlMs,
  });
  const groups = spawnGroups(
    system,
    { reads, writer, clock, logger, perHour: config.groupExplainsPerHour },
    // A defect here is a bug: answer the caller, keep the other groups' state.
    resume,
  );
  const users = createUserDirectory(system, {
    clock,
    metrics,
    idleMs: config.userIdleMs,
    maxLive: config.maxLiveUsers,
    spawnUser: userBehaviour.spawn,
  });

  /** Commits everything queued so far. */
  const flush = (): Promise<WriteResult> => writer.flush();
  /** Whether the DB-writer answers and SQLite grants it the write lock. */
  const writable = (): Promise<boolean> => writer.probe();

  return {
    system,
    reads,
    habits,
    writer,
    cache,
    explainer,
    users,
    /** Per-group limits, languages and membership (the groups actor). */
    groups: groups.ref,
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

import { type Ref, spawnStateless, stop } from "nact";
import { ask } from "../actors/ask";
import type { Policy } from "../actors/supervision";
import type { UserMsg } from "../actors/user";
import type { Cancel, Clock } from "../clock";
import type { Metrics } from "../metrics";
import { type BackoffOptions, restartWithBackoff } from "./policies";

/**
 * How a crashing user actor is held: a pause after each crash that doubles from 1 s to 30 s;
 * past 3 crashes a minute it stays stopped (answering `unavailable`) for 5 minutes. So a user
 * whose rows cannot be read costs at most a few log lines and reads every few minutes.
 */
export const USER_BACKOFF: Omit<BackoffOptions, "clock"> = {
  minBackoffMs: 1000,
  maxBackoffMs: 30_000,
  budget: 3,
  windowMs: 60_000,
  stopMs: 300_000,
};

type Entry = { readonly ref: Ref<UserMsg>; inFlight: number; lastActive: number };

export interface UserDirectoryDeps {
  readonly clock: Clock;
  readonly metrics: Metrics;
  /** Passivate a user actor after this long without messages. */
  readonly idleMs: number;
  /**
   * Past this many live user actors, the least recently used ones with nothing in flight are
   * passivated at once (their state is in SQLite), so memory follows configuration, not traffic.
   */
  readonly maxLive?: number;
  /** Spawns one user's actor under the given shard, supervised by `policy`. */
  readonly spawnUser: (shard: Ref<unknown>, userId: number, policy: Policy) => Ref<UserMsg>;
  /** Crash backoff and budget of user actors (default USER_BACKOFF). */
  readonly backoff?: Omit<BackoffOptions, "clock">;
  /** How many shard supervisors user actors are spread over. */
  readonly shards?: number;
}

/**
 * The user directory: routes messages to user actors, spawning them on demand under shard
 * supervisors, and passivates idle ones.
 *
 * nact copies an actor's children map for every message that actor handles, so no mailbox
 * here has many children on a hot path: user actors are spread over shard actors that never
 * receive messages, and routing is a Map lookup followed by a message straight to the user.
 * Idle users are passivated on the injected clock, and only when nothing of theirs is in flight,
 * so a stop never drops a queued message; their state is reloaded from SQLite on the next one.
 * Past `maxLive` actors, the least recently used idle ones are passivated at once.
 * A user actor that crashes answers `unavailable` and reloads from SQLite after a backoff, with
 * a crash budget (`restartWithBackoff`, chosen below where it is spawned).
 */
export function createUserDirectory(root: Ref<unknown>, deps: UserDirectoryDeps) {
  const shardCount = deps.shards ?? 64;
  const maxLive = deps.maxLive ?? Number.POSITIVE_INFINITY;
  const supervisor = spawnStateless(root, () => {}, "users");
  const shards = Array.from({ length: shardCount }, (_, i) =>
    spawnStateless(supervisor, () => {}, `shard-${i}`),
  );
  // Insertion order doubles as recency order: a touched entry is moved to the end.
  const entries = new Map<number, Entry>();
  // Each actor gets its own crash history from this policy (it is applied per spawn).
  const policy = restartWithBackoff({ clock: deps.clock, ...(deps.backoff ?? USER_BACKOFF) });
  const sweepEvery = Math.min(60_000, Math.max(1000, Math.floor(deps.idleMs / 4)));
  let cancelSweep: Cancel | undefined;
  let inFlight = 0;
  let drained: PromiseWithResolvers<void> | undefined;

  function entryFor(userId: number): Entry {
    let entry = entries.get(userId);
    if (entry) {
      entries.delete(userId);
    } else {
      const shard = shards[userId % shardCount] as Ref<unknown>;
      const ref = deps.spawnUser(shard, userId, policy);
      entry = { ref, inFlight: 0, lastActive: 0 };
      deps.metrics.userActors.inc();
    }
    entry.lastActive = deps.clock.now();
    entries.set(userId, entry);
    if (entries.size > maxLive) passivateLeastRecent(entries.size - maxLive, userId);
    return entry;
  }

  /** Stops up to `count` of the least recently used actors with nothing in flight. */
  function passivateLeastRecent(count: number, except: number): number {
    let stopped = 0;
    for (const [userId, entry] of entries) {
      if (stopped === count) break;
      if (entry.inFlight > 0 || userId === except) continue;
      entries.delete(userId);
      stop(entry.ref);
      stopped++;
    }
    deps.metrics.userActors.dec(stopped);
    return stopped;
  }

  /** Stops user actors idle for `idleMs` with nothing in flight; returns how many. */
  function passivateIdle(): number {
    const cutoff = deps.clock.now() - deps.idleMs;
    let stopped = 0;
    for (const [userId, entry] of entries) {
      if (entry.lastActive > cutoff) break;
      if (entry.inFlight > 0) continue;
      entries.delete(userId);
      stop(entry.ref);
      stopped++;
    }
    deps.metrics.userActors.dec(stopped);
    return stopped;
  }

  function scheduleSweep(): void {
    cancelSweep = deps.clock.setTimeout(() => {
      passivateIdle();
      scheduleSweep();
    }, sweepEvery);
  }
  scheduleSweep();

  return {
    /** Asks a user's actor, spawning (or reviving) it if needed. */
    async ask<Res>(
      userId: number,
      make: (replyTo: Ref<Res>) => UserMsg,
      timeoutMs: number,
    ): Promise<Res> {
      const entry = entryFor(userId);
      entry.inFlight++;
      inFlight++;
      try {
        return await ask<UserMsg, Res>(entry.ref, make, timeoutMs, "user");
      } finally {
        entry.inFlight--;
        if (--inFlight === 0) drained?.resolve();
        entry.lastActive = deps.clock.now();
        if (entries.get(userId) === entry) {
          entries.delete(userId);
          entries.set(userId, entry);
        }
      }
    },
    passivateIdle,
    /** Requests being handled by user actors now. */
    get inFlight(): number {
      return inFlight;
    },
    /** Resolves when no request is in flight (for a graceful shutdown). */
    drain(): Promise<void> {
      if (inFlight === 0) return Promise.resolve();
      drained ??= Promise.withResolvers<void>();
      const { promise } = drained;
      return promise.finally(() => {
        drained = undefined;
      });
    },
    /** User actors alive now. */
    get size(): number {
      return entries.size;
    },
    has(userId: number): boolean {
      return entries.has(userId);
    },
    stop(): void {
      cancelSweep?.();
      stop(supervisor);
      entries.clear();
      deps.metrics.userActors.set(0);
    },
  };
}

export type UserDirectory = ReturnType<typeof createUserDirectory>;

import { LRUCache } from "lru-cache";
import type { Clock } from "../clock";
import type { Reads } from "../db/reads";
import type { Write } from "../db/writes";

export interface CachedAnswer {
  readonly text: string;
  /** The provider that produced the answer originally. */
  readonly source: string;
  readonly expiresAt: number;
}

export type CacheHit = CachedAnswer & { readonly layer: "memory" | "db" };

export interface ExplanationCacheDeps {
  readonly reads: Reads;
  /** The DB-writer client (only `enqueue` is used: cache writes are never awaited). */
  readonly writer: { enqueue(writes: readonly Write[]): void };
  readonly clock: Clock;
  readonly memoryEntries: number;
}

/**
 * Two layers: an LRU in memory in front of the SQLite `cache` table, which survives restarts.
 * Expiry is checked against the injected clock, not lru-cache's own timer.
 */
export function createExplanationCache(deps: ExplanationCacheDeps) {
  const memory = new LRUCache<string, CachedAnswer>({ max: deps.memoryEntries });
  return {
    get(key: string): CacheHit | undefined {
      const now = deps.clock.now();
      const hot = memory.get(key);
      if (hot && hot.expiresAt > now) return { ...hot, layer: "memory" };
      if (hot) memory.delete(key);
      const row = deps.reads.cache(key, now);
      if (!row) return undefined;
      memory.set(key, row);
      return { ...row, layer: "db" };
    },
    /** Stores in memory now and in SQLite with the next group commit (not awaited). */
    put(key: string, text: string, source: string, ttlMs: number): void {
      const at = deps.clock.now();
      const entry = { text, source, expiresAt: at + ttlMs };
      memory.set(key, entry);
      deps.writer.enqueue([
        { type: "cachePut", key, text, source, at, expiresAt: entry.expiresAt },
      ]);
    },
    get size(): number {
      return memory.size;
    },
  };
}

export type ExplanationCache = ReturnType<typeof createExplanationCache>;

import { LRUCache } from "lru-cache";
import type { Clock } from "../clock";
import type { Reads } from "../db/reads";
import type { Write } from "../db/writes";
import type { Lang } from "../i18n/lang";
import type { CacheLookupResult } from "../metrics";
import { createNearCache } from "./near-cache";

export interface CachedAnswer {
  readonly text: string;
  /** The provider that produced the answer originally. */
  readonly source: string;
  readonly expiresAt: number;
}

/** Where a hit was found: the exact key in memory or SQLite, or a near-duplicate's key. */
export type CacheHit = CachedAnswer & { readonly layer: "memory" | "db" | "near" };

/** The news a lookup is for, so a near-duplicate can answer when the exact key misses. */
export interface CacheQuery {
  readonly news: string;
  readonly lang: Lang;
}

export interface ExplanationCacheDeps {
  readonly reads: Reads;
  /** The DB-writer client (only `enqueue` is used: cache writes are never awaited). */
  readonly writer: { enqueue(writes: readonly Write[]): void };
  readonly clock: Clock;
  readonly memoryEntries: number;
  /** Cached answers in the near-duplicate index (0: exact keys only). */
  readonly nearEntries: number;
  /** Counts each lookup by result (rvx_cache_lookups_total). */
  readonly count?: (result: CacheLookupResult) => void;
}

/**
 * Three layers: the exact key in an LRU in memory, then in the SQLite `cache` table (which
 * survives restarts), then the near-duplicate index (near-cache.ts), which finds the key of a
 * cached answer to the same news in other words. Expiry is checked against the injected clock.
 */
export function createExplanationCache(deps: ExplanationCacheDeps) {
  const memory = new LRUCache<string, CachedAnswer>({ max: deps.memoryEntries });
  const near = createNearCache({ clock: deps.clock, capacity: deps.nearEntries });
  const count = deps.count ?? (() => {});

  /** The answer under exactly `key`, from memory or SQLite. */
  function exact(key: string, now: number): CacheHit | undefined {
    const hot = memory.get(key);
    if (hot && hot.expiresAt > now) return { ...hot, layer: "memory" };
    if (hot) memory.delete(key);
    const row = deps.reads.cache(key, now);
    if (!row) return undefined;
    memory.set(key, row);
    return { ...row, layer: "db" };
  }

  return {
    get(key: string, query?: CacheQuery): CacheHit | undefined {
      const now = deps.clock.now();
      const hit = exact(key, now);
      if (hit) {
        count(hit.layer === "memory" ? "exact_memory" : "exact_db");
        return hit;
      }
      const similar = query ? near.find(query.news, query.lang) : undefined;
      const answer = similar === undefined ? undefined : exact(similar, now);
      if (similar !== undefined && !answer) near.remove(similar);
      if (!answer) {
        count("miss");
        return undefined;
      }
      // The repost itself is likely to come again: its exact key now hits in memory.
      memory.set(key, { text: answer.text, source: answer.source, expiresAt: answer.expiresAt });
      count("near");
      return { ...answer, layer: "near" };
    },
    /** Stores in memory now and in SQLite with the next group commit (not awaited). */
    put(key: string, text: string, source: string, ttlMs: number, query?: CacheQuery): void {
      const at = deps.clock.now();
      const entry = { text, source, expiresAt: at + ttlMs };
      memory.set(key, entry);
      if (query) near.add(key, query.lang, query.news, entry.expiresAt);
      deps.writer.enqueue([
        {
          type: "cachePut",
          key,
          text,
          source,
          at,
          expiresAt: entry.expiresAt,
          ...(query ? { news: query.news } : {}),
        },
      ]);
    },
    /**
     * Indexes the newest `limit` unexpired answers from SQLite (at start); `langOf` names the
     * answer language of a key of the current prompt version, undefined for any other key.
     */
    rebuildNear(langOf: (key: string) => Lang | undefined, limit = deps.nearEntries): number {
      if (limit <= 0) return 0;
      const now = deps.clock.now();
      const rows = deps.reads.recentCachedNews(now, limit);
      let added = 0;
      for (const row of rows.reverse()) {
        const lang = langOf(row.key);
        if (!lang) continue;
        near.add(row.key, lang, row.news, row.expiresAt);
        added++;
      }
      return added;
    },
    get size(): number {
      return memory.size;
    },
    get nearSize(): number {
      return near.size;
    },
  };
}

export type ExplanationCache = ReturnType<typeof createExplanationCache>;

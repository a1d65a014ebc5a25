import { LRUCache } from "lru-cache";
import type { Clock } from "../clock";
import type { Lang } from "../i18n/lang";
import { fingerprint, type NewsFingerprint } from "./near/fingerprint";
import { createNearIndex, type NearIndex } from "./near/near-index";

export interface NearCacheDeps {
  readonly clock: Clock;
  /** Cached answers indexed at most; the least recently indexed go first. 0 turns it off. */
  readonly capacity: number;
}

/** Stale entries are swept after this share of the capacity has been added. */
const SWEEP_SHARE = 8;
/** Expired candidates dropped per lookup before giving up (each is removed for good). */
const MAX_STALE_PER_LOOKUP = 3;
/** Fingerprints of recent missed lookups, reused when their answer is added (~25 µs each). */
const MISSES_REMEMBERED = 256;

/**
 * The near-duplicate layer of the explanation cache: answers' news texts in a MinHash index
 * (src/cache/near/), one per answer language, so a repost of a cached news in other words
 * finds the cache key of its answer. Bounded by `capacity` (an LRU of keys with each answer's
 * expiry, on the injected clock): an evicted or expired key leaves the index.
 */
export function createNearCache(deps: NearCacheDeps) {
  const indexes = new Map<Lang, NearIndex>();
  const indexOf = (lang: Lang): NearIndex => {
    let index = indexes.get(lang);
    if (!index) {
      index = createNearIndex();
      indexes.set(lang, index);
    }
    return index;
  };
  const entries = new LRUCache<string, Lang>({
    max: Math.max(1, deps.capacity),
    ttlResolution: 0,
    perf: { now: () => deps.clock.now() },
    dispose: (lang, key, reason) => {
      // "set" replaces a key that add() has just re-indexed: keep the new entry.
      if (reason !== "set") indexOf(lang).remove(key);
    },
  });
  let addedSinceSweep = 0;
  const missed = new LRUCache<string, NewsFingerprint>({ max: MISSES_REMEMBERED });
  const fingerprintOf = (news: string): NewsFingerprint => {
    const known = missed.get(news);
    if (known) missed.delete(news);
    return known ?? fingerprint(news);
  };

  return {
    /** Indexes the news answered under `key` until `expiresAt`. */
    add(key: string, lang: Lang, news: string, expiresAt: number): void {
      const ttl = expiresAt - deps.clock.now();
      if (deps.capacity === 0 || ttl <= 0) return;
      const print = fingerprintOf(news);
      if (print.shingles.length === 0) return;
      indexOf(lang).add(key, print);
      entries.set(key, lang, { ttl });
      if (++addedSinceSweep * SWEEP_SHARE >= deps.capacity) {
        addedSinceSweep = 0;
        entries.purgeStale();
      }
    },
    /** The key of a cached answer, in `lang`, to the same news as `news`, if one is indexed. */
    find(news: string, lang: Lang): string | undefined {
      const index = indexes.get(lang);
      if (!index || index.size === 0) return undefined;
      const print = fingerprint(news);
      for (let tries = 0; tries < MAX_STALE_PER_LOOKUP; tries++) {
        const found = index.find(print);
        if (!found) {
          // The answer about to be computed for this news is added with the same fingerprint.
          missed.set(news, print);
          return undefined;
        }
        if (entries.has(found.key)) return found.key;
        remove(found.key);
      }
      return undefined;
    },
    remove,
    get size(): number {
      return entries.size;
    },
  };

  function remove(key: string): void {
    if (!entries.delete(key)) for (const index of indexes.values()) index.remove(key);
  }
}

export type NearCache = ReturnType<typeof createNearCache>;

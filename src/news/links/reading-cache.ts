import { LRUCache } from "lru-cache";
import type { Clock } from "../../clock";
import { canonicalUrl } from "./canonical-url";
import type { LinkReader, LinkReading } from "./read-link";

export interface ReadingCacheOptions {
  readonly clock: Clock;
  readonly ttlMs: number;
  readonly maxEntries: number;
}

/**
 * Reads each link once: articles are kept by canonical URL (tracking parameters removed) for
 * `ttlMs` on the injected clock, and readers of the same link at the same time share one fetch.
 * A page that could not be read is not kept, so a later share tries again.
 */
export function cacheReadings(read: LinkReader, options: ReadingCacheOptions): LinkReader {
  const kept = new LRUCache<string, { reading: LinkReading; at: number }>({
    max: options.maxEntries,
  });
  const inFlight = new Map<string, Promise<LinkReading>>();
  return async function readLinkOnce(url) {
    const key = canonicalUrl(url);
    const hit = kept.get(key);
    if (hit && options.clock.now() - hit.at < options.ttlMs) return hit.reading;
    const pending = inFlight.get(key);
    if (pending) return pending;
    const reading = read(url).then((result) => {
      if (result.kind === "article") kept.set(key, { reading: result, at: options.clock.now() });
      return result;
    });
    inFlight.set(key, reading);
    try {
      return await reading;
    } finally {
      inFlight.delete(key);
    }
  };
}

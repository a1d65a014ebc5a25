import { LRUCache } from "lru-cache";

/**
 * Remembers the last `max` results of a pure function of a text, so the same news forwarded
 * by many users is read once: intent, glossary terms and the offline analysis cost 50–300 µs
 * a post, more than the rest of a cache-hit update. Results are shared: callers must not
 * mutate them.
 */
export function memoizeText<T extends {}>(read: (text: string) => T, max = 2_000) {
  const memo = new LRUCache<string, T>({ max });
  return function memoized(text: string): T {
    const known = memo.get(text);
    if (known !== undefined) return known;
    const fresh = read(text);
    memo.set(text, fresh);
    return fresh;
  };
}

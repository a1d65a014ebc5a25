import { describe, expect, it } from "bun:test";
import { PROMPT_VERSION } from "../analyzers/prompt";
import type { CacheHit, ExplanationCache } from "../cache/explanation-cache";
import { cacheKey, createExplainer, linkCacheKey } from "./explainer";
import { normalizeNews } from "./normalize";

const NEWS = normalizeNews("Bitcoin ETF approved by the SEC");

/** The cache's contract over a Map, exact keys only (the real one needs the DB writer). */
function mapCache(entries: Record<string, string> = {}): ExplanationCache {
  const map = new Map(Object.entries(entries));
  return {
    get: (key: string): CacheHit | undefined => {
      const text = map.get(key);
      return text === undefined
        ? undefined
        : { text, source: "groq", expiresAt: Number.MAX_SAFE_INTEGER, layer: "memory" };
    },
    put: (key: string, text: string) => void map.set(key, text),
    rebuildNear: () => 0,
    get size() {
      return map.size;
    },
    nearSize: 0,
  };
}

describe("cacheKey", () => {
  it("includes the prompt version, so a new prompt makes new keys", () => {
    const current = cacheKey(NEWS, "ru");

    expect(current).toStartWith(`ru:p${PROMPT_VERSION}:`);
    expect(current).toBe(cacheKey(NEWS, "ru", PROMPT_VERSION));
    expect(current).not.toBe(cacheKey(NEWS, "ru", PROMPT_VERSION - 1));
    expect(current).not.toBe(cacheKey(NEWS, "en"));
  });
});

describe("explainer", () => {
  it("does not serve an answer cached under an older prompt version", async () => {
    const cache = mapCache({ [cacheKey(NEWS, "ru", PROMPT_VERSION - 1)]: "old answer" });
    let calls = 0;
    const explainer = createExplainer({
      cache,
      chain: {
        explain: async () => {
          calls += 1;
          return { text: "новый ответ", provider: "groq" };
        },
      },
      ttlMs: 60_000,
      offlineTtlMs: 1000,
    });

    const first = await explainer.explain(NEWS, "ru");
    const second = await explainer.explain(NEWS, "ru");

    expect([first.text, second.text, second.source, calls]).toEqual([
      "новый ответ",
      "новый ответ",
      "cache_memory",
      1,
    ]);
  });
});

describe("explainer: streams, links and images", () => {
  const streamingChain = (calls: { n: number }) => ({
    explain: async (request: { onDelta?: (text: string) => void }) => {
      calls.n += 1;
      request.onDelta?.("Bitcoin ");
      return { text: "Bitcoin funds", provider: "groq" as const };
    },
  });

  it("streams only what a provider writes now: a cache hit is answered at once", async () => {
    const calls = { n: 0 };
    const explainer = createExplainer({
      cache: mapCache(),
      chain: streamingChain(calls),
      ttlMs: 60_000,
      offlineTtlMs: 1000,
    });
    const deltas: string[] = [];

    await explainer.explain(NEWS, "en", { onDelta: (d) => deltas.push(d) });
    const hit = await explainer.explain(NEWS, "en", { onDelta: (d) => deltas.push(d) });

    expect([hit.source, calls.n, deltas]).toEqual(["cache_memory", 1, ["Bitcoin "]]);
  });

  it("caches a link under its canonical URL and an image never under its caption", async () => {
    const calls = { n: 0 };
    const cache = mapCache();
    const explainer = createExplainer({
      cache,
      chain: streamingChain(calls),
      ttlMs: 60_000,
      offlineTtlMs: 1000,
    });
    const image = { bytes: new Uint8Array([1, 2, 3]), mimeType: "image/png" as const };
    const key = linkCacheKey("https://news.example/a", "en");

    await explainer.explain(NEWS, "en", { key });
    expect(cache.get(key)?.text).toBe("Bitcoin funds");
    await explainer.explain(NEWS, "en", { image });
    expect(cache.get(cacheKey(NEWS, "en"))).toBeUndefined();
    await explainer.explain(NEWS, "en", { image });
    expect(calls.n).toBe(2);
  });
});

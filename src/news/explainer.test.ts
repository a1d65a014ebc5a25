import { describe, expect, it } from "bun:test";
import { PROMPT_VERSION } from "../analyzers/prompt";
import type { CacheHit, ExplanationCache } from "../cache/explanation-cache";
import { cacheKey, createExplainer } from "./explainer";
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

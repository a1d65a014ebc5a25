import { afterEach, describe, expect, it } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scriptedProvider, testRuntime } from "../../test/support/runtime";
import type { Lang } from "../i18n/lang";
import { normalizeNews } from "../news/normalize";

const BASE =
  "The SEC has approved 11 spot bitcoin ETFs, including funds from BlackRock and Fidelity. Trading starts on Thursday.";
/** The same news as another channel posts it. */
const REPOST =
  "🚨 BREAKING: The SEC approved 11 spot bitcoin ETFs, among them funds from BlackRock and Fidelity. Trading begins Thursday.\n\nSubscribe: @crypto_daily";
/** Near in words, different in fact. */
const DIFFERENT = [
  "The SEC has rejected 11 spot bitcoin ETFs, including funds from BlackRock and Fidelity. Trading will not start on Thursday.",
  "The SEC has approved 9 spot bitcoin ETFs, including funds from BlackRock and Fidelity. Trading starts on Thursday.",
];
const OTHER_NEWS =
  "Hackers drained $200 million from a DeFi bridge on Ethereum overnight; the team paused deposits.";

type Setup = ReturnType<typeof testRuntime>;
const started: Setup[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of started.splice(0)) await s.runtime.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup(options: Parameters<typeof testRuntime>[0] = {}) {
  const provider = scriptedProvider((text) => `answer to: ${text.slice(0, 20)}`);
  const s = testRuntime({ provider, ...options });
  started.push(s);
  const explain = (text: string, lang: Lang = "en") =>
    s.runtime.explainer.explain(normalizeNews(text), lang);
  const lookups = async () =>
    Object.fromEntries(
      (await s.metrics.cacheLookups.get()).values.map((v) => [v.labels.result, v.value]),
    );
  return { ...s, provider, explain, lookups };
}

describe("explanation cache: near-duplicates", () => {
  it("answers a repost of a cached news from the cache, without a provider call", async () => {
    const s = setup();
    const first = await s.explain(BASE);
    const repost = await s.explain(REPOST);

    expect(s.provider.calls).toEqual([normalizeNews(BASE).text]);
    expect(repost).toEqual({ text: first.text, source: "cache_near", provider: "offline" });
    expect(await s.lookups()).toEqual({ miss: 1, near: 1 });
    // The repost's own key is now cached in memory: the next identical repost is exact.
    expect((await s.explain(REPOST)).source).toBe("cache_memory");
  });

  it("calls the provider for a news that differs in a fact, however close its words", async () => {
    const s = setup();
    await s.explain(BASE);
    for (const text of DIFFERENT) expect((await s.explain(text)).source).toBe("offline");
    expect(s.provider.calls).toHaveLength(1 + DIFFERENT.length);
    expect(await s.lookups()).toEqual({ miss: 3 });
  });

  it("does not serve an answer in another language", async () => {
    const s = setup();
    await s.explain(BASE, "en");
    expect((await s.explain(REPOST, "ru")).source).toBe("offline");
    expect(s.provider.calls).toHaveLength(2);
  });

  it("forgets an answer once it expires", async () => {
    const s = setup({ env: { CACHE_TTL_HOURS: "1" } });
    await s.explain(BASE);
    s.clock.advance(60 * 60_000);
    expect((await s.explain(REPOST)).source).toBe("offline");
    expect(s.provider.calls).toHaveLength(2);
  });

  it("indexes at most CACHE_NEAR_ENTRIES answers, dropping the least recent", async () => {
    const s = setup({ env: { CACHE_NEAR_ENTRIES: "1" } });
    await s.explain(BASE);
    await s.explain(OTHER_NEWS);
    expect((await s.explain(REPOST)).source).toBe("offline");
    expect(s.runtime.cache.nearSize).toBe(1);
  });

  it("finds reposts of answers cached before a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rvx-near-"));
    dirs.push(dir);
    const path = join(dir, "rvx.db");
    const before = setup({ path });
    await before.explain(BASE);
    await before.runtime.flush();
    await before.runtime.stop();
    started.splice(started.indexOf(before), 1);

    const after = setup({ path });
    expect(after.runtime.cache.nearSize).toBe(1);
    expect((await after.explain(REPOST)).source).toBe("cache_near");
    expect(after.provider.calls).toEqual([]);
  });
});

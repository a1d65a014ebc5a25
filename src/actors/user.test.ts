import { afterEach, describe, expect, it } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scriptedProvider, testRuntime } from "../../test/support/runtime";
import { until } from "../../test/support/until";
import type { Provider } from "../analyzers/provider";
import type { ExplainReply, ProfileReply, UserMsg } from "./user";

type Setup = ReturnType<typeof testRuntime>;
const running: Setup[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const setup of running.splice(0)) await setup.runtime.stop().catch(() => {});
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup(options: Parameters<typeof testRuntime>[0] = {}): Setup {
  const s = testRuntime(options);
  running.push(s);
  return s;
}

const explain = (s: Setup, userId: number, text: string) =>
  s.runtime.users.ask<ExplainReply>(
    userId,
    (replyTo): UserMsg => ({ type: "explain", text, replyTo }),
    5000,
  );
const profile = (s: Setup, userId: number) =>
  s.runtime.users.ask<ProfileReply>(
    userId,
    (replyTo): UserMsg => ({ type: "profile", replyTo }),
    5000,
  );

/** A provider whose answers wait until released, to hold a request in flight. */
function gatedProvider() {
  const gates: (() => void)[] = [];
  const provider: Provider & { waiting: () => number; release: () => void } = {
    name: "offline",
    explain: (request) =>
      new Promise((resolve) => gates.push(() => resolve({ text: `slow: ${request.text}` }))),
    waiting: () => gates.length,
    release: () => gates.shift()?.(),
  };
  return provider;
}

describe("user actor", () => {
  it("handles one user's messages in order", async () => {
    const s = setup({ env: { FLOOD_INTERVAL_MS: "0" } });
    const replies = await Promise.all(["n1", "n2", "n3", "n4", "n5"].map((t) => explain(s, 7, t)));
    expect(s.provider).toMatchObject({ calls: ["n1", "n2", "n3", "n4", "n5"] });
    expect(replies.map((r) => (r.ok ? r.remaining : -1))).toEqual([49, 48, 47, 46, 45]);
  });

  it("serves other users while one user's request is in flight", async () => {
    const gated = gatedProvider();
    let slowUser = true;
    const fast = scriptedProvider();
    const s = setup({
      provider: {
        name: "offline",
        explain: (request) => (slowUser ? gated.explain(request) : fast.explain(request)),
      },
    });
    const slow = explain(s, 1, "slow news");
    await until(() => gated.waiting() === 1, "slow request reaches the provider");
    slowUser = false;
    expect(await explain(s, 2, "fast news")).toMatchObject({
      ok: true,
      text: "explained: fast news",
    });
    gated.release();
    expect(await slow).toMatchObject({ ok: true, text: "slow: slow news" });
  });

  it("refuses a second explanation inside the flood interval without using quota", async () => {
    const s = setup();
    expect(await explain(s, 1, "first")).toMatchObject({ ok: true, remaining: 49 });
    s.clock.advance(1000);
    expect(await explain(s, 1, "second")).toEqual({ ok: false, reason: "flood", retryInMs: 2000 });
    expect(await profile(s, 1)).toMatchObject({ ok: true, remaining: 49, xp: 5 });
    s.clock.advance(2000);
    expect(await explain(s, 1, "third")).toMatchObject({ ok: true, remaining: 48 });
  });

  it("refuses past the daily quota and allows again after UTC midnight", async () => {
    const s = setup({ env: { DAILY_LIMIT: "2", FLOOD_INTERVAL_MS: "0" } });
    s.clock.set(Date.UTC(2026, 10, 24, 23, 0, 0));
    await explain(s, 1, "a");
    await explain(s, 1, "b");
    expect(await explain(s, 1, "c")).toEqual({ ok: false, reason: "quota", resetInMs: 3_600_000 });
    s.clock.set(Date.UTC(2026, 10, 25, 0, 0, 1));
    expect(await explain(s, 1, "c")).toMatchObject({ ok: true, remaining: 1 });
  });

  it("passivates an idle user and revives their state from SQLite", async () => {
    const s = setup({ env: { USER_IDLE_MS: "60000", FLOOD_INTERVAL_MS: "120000" } });
    await explain(s, 1, "news");
    expect(s.runtime.users.size).toBe(1);
    s.clock.advance(60_000);
    expect(s.runtime.users.size).toBe(0);
    s.clock.advance(500);
    expect(await profile(s, 1)).toMatchObject({ ok: true, xp: 5, remaining: 49 });
    expect(await explain(s, 1, "again")).toEqual({ ok: false, reason: "flood", retryInMs: 59_500 });
  });

  it("never passivates a user with a request in flight", async () => {
    const gated = gatedProvider();
    const s = setup({ provider: gated, env: { USER_IDLE_MS: "1000" } });
    const pending = explain(s, 1, "news");
    await until(() => gated.waiting() === 1, "request reaches the provider");
    s.clock.advance(10_000);
    expect(s.runtime.users.passivateIdle()).toBe(0);
    gated.release();
    expect(await pending).toMatchObject({ ok: true });
    s.clock.advance(10_000);
    expect(s.runtime.users.size).toBe(0);
  });

  it("keeps quota and XP across a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rvx-"));
    dirs.push(dir);
    const path = join(dir, "rvx.db");
    const first = testRuntime({ path, env: { FLOOD_INTERVAL_MS: "0" } });
    await explain(first, 1, "one");
    await explain(first, 1, "two");
    await first.runtime.stop();
    const second = setup({ path });
    expect(await profile(second, 1)).toMatchObject({ ok: true, xp: 10, remaining: 48 });
  });

  it("answers 'unavailable' when handling crashes and recovers its state", async () => {
    const s = setup({
      provider: {
        name: "offline",
        explain: async (request) => {
          if (request.text === "boom") throw new Error("defect");
          return { text: "fine" };
        },
      },
      env: { FLOOD_INTERVAL_MS: "0" },
    });
    await explain(s, 1, "ok");
    expect(await explain(s, 1, "boom")).toEqual({ ok: false, reason: "unavailable" });
    expect(await profile(s, 1)).toMatchObject({ ok: true, xp: 5, remaining: 49 });
  });

  it("answers the same news from the cache without calling the provider again", async () => {
    const s = setup({ env: { FLOOD_INTERVAL_MS: "0" } });
    expect(await explain(s, 1, "Bitcoin ETF approved!")).toMatchObject({ source: "offline" });
    expect(await explain(s, 2, "bitcoin  ETF approved! 🚀")).toMatchObject({
      source: "cache_memory",
    });
    expect(s.provider).toMatchObject({ calls: ["Bitcoin ETF approved!"] });
  });
});

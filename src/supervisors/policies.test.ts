import { describe, expect, it } from "bun:test";
import { start, stop } from "nact";
import { ask } from "../actors/ask";
import { spawnDbWriter } from "../actors/db-writer";
import type { CrashContext, CrashHooks } from "../actors/supervision";
import {
  createUserBehaviour,
  type ExplainReply,
  type ProfileReply,
  type UserMsg,
} from "../actors/user";
import { createWriterClient } from "../actors/writer-client";
import { ManualClock, systemClock } from "../clock";
import { createHabitReads } from "../db/habit-reads";
import { openDatabase } from "../db/open";
import { createReads } from "../db/reads";
import { createGlossary } from "../learning/glossary-search";
import { silentLogger } from "../logger";
import { createMetrics } from "../metrics";
import { resetAndAnswerUnavailable, restartWithBackoff, resume } from "./policies";

const ctx = {
  name: "u1",
  resume: Symbol("resume"),
  reset: Symbol("reset"),
  stop: Symbol("stop"),
} as unknown as CrashContext;

function hooks(): CrashHooks & { answered: unknown[] } {
  const answered: unknown[] = [];
  return { log: silentLogger(), answer: (m) => answered.push(m), answered };
}

describe("policies", () => {
  it("answer the caller and decide: resume keeps the state, reset reloads it", () => {
    const h = hooks();
    expect(resume(h).onCrash({ type: "a" }, new Error("bug"), ctx)).toBe(ctx.resume);
    expect(resetAndAnswerUnavailable(h).onCrash({ type: "b" }, new Error("bug"), ctx)).toBe(
      ctx.reset,
    );
    expect(h.answered).toEqual([{ type: "a" }, { type: "b" }]);
  });

  it("never throw from onCrash, even when answering or logging throws", () => {
    const throwing: CrashHooks = {
      log: {
        error: () => {
          throw new Error("log down");
        },
      } as unknown as CrashHooks["log"],
      answer: () => {
        throw new Error("reply failed");
      },
    };
    expect(resume(throwing).onCrash({}, new Error("bug"), ctx)).toBe(ctx.resume);
  });

  it("restart with a doubling backoff, then stay stopped past the crash budget", () => {
    const clock = new ManualClock();
    const policy = restartWithBackoff({
      clock,
      minBackoffMs: 100,
      maxBackoffMs: 1000,
      budget: 3,
      windowMs: 60_000,
      stopMs: 30_000,
    });
    const h = hooks();
    const s = policy(h);
    expect(s.admits()).toBe(true);
    const held: number[] = [];
    for (let crash = 1; crash <= 4; crash++) {
      expect(s.onCrash({ type: "x" }, new Error("bug"), ctx)).toBe(ctx.reset);
      let ms = 0;
      while (!s.admits()) {
        clock.advance(50);
        ms += 50;
      }
      held.push(ms);
    }
    // 100, 200, 400 ms of backoff; the fourth crash within the minute spends the budget.
    expect(held).toEqual([100, 200, 400, 30_000]);
    expect(h.answered).toHaveLength(4);
  });

  it("keeps each actor's crash count apart", () => {
    const clock = new ManualClock();
    const policy = restartWithBackoff({
      clock,
      minBackoffMs: 100,
      maxBackoffMs: 100,
      budget: 0,
      windowMs: 1000,
      stopMs: 5000,
    });
    const a = policy(hooks());
    const b = policy(hooks());
    a.onCrash({}, new Error("bug"), ctx);
    expect(a.admits()).toBe(false);
    expect(b.admits()).toBe(true);
  });

  it("never holds an actor past the longest timer (2^31 - 1 ms)", () => {
    const clock = new ManualClock();
    const s = restartWithBackoff({
      clock,
      minBackoffMs: 1,
      maxBackoffMs: 1,
      budget: 0,
      windowMs: 1000,
      stopMs: 2 ** 40,
    })(hooks());
    s.onCrash({}, new Error("bug"), ctx);
    clock.advance(2 ** 31 - 1);
    expect(s.admits()).toBe(true);
  });
});

describe("a user actor under restartWithBackoff", () => {
  it("answers every caller: unavailable while held after a crash, served again after", async () => {
    const system = start();
    const db = openDatabase(":memory:");
    const clock = new ManualClock();
    const logger = silentLogger();
    const metrics = createMetrics();
    try {
      const writerRef = spawnDbWriter(
        system,
        { db, clock: systemClock, logger, metrics, flushMs: 0, flushMax: 100 },
        resume,
      );
      const behaviour = createUserBehaviour({
        reads: createReads(db),
        habits: createHabitReads(db),
        writer: createWriterClient(writerRef, { logger, timeoutMs: 5000 }),
        explainer: {
          explain: async (news) => {
            if (news.text === "boom") throw new Error("defect");
            return { text: "fine", source: "offline", provider: "offline" };
          },
        },
        clock,
        logger,
        metrics,
        floodIntervalMs: 0,
        dailyLimit: 50,
        defaultLanguage: "en",
        courses: [],
        glossary: createGlossary([], []),
        threadTtlMs: 86_400_000,
      });
      const policy = restartWithBackoff({
        clock,
        minBackoffMs: 1000,
        maxBackoffMs: 8000,
        budget: 1,
        windowMs: 60_000,
        stopMs: 30_000,
      });
      const ref = behaviour.spawn(system, 1, policy);
      const explain = (text: string) =>
        ask<UserMsg, ExplainReply>(ref, (replyTo) => ({ type: "explain", text, replyTo }), 5000);
      const profile = () =>
        ask<UserMsg, ProfileReply>(ref, (replyTo) => ({ type: "profile", replyTo }), 5000);

      expect(await explain("news")).toMatchObject({ ok: true, xp: 5 });
      expect(await explain("boom")).toEqual({ ok: false, reason: "unavailable" });
      expect(await profile()).toEqual({ ok: false, reason: "unavailable" });
      clock.advance(1000);
      // Reset from SQLite: the committed XP is still there.
      expect(await profile()).toMatchObject({ ok: true, xp: 5 });
      expect(await explain("boom")).toEqual({ ok: false, reason: "unavailable" });
      clock.advance(8000);
      // Two crashes within the window spend the budget of one: held for stopMs.
      expect(await profile()).toEqual({ ok: false, reason: "unavailable" });
      clock.advance(22_000);
      expect(await profile()).toMatchObject({ ok: true, xp: 5 });
    } finally {
      stop(system);
      db.close();
    }
  });
});

import { describe, expect, it } from "bun:test";
import type { CrashContext, CrashHooks } from "../actors/supervision";
import { ManualClock } from "../clock";
import { silentLogger } from "../logger";
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

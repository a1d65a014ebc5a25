import { describe, expect, it } from "bun:test";
import {
  acquire,
  type BreakerEvent,
  type BreakerSettings,
  type BreakerState,
  initialBreaker,
  type StepContext,
  step,
} from "./breaker";

const settings: BreakerSettings = {
  failureThreshold: 3,
  cooldownMs: 60_000,
  maxCooldownMs: 600_000,
};
const NOW = 1_000_000;
const ctx = (random = 0): StepContext => ({ settings, now: NOW, random: () => random });

const server: BreakerEvent = { type: "failure", kind: "server" };

/** Runs events in order from `state`, returning the final state and every effect. */
function run(state: BreakerState, events: readonly BreakerEvent[], context = ctx()) {
  const effects = [];
  for (const event of events) {
    const next = step(state, event, context);
    state = next.state;
    effects.push(...next.effects);
  }
  return { state, effects };
}

/** Opens from closed, then fails `trials` half-open trials; returns each opening's length. */
function openings(trials: number, random = 0): number[] {
  let { state, effects } = run(initialBreaker(settings), [server, server, server], ctx(random));
  const lengths = effects.flatMap((e) => (e.type === "wake_after" ? [e.ms] : []));
  for (let i = 0; i < trials; i++) {
    ({ state, effects } = run(state, [{ type: "cooldown_elapsed" }], ctx(random)));
    state = acquire(state).state;
    ({ state, effects } = run(state, [server], ctx(random)));
    lengths.push(...effects.flatMap((e) => (e.type === "wake_after" ? [e.ms] : [])));
  }
  return lengths;
}

describe("breaker", () => {
  it("stays closed below the threshold and forgets failures after a success", () => {
    const { state, effects } = run(initialBreaker(settings), [
      server,
      server,
      { type: "success" },
      server,
      server,
    ]);

    expect(state).toMatchObject({ status: "closed", failures: 2 });
    expect(effects).toEqual([]);
  });

  it("opens after the threshold of consecutive failures, stopping the actor", () => {
    const { state, effects } = run(initialBreaker(settings), [
      server,
      { type: "failure", kind: "timeout" },
      server,
    ]);

    expect(state).toEqual({
      status: "open",
      until: NOW + 60_000,
      backoffMs: 60_000,
      badKeyReported: false,
    });
    expect(effects).toEqual([
      {
        type: "changed",
        from: "closed",
        to: "open",
        reason: "3 consecutive failures, last: server; open for 60000 ms",
      },
      { type: "stop_actor" },
      { type: "wake_after", ms: 60_000 },
    ]);
  });

  it("does not count a released call (bad request, busy) as a failure", () => {
    const { state } = run(initialBreaker(settings), [
      server,
      server,
      { type: "released" },
      { type: "released" },
    ]);

    expect(state).toMatchObject({ status: "closed", failures: 2 });
  });

  it("goes half-open after the cooldown, re-spawning the actor, and grants exactly one trial", () => {
    const open = run(initialBreaker(settings), [server, server, server]).state;
    const { state, effects } = run(open, [{ type: "cooldown_elapsed" }]);
    const first = acquire(state);
    const second = acquire(first.state);

    expect(effects).toEqual([
      { type: "changed", from: "open", to: "half_open", reason: "cooldown elapsed" },
      { type: "spawn_actor" },
    ]);
    expect([first.granted, second.granted]).toEqual([true, false]);
    expect(acquire(open).granted).toBe(false);
  });

  it("frees the trial when the trial call says nothing about health", () => {
    const open = run(initialBreaker(settings), [server, server, server]).state;
    const halfOpen = acquire(run(open, [{ type: "cooldown_elapsed" }]).state).state;

    const { state } = run(halfOpen, [{ type: "released" }]);

    expect(acquire(state).granted).toBe(true);
  });

  it("closes on a successful trial and resets the cooldown", () => {
    const open = run(initialBreaker(settings), [server, server, server]).state;
    let state = run(open, [{ type: "cooldown_elapsed" }]).state;
    state = run(acquire(state).state, [server]).state; // the trial fails: open for 120 s
    state = run(state, [{ type: "cooldown_elapsed" }]).state;

    const closed = run(acquire(state).state, [{ type: "success" }]);
    const reopened = run(closed.state, [server, server, server]);

    expect(state).toMatchObject({ status: "half_open", backoffMs: 120_000 });
    expect(closed.state).toEqual(initialBreaker(settings));
    expect(closed.effects).toEqual([
      { type: "changed", from: "half_open", to: "closed", reason: "trial succeeded" },
    ]);
    expect(reopened.effects).toContainEqual({ type: "wake_after", ms: 60_000 });
  });

  it("doubles the cooldown after each failed trial, up to the cap", () => {
    expect(openings(6)).toEqual([60_000, 120_000, 240_000, 480_000, 600_000, 600_000, 600_000]);
  });

  it("adds up to 20% jitter and never exceeds the cap", () => {
    expect(openings(5, 0.5)).toEqual([66_000, 132_000, 264_000, 528_000, 600_000, 600_000]);
  });

  it("opens at once on a 429 with Retry-After, for at least that long", () => {
    const longer = run(initialBreaker(settings), [
      { type: "failure", kind: "rate_limited", retryAfterMs: 90_000 },
    ]);
    const shorter = run(initialBreaker(settings), [
      { type: "failure", kind: "rate_limited", retryAfterMs: 5000 },
    ]);
    const bare = run(initialBreaker(settings), [{ type: "failure", kind: "rate_limited" }]);

    expect(longer.state).toMatchObject({ status: "open", until: NOW + 90_000 });
    expect(longer.effects).toContainEqual({ type: "wake_after", ms: 90_000 });
    expect(shorter.state).toMatchObject({ status: "open", until: NOW + 60_000 });
    expect(bare.state).toMatchObject({ status: "closed", failures: 1 });
  });

  it("opens at once for the cap on a rejected key and reports it only once", () => {
    const first = run(initialBreaker(settings), [{ type: "failure", kind: "auth" }]);
    const trial = acquire(run(first.state, [{ type: "cooldown_elapsed" }]).state).state;
    const second = run(trial, [{ type: "failure", kind: "auth" }]);

    expect(first.state).toMatchObject({ status: "open", until: NOW + 600_000 });
    expect(first.effects).toContainEqual({ type: "bad_key", openMs: 600_000 });
    expect(second.state).toMatchObject({ status: "open", until: NOW + 600_000 });
    expect(second.effects.filter((e) => e.type === "bad_key")).toEqual([]);
  });

  it("opens at once for the cap when the quota or credit is exhausted", () => {
    const { state, effects } = run(initialBreaker(settings), [{ type: "failure", kind: "quota" }]);

    expect(state).toMatchObject({ status: "open", until: NOW + 600_000 });
    expect(effects).toContainEqual({ type: "wake_after", ms: 600_000 });
  });

  it("ignores stragglers while open", () => {
    const open = run(initialBreaker(settings), [server, server, server]).state;

    const { state, effects } = run(open, [server, { type: "success" }, { type: "released" }]);

    expect(state).toEqual(open);
    expect(effects).toEqual([]);
  });
});

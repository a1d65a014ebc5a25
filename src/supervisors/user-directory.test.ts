import { afterEach, describe, expect, it } from "bun:test";
import pino from "pino";
import { testRuntime } from "../../test/support/runtime";
import type { ExplainReply, ProfileReply, UserMsg } from "../actors/user";
import { startOpsServer } from "../ops/ops-server";
import { USER_BACKOFF } from "./user-directory";

type Setup = ReturnType<typeof testRuntime>;
const running: Setup[] = [];
afterEach(async () => {
  for (const setup of running.splice(0)) await setup.runtime.stop().catch(() => {});
});

/** A runtime whose reads of user 13 throw as a corrupted page does, with its log lines kept. */
function corruptedUser() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const s = testRuntime({
    logger,
    env: { FLOOD_INTERVAL_MS: "0" },
    reads: (reads) => ({
      ...reads,
      user: (id) => {
        if (id === 13) throw new Error("database disk image is malformed");
        return reads.user(id);
      },
    }),
  });
  running.push(s);
  return { ...s, lines };
}

const profile = (s: Setup, userId: number) =>
  s.runtime.users.ask<ProfileReply>(
    userId,
    (replyTo): UserMsg => ({ type: "profile", replyTo }),
    2000,
  );
const explain = (s: Setup, userId: number, text: string) =>
  s.runtime.users.ask<ExplainReply>(
    userId,
    (replyTo): UserMsg => ({ type: "explain", text, replyTo }),
    2000,
  );

describe("user directory", () => {
  it("holds a user whose rows cannot be read: callers answered, bounded logs, others served", async () => {
    const s = corruptedUser();
    const crashes = () => s.lines.filter((l) => l.msg === "actor crashed");
    // 500 requests over 10 minutes of (manual) time; before the fix the first one looped forever.
    const replies: ProfileReply[] = [];
    for (let i = 0; i < 500; i++) {
      replies.push(await profile(s, 13));
      s.clock.advance(1200);
    }
    expect(replies.every((r) => !r.ok && r.reason === "unavailable")).toBe(true);
    // Budget + 1 crashes per window, then held for stopMs: 600 s hold at most 2 rounds.
    const perRound = USER_BACKOFF.budget + 1;
    expect(crashes().length).toBeGreaterThan(0);
    expect(crashes().length).toBeLessThanOrEqual(2 * perRound + 1);
    const logged = crashes()[0] as { err: { message: string } };
    expect(logged.err.message).toContain("PRAGMA integrity_check");
    expect(logged.err.message).toContain("rvx restore");
    // Other users are unaffected, even while user 13 is held.
    expect(await explain(s, 14, "Bitcoin ETF approved")).toMatchObject({ ok: true });
    expect(await profile(s, 14)).toMatchObject({ ok: true, xp: 5 });
  });

  it("keeps /healthz and /readyz answering while a user's reads keep failing", async () => {
    const s = corruptedUser();
    const ops = startOpsServer({
      host: "127.0.0.1",
      port: 0,
      registry: s.metrics.registry,
      readiness: { database: () => s.runtime.writable() },
    });
    try {
      const asks = Array.from({ length: 200 }, () => profile(s, 13));
      const [health, ready] = await Promise.all([
        fetch(`${ops.url}/healthz`),
        fetch(`${ops.url}/readyz`),
      ]);
      expect([health.status, ready.status]).toEqual([200, 200]);
      expect((await Promise.all(asks)).every((r) => !r.ok)).toBe(true);
    } finally {
      ops.stop();
    }
  });

  it("serves a user again once the backoff after a crash has passed", async () => {
    let failing = true;
    const s = testRuntime({
      reads: (reads) => ({
        ...reads,
        user: (id) => {
          if (failing) throw new Error("disk I/O error");
          return reads.user(id);
        },
      }),
    });
    running.push(s);
    expect(await profile(s, 5)).toEqual({ ok: false, reason: "unavailable" });
    failing = false;
    expect(await profile(s, 5)).toEqual({ ok: false, reason: "unavailable" });
    s.clock.advance(USER_BACKOFF.minBackoffMs);
    expect(await profile(s, 5)).toMatchObject({ ok: true, xp: 0 });
  });
});

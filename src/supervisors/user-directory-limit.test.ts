import { afterEach, describe, expect, it } from "bun:test";
import { testRuntime } from "../../test/support/runtime";
import { until } from "../../test/support/until";
import type { ExplainReply, ProfileReply, UserMsg } from "../actors/user";
import type { Provider } from "../analyzers/provider";

type Setup = ReturnType<typeof testRuntime>;
const running: Setup[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.runtime.stop().catch(() => {});
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

describe("user directory", () => {
  it("passivates the least recently used users at once past the limit, keeping their state", async () => {
    const s = setup({ env: { MAX_LIVE_USERS: "2", FLOOD_INTERVAL_MS: "0" } });
    await explain(s, 1, "news one");
    await explain(s, 2, "news two");
    await profile(s, 1); // user 1 is now more recent than user 2
    await explain(s, 3, "news three");

    expect([s.runtime.users.size, s.runtime.users.has(1), s.runtime.users.has(2)]).toEqual([
      2,
      true,
      false,
    ]);
    // Revived from SQLite with what it earned and used.
    expect(await profile(s, 2)).toMatchObject({ ok: true, xp: 5, remaining: 49 });
    expect(s.runtime.users.has(1)).toBe(false);
  });

  it("never passivates a user with a request in flight, however far past the limit", async () => {
    const gates: (() => void)[] = [];
    const gated: Provider = {
      name: "offline",
      explain: (request) =>
        new Promise((resolve) => gates.push(() => resolve({ text: `slow: ${request.text}` }))),
    };
    const s = setup({ provider: gated, env: { MAX_LIVE_USERS: "1" } });
    const pending = [explain(s, 1, "first news"), explain(s, 2, "second news")];
    await until(() => gates.length === 2, "both requests reach the provider");

    expect(s.runtime.users.size).toBe(2);
    for (const release of gates) release();
    expect((await Promise.all(pending)).map((r) => r.ok)).toEqual([true, true]);
    await profile(s, 3);
    expect(s.runtime.users.size).toBe(1);
  });

  it("keeps no user's last message alive once it is answered (nact patched)", async () => {
    const s = setup();
    const sent: WeakRef<object>[] = [];
    // In a function of its own, so no stack slot of the test holds a message.
    const ask = (userId: number) =>
      s.runtime.users.ask<ProfileReply>(
        userId,
        (replyTo): UserMsg => {
          const message: UserMsg = { type: "profile", replyTo };
          sent.push(new WeakRef(message));
          return message;
        },
        5000,
      );
    for (let userId = 1; userId <= 50; userId++) await ask(userId);
    Bun.gc(true);
    await new Promise((resolve) => setImmediate(resolve));
    Bun.gc(true);
    // Unpatched, each of the 50 idle actors keeps its last message; a conservative stack scan
    // may keep one or two alive however they are released.
    expect(s.runtime.users.size).toBe(50);
    expect(sent.filter((ref) => ref.deref() !== undefined).length).toBeLessThan(5);
  });
});

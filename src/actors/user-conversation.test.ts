import { afterEach, describe, expect, it } from "bun:test";
import { testRuntime } from "../../test/support/runtime";
import { XP } from "../learning/levels";
import type { Ack, AskReply, MessageInput, MessageReply, ThreadSeed, UserMsg } from "./user";

type Setup = ReturnType<typeof testRuntime>;
const running: Setup[] = [];
afterEach(async () => {
  for (const setup of running.splice(0)) await setup.runtime.stop().catch(() => {});
});

function setup(env: Record<string, string> = {}): Setup {
  const s = testRuntime({ env: { FLOOD_INTERVAL_MS: "0", DEFAULT_LANGUAGE: "en", ...env } });
  running.push(s);
  return s;
}

const NEWS = "SEC approves spot Bitcoin ETF applications from BlackRock and Fidelity";
const HOUR_MS = 3_600_000;

const say = (s: Setup, userId: number, text: string, replyTo?: MessageInput["replyTo"]) =>
  s.runtime.users.ask<MessageReply>(
    userId,
    (r): UserMsg => ({
      type: "message",
      input: { text, chatId: userId, ...(replyTo ? { replyTo } : {}) },
      replyTo: r,
    }),
    5000,
  );
const deliver = (s: Setup, userId: number, messageId: number, seed: ThreadSeed) =>
  s.runtime.users.ask<Ack>(
    userId,
    (r): UserMsg => ({ type: "delivered", chatId: userId, messageId, seed, replyTo: r }),
    5000,
  );
const askAbout = (s: Setup, userId: number, messageId: number) =>
  s.runtime.users.ask<AskReply>(
    userId,
    (r): UserMsg => ({ type: "askAbout", chatId: userId, messageId, replyTo: r }),
    5000,
  );
const replyToBot = (messageId: number) => ({ messageId, fromBot: true, askable: true });

/** Everything XP, quests, quota and threads depend on, as stored for `userId`. */
async function stored(s: Setup, userId: number) {
  await s.runtime.flush();
  const one = (sql: string) => (s.db.query(sql).get(userId) as { n: number | null } | null)?.n ?? 0;
  return {
    xp: one("SELECT xp AS n FROM users WHERE id = ?"),
    quotaUsed: one("SELECT quota_used AS n FROM users WHERE id = ?"),
    requests: one("SELECT count(*) AS n FROM requests WHERE user_id = ?"),
    questProgress: one("SELECT sum(progress) AS n FROM quests WHERE user_id = ?"),
    threads: one("SELECT count(*) AS n FROM threads WHERE user_id = ?"),
    turns: one(
      "SELECT count(*) AS n FROM thread_turns JOIN threads USING (chat_id, root_id) WHERE user_id = ?",
    ),
  };
}

const kindOf = (reply: MessageReply) => (reply.ok ? reply.kind : reply.reason);

describe("conversation: honest XP and quota", () => {
  it("gives nothing for fifty hellos", async () => {
    const s = setup();
    await say(s, 1, NEWS);
    const before = await stored(s, 1);
    for (let i = 0; i < 50; i++) {
      const reply = await say(s, 1, i % 2 ? "hello" : "Thanks!");
      expect(kindOf(reply)).toBe("smalltalk");
    }
    expect(await stored(s, 1)).toEqual(before);
    expect(s.provider).toMatchObject({ calls: [NEWS] });
    const counted = (await s.metrics.messages.get()).values.map((v) => [v.labels.intent, v.value]);
    expect(Object.fromEntries(counted)).toEqual({ news: 1, smalltalk: 50 });
  });

  it("pays for the same news once a UTC day, and again the next day", async () => {
    const s = setup();
    const first = await say(s, 2, NEWS);
    expect(first).toMatchObject({ kind: "explained", count: "new", xpAwarded: XP.explanation });
    const afterFirst = await stored(s, 2);
    expect(afterFirst).toMatchObject({ xp: XP.explanation, quotaUsed: 1, requests: 1 });
    for (let i = 0; i < 9; i++) {
      const again = await say(s, 2, `  ${NEWS.toUpperCase()} `);
      expect(again).toMatchObject({
        kind: "explained",
        count: "repeat",
        xpAwarded: 0,
        spent: false,
      });
      expect(again.ok && again.kind === "explained" && again.remaining).toBe(49);
    }
    expect(await stored(s, 2)).toEqual(afterFirst);
    s.clock.advance(24 * HOUR_MS);
    expect(await say(s, 2, NEWS)).toMatchObject({ count: "new", xpAwarded: XP.explanation });
  });

  it("gives nothing for random junk and spends no request", async () => {
    const s = setup();
    const junk = [
      "asdf qwerty zxcv",
      "lorem ipsum dolor sit amet",
      "12345 67890",
      "....",
      "🙂🙂",
      "ок",
    ];
    for (const text of junk) {
      expect(["offtopic", "smalltalk"]).toContain(kindOf(await say(s, 3, text)));
    }
    expect(await stored(s, 3)).toEqual({
      xp: 0,
      quotaUsed: 0,
      requests: 0,
      questProgress: 0,
      threads: 0,
      turns: 0,
    });
    expect(s.provider).toMatchObject({ calls: [] });
  });

  it("answers a question from the glossary for +2 XP once a day, never spending a request", async () => {
    const s = setup();
    const reply = await say(s, 4, "What is staking?");
    expect(reply).toMatchObject({ kind: "answered", by: "glossary", xpAwarded: XP.answer });
    // Its lesson is locked for a new learner: the button opens the course's first open lesson.
    expect(reply.ok && reply.kind === "answered" && reply.lesson).toEqual({
      course: "defi",
      lesson: "stablecoins",
      title: "Stablecoins → Lending and yield",
    });
    expect(reply.ok && reply.kind === "answered" && reply.remaining).toBe(50);
    const again = await say(s, 4, "what's staking");
    expect(again).toMatchObject({ kind: "answered", repeat: true, xpAwarded: 0 });
    expect(await stored(s, 4)).toMatchObject({ xp: XP.answer, quotaUsed: 0 });
    expect(s.provider).toMatchObject({ calls: [] });
  });

  it("says honestly when the glossary does not know a term, with the closest lessons", async () => {
    const s = setup();
    expect(await say(s, 5, "what is the weather today?")).toMatchObject({ kind: "offtopic" });
    expect(await say(s, 5, "what is zorblaxing?")).toMatchObject({ kind: "unknown_term" });
    const honest = await say(s, 5, "what is a verkle tree on ethereum?");
    expect(kindOf(honest)).toBe("unknown_term");
    const titles = honest.ok && honest.kind === "unknown_term" ? honest.closestLessons : [];
    expect(titles.map((l) => l.title)).toContain("What Ethereum is");
    expect(await stored(s, 5)).toMatchObject({ xp: 0, requests: 0, threads: 0 });
  });

  it("warns about a scam first, earning and spending nothing", async () => {
    const s = setup();
    const reply = await say(s, 6, "Send 1 ETH to our address and get 2 ETH back! Vitalik giveaway");
    expect(reply).toMatchObject({ kind: "scam" });
    expect(reply.ok && reply.kind === "scam" && reply.signals).toContain(
      "multiplies_what_you_send",
    );
    expect(await stored(s, 6)).toMatchObject({ xp: 0, quotaUsed: 0, requests: 0 });
  });
});

describe("conversation: follow-ups", () => {
  async function startThread(s: Setup, userId: number, messageId: number) {
    const reply = await say(s, userId, NEWS);
    if (!reply.ok || reply.kind !== "explained") throw new Error(`not explained: ${kindOf(reply)}`);
    expect(await deliver(s, userId, messageId, reply.thread)).toEqual({ ok: true });
  }

  it("answers a reply to an explanation from the glossary with the thread's terms first", async () => {
    const s = setup();
    await startThread(s, 10, 100);
    const reply = await say(s, 10, "what does spot mean?", replyToBot(100));
    expect(reply).toMatchObject({ kind: "answered", by: "glossary" });
    if (!reply.ok || reply.kind !== "answered") throw new Error("not answered");
    expect(reply.text).toStartWith("Spot market");
    expect(reply.thread).toMatchObject({ kind: "turn", rootId: 100 });
    await deliver(s, 10, 102, reply.thread);
    // A reply to the answer continues the same thread.
    const next = await say(s, 10, "and what is custody?", replyToBot(102));
    expect(next).toMatchObject({ kind: "answered", thread: { kind: "turn", rootId: 100 } });
    expect(await stored(s, 10)).toMatchObject({ threads: 1, turns: 2 });
  });

  it("says what it cannot answer offline in a thread, naming the thread's terms", async () => {
    const s = setup();
    await startThread(s, 13, 600);
    const reply = await say(s, 13, "why does this matter to me?", replyToBot(600));
    expect(reply).toMatchObject({ kind: "unknown_term" });
    const names = reply.ok && reply.kind === "unknown_term" ? reply.threadTerms : [];
    expect(names.map((t) => t.id)).toContain("spot-etf");
  });

  it("declines advice before explaining the term a question names", async () => {
    const s = setup();
    expect(await say(s, 14, "should I buy ETH now?")).toMatchObject({
      kind: "answered",
      advice: true,
    });
    expect(await say(s, 14, "стоит ли продавать эфир?")).toMatchObject({ advice: true });
    expect(await say(s, 14, "what is a stablecoin?")).toMatchObject({ advice: false });
  });

  it("drops a user's expired threads when a new one starts", async () => {
    const s = setup({ THREAD_TTL_HOURS: "1" });
    await startThread(s, 15, 700);
    s.clock.advance(2 * HOUR_MS);
    const reply = await say(s, 15, "What is staking?");
    if (!reply.ok || reply.kind !== "answered") throw new Error("not answered");
    await deliver(s, 15, 701, reply.thread);
    expect(await stored(s, 15)).toMatchObject({ threads: 1, turns: 1 });
    expect(s.runtime.reads.thread(15, 700)).toBeUndefined();
  });

  it("takes the message after 'Ask about this' as a question in that thread", async () => {
    const s = setup();
    await startThread(s, 11, 200);
    expect(await askAbout(s, 11, 200)).toEqual({ ok: true, rootId: 200 });
    const reply = await say(s, 11, "what is an etf");
    expect(reply).toMatchObject({ kind: "answered", thread: { kind: "turn", rootId: 200 } });
    // Only the next message: the one after is read on its own again.
    expect(await say(s, 11, NEWS)).toMatchObject({ kind: "explained", count: "repeat" });
  });

  it("keeps threads across passivation and restart: they live in SQLite", async () => {
    const s = setup();
    await startThread(s, 12, 300);
    await s.runtime.flush();
    const row = s.runtime.reads.thread(12, 300);
    expect(row).toMatchObject({ rootId: 300, userId: 12, news: NEWS });
    expect(row?.terms).toContain("spot-etf");
  });
});

describe("conversation: bad input changes nothing", () => {
  it("answers empty, over-long, not-ours, expired and erased follow-ups shortly", async () => {
    const s = setup({ THREAD_TTL_HOURS: "2" });
    const reply = await say(s, 20, NEWS);
    if (!reply.ok || reply.kind !== "explained") throw new Error("not explained");
    await deliver(s, 20, 400, reply.thread);
    const before = await stored(s, 20);
    expect(kindOf(await say(s, 20, "   \n\t "))).toBe("empty");
    expect(kindOf(await say(s, 20, "x".repeat(4001)))).toBe("too_long");
    const notOurs = { messageId: 7, fromBot: false, askable: false };
    expect(kindOf(await say(s, 20, "what does spot mean?", notOurs))).toBe("not_ours");
    s.clock.advance(2 * HOUR_MS);
    expect(kindOf(await say(s, 20, "what does spot mean?", replyToBot(400)))).toBe("thread_gone");
    expect(await askAbout(s, 20, 400)).toEqual({ ok: false, reason: "thread_gone" });
    expect(await stored(s, 20)).toEqual(before);
  });

  it("answers a follow-up after /deletemydata without writing anything", async () => {
    const s = setup();
    const reply = await say(s, 21, NEWS);
    if (!reply.ok || reply.kind !== "explained") throw new Error("not explained");
    await deliver(s, 21, 500, reply.thread);
    const pending = await s.runtime.users.ask<{ ok: true; token: string }>(
      21,
      (r): UserMsg => ({ type: "requestDelete", replyTo: r }),
      5000,
    );
    await s.runtime.users.ask(
      21,
      (r): UserMsg => ({ type: "confirmDelete", token: pending.token, replyTo: r }),
      5000,
    );
    expect(await stored(s, 21)).toMatchObject({ xp: 0, requests: 0, threads: 0, turns: 0 });
    expect(kindOf(await say(s, 21, "what does spot mean?", replyToBot(500)))).toBe("thread_gone");
    await s.runtime.flush();
    const users = s.db.query("SELECT count(*) AS n FROM users WHERE id = 21").get() as {
      n: number;
    };
    expect(users.n).toBe(0);
  });
});

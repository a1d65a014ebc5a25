import { afterEach, describe, expect, it } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scriptedProvider, testRuntime } from "../../test/support/runtime";
import { until } from "../../test/support/until";
import type { Provider } from "../analyzers/provider";
import type { Course, Lesson, Localized } from "../learning/content";
import type { LearnAction } from "../learning/learn-action";
import { XP } from "../learning/levels";
import { drawQuests } from "../learning/quests";
import { utcDay } from "../news/limits";
import type {
  ExplainReply,
  LeaderboardReply,
  LearnReply,
  ProfileReply,
  QuestsReply,
  UserMsg,
} from "./user";

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
    // The directory's restartWithBackoff holds the actor for a second after a crash.
    expect(await profile(s, 1)).toEqual({ ok: false, reason: "unavailable" });
    s.clock.advance(1000);
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

const text = (s: string): Localized => ({ ru: `${s} (ru)`, en: s });
const lesson = (id: string): Lesson => ({
  id,
  title: text(`Lesson ${id}`),
  pages: [text("Page one."), text("Page two.")],
  quiz: ["q1", "q2", "q3"].map((qid) => ({
    id: qid,
    question: text(`Question ${qid}?`),
    options: [text("A"), text("B"), text("C")],
    correct: 1,
    explanation: text("Because B."),
  })),
});
const demo: Course = {
  id: "demo",
  order: 1,
  emoji: "🧪",
  title: text("Demo"),
  description: text("A demo course."),
  lessons: [lesson("l1"), lesson("l2"), lesson("l3"), lesson("l4")],
};
const DAY = 86_400_000;

/** The last question each user was shown: its attempt and option order. */
const shownQuestion = new Map<number, { attempt: number; order: readonly number[] }>();

async function act(s: Setup, userId: number, action: LearnAction) {
  const reply = await s.runtime.users.ask<LearnReply>(
    userId,
    (replyTo): UserMsg => ({ type: "learnAction", action, replyTo }),
    5000,
  );
  if (reply.ok && reply.view.kind === "question") shownQuestion.set(userId, reply.view);
  return reply;
}

/**
 * Presses the button of content option `option` on the question last shown to the user, as a
 * user would: found by its position on screen (an option the question lacks is sent as is).
 */
const answer = (s: Setup, userId: number, lessonId: string, questionId: string, option: number) => {
  const shown = shownQuestion.get(userId);
  const position = shown?.order.indexOf(option) ?? -1;
  return act(s, userId, {
    kind: "answer",
    courseId: "demo",
    lessonId,
    questionId,
    attempt: shown?.attempt ?? 1,
    shown: position >= 0 ? position : option,
  });
};
const quests = (s: Setup, userId: number) =>
  s.runtime.users.ask<QuestsReply>(
    userId,
    (replyTo): UserMsg => ({ type: "quests", replyTo }),
    5000,
  );

/** Reads a lesson to its last page, starts its quiz and answers with `options`. */
async function takeLesson(s: Setup, userId: number, lessonId: string, options: number[]) {
  await act(s, userId, { kind: "page", courseId: "demo", lessonId, page: 1 });
  await act(s, userId, { kind: "quiz", courseId: "demo", lessonId });
  let last: LearnReply | undefined;
  for (const [i, option] of options.entries()) {
    last = await answer(s, userId, lessonId, `q${i + 1}`, option);
  }
  return last;
}

/** A user id whose quests today include none of `kinds`, so bonuses stay out of the sums. */
function userWithout(s: Setup, ...kinds: string[]): number {
  const day = utcDay(s.clock.now());
  for (let id = 1; id <= 10_000; id++) {
    if (!drawQuests(id, day).quests.some((q) => kinds.includes(q.kind))) return id;
  }
  throw new Error(`no user draws quests without ${kinds.join(", ")}`);
}

const userXp = (s: Setup, id: number) =>
  (s.db.query("SELECT xp FROM users WHERE id = ?").get(id) as { xp: number } | null)?.xp;

describe("user actor: learning", () => {
  const learningSetup = (env: Record<string, string> = {}) =>
    setup({ courses: [demo], env: { FLOOD_INTERVAL_MS: "0", ...env } });

  it("walks a lesson and its quiz to a result whose XP is committed before the reply", async () => {
    const s = learningSetup();
    // Reading, passing and a perfect quiz would each complete a quest and add its bonus.
    const id = userWithout(s, "lessonRead", "lessonPassed", "perfectQuiz");
    const first = await act(s, id, { kind: "page", courseId: "demo", lessonId: "l1", page: 0 });
    expect(first).toMatchObject({ ok: true, view: { kind: "page", page: 0 } });
    const result = await takeLesson(s, id, "l1", [1, 1, 1]);
    const xp = 3 * XP.correctAnswer + XP.lessonCompleted + XP.perfectQuiz;
    expect(result).toMatchObject({
      ok: true,
      feedback: "right",
      view: { kind: "result", score: 3, passed: true, answers: [1, 1, 1], next: { id: "l2" } },
      reward: { xp, level: 2, leveledUp: true },
    });
    expect(userXp(s, id)).toBe(xp);
    expect(await act(s, id, { kind: "course", courseId: "demo" })).toMatchObject({
      view: { lessons: [{ status: "done" }, { status: "open" }, { status: "locked" }, {}] },
    });
  });

  it("keeps the next lesson locked after a failed quiz and opens it after a retry", async () => {
    const s = learningSetup();
    const id = 5;
    expect(await takeLesson(s, id, "l1", [1, 0, 0])).toMatchObject({
      view: { kind: "result", score: 1, passed: false, next: undefined },
    });
    expect(await act(s, id, { kind: "page", courseId: "demo", lessonId: "l2", page: 0 })).toEqual({
      ok: false,
      reason: "locked",
    });
    await act(s, id, { kind: "quiz", courseId: "demo", lessonId: "l1" });
    for (const qid of ["q1", "q2"]) await answer(s, id, "l1", qid, 1);
    expect(await answer(s, id, "l1", "q3", 0)).toMatchObject({ view: { score: 2, passed: true } });
    expect(
      await act(s, id, { kind: "page", courseId: "demo", lessonId: "l2", page: 0 }),
    ).toMatchObject({
      ok: true,
    });
  });

  it("counts two presses of the same answer once", async () => {
    const s = learningSetup();
    await act(s, 1, { kind: "quiz", courseId: "demo", lessonId: "l1" });
    const [first, second] = await Promise.all([
      answer(s, 1, "l1", "q1", 1),
      answer(s, 1, "l1", "q1", 1),
    ]);
    expect(first).toMatchObject({ ok: true, feedback: "right", view: { index: 1 } });
    expect(second).toEqual({ ok: false, reason: "stale" });
    await answer(s, 1, "l1", "q2", 1);
    const done = await answer(s, 1, "l1", "q3", 1);
    expect(done).toMatchObject({ view: { answers: [1, 1, 1] } });
    expect(await answer(s, 1, "l1", "q3", 1)).toEqual({ ok: false, reason: "finished" });
  });

  it("answers forged actions as stale or locked and changes nothing", async () => {
    const s = learningSetup();
    await act(s, 1, { kind: "quiz", courseId: "demo", lessonId: "l1" });
    const press = (courseId: string, lessonId: string, questionId: string, attempt = 1) =>
      ({ kind: "answer", courseId, lessonId, questionId, attempt }) as const;
    const forged: [LearnAction, "stale" | "gone"][] = [
      [{ kind: "course", courseId: "nope" }, "stale"],
      [{ kind: "page", courseId: "demo", lessonId: "l1", page: 2 }, "stale"],
      [{ kind: "page", courseId: "demo", lessonId: "nope", page: 0 }, "stale"],
      [{ ...press("demo", "l1", "q1"), shown: 3 }, "stale"],
      [{ ...press("demo", "l1", "q2"), shown: 1 }, "stale"],
      [{ ...press("demo", "l1", "q1", 2), shown: 1 }, "gone"],
      [{ ...press("demo", "l2", "q1"), shown: 1 }, "gone"],
      [{ ...press("nope", "l1", "q1"), shown: 1 }, "stale"],
      [{ kind: "review", courseId: "demo", lessonId: "l1", attempt: 1, page: 0 }, "gone"],
    ];
    for (const [action, reason] of forged) {
      expect({ action, reply: await act(s, 1, action) }).toEqual({
        action,
        reply: { ok: false, reason },
      });
    }
    expect(await act(s, 1, { kind: "quiz", courseId: "demo", lessonId: "l3" })).toEqual({
      ok: false,
      reason: "locked",
    });
    // The quiz in progress is untouched: its first question still takes an answer.
    expect(await answer(s, 1, "l1", "q1", 1)).toMatchObject({ ok: true, view: { index: 1 } });
    // Starting the quiz saved the user's row and place; nothing forged earned anything.
    expect(userXp(s, 1)).toBe(0);
  });

  it("carries on a quiz in progress after the actor is passivated between two answers", async () => {
    const s = learningSetup({ USER_IDLE_MS: "60000" });
    await act(s, 1, { kind: "quiz", courseId: "demo", lessonId: "l1" });
    const first = await answer(s, 1, "l1", "q1", 1);
    expect(first).toMatchObject({ ok: true, feedback: "right", view: { index: 1 } });
    s.clock.advance(60_000);
    expect(s.runtime.users.size).toBe(0);
    // The revived actor maps the press through the order it was shown in, and keeps answer 1.
    expect(await answer(s, 1, "l1", "q2", 0)).toMatchObject({ ok: true, feedback: "wrong" });
    expect(await answer(s, 1, "l1", "q3", 1)).toMatchObject({
      ok: true,
      view: { kind: "result", answers: [1, 0, 1], score: 2 },
    });
    // Its buttons answer that the quiz is over, and its review shows the one mistake.
    expect(await answer(s, 1, "l1", "q3", 1)).toEqual({ ok: false, reason: "finished" });
    s.clock.advance(60_000);
    expect(s.runtime.users.size).toBe(0);
    const review = await act(s, 1, {
      kind: "review",
      courseId: "demo",
      lessonId: "l1",
      attempt: 1,
      page: 0,
    });
    expect(review).toMatchObject({
      ok: true,
      view: { kind: "review", mistakes: [{ index: 1, chosen: 0, question: { id: "q2" } }] },
    });
  });

  it("pays a retried quiz only for improvement", async () => {
    const s = learningSetup();
    // Two quizzes with five right answers, one perfect, would complete quests with a bonus.
    const id = userWithout(s, "correctAnswer", "perfectQuiz", "quizFinished");
    await takeLesson(s, id, "l1", [1, 1, 0]);
    const before = userXp(s, id) ?? 0;
    await act(s, id, { kind: "quiz", courseId: "demo", lessonId: "l1" });
    for (const qid of ["q1", "q2"]) await answer(s, id, "l1", qid, 1);
    const retry = await answer(s, id, "l1", "q3", 1);
    expect(retry).toMatchObject({ reward: { xpAwarded: XP.correctAnswer + XP.perfectQuiz } });
    expect(userXp(s, id)).toBe(before + XP.correctAnswer + XP.perfectQuiz);
  });

  it("extends the streak on consecutive UTC days and breaks it after a missed day", async () => {
    const s = learningSetup();
    const start = Date.UTC(2026, 10, 24, 23, 0);
    const streak = async () => {
      const p = await profile(s, 1);
      return p.ok ? [p.streak, p.streakDoneToday] : undefined;
    };
    s.clock.set(start);
    expect(await streak()).toEqual([0, false]);
    await explain(s, 1, "day one");
    await explain(s, 1, "day one again");
    expect(await streak()).toEqual([1, true]);
    s.clock.set(start + 2 * 3_600_000); // 01:00 the next day
    expect(await streak()).toEqual([1, false]);
    await takeLesson(s, 1, "l1", [1, 1, 1]);
    expect(await streak()).toEqual([2, true]);
    s.clock.set(start + 2 * DAY);
    expect(await streak()).toEqual([2, false]);
    s.clock.set(start + 3 * DAY);
    expect(await streak()).toEqual([0, false]);
    await explain(s, 1, "back again");
    expect(await streak()).toEqual([1, true]);
    expect(s.db.query("SELECT streak_days AS days FROM users WHERE id = 1").get()).toEqual({
      days: 1,
    });
  });

  it("counts an explanation towards today's quests in the same commit as its XP", async () => {
    const s = learningSetup();
    const day = utcDay(s.clock.now());
    let id = 1;
    while (!drawQuests(id, day).quests.some((q) => q.id === "explain2")) id++;
    await explain(s, id, "first");
    const second = await explain(s, id, "second");
    expect(second).toMatchObject({
      ok: true,
      xpAwarded: XP.explanation + XP.questCompleted,
      questsCompleted: [{ id: "explain2", progress: 2, completed: true }],
    });
    expect(userXp(s, id)).toBe(2 * XP.explanation + XP.questCompleted);
    expect(
      s.db
        .query("SELECT progress, completed FROM quests WHERE user_id = ? AND quest_id = 'explain2'")
        .get(id),
    ).toEqual({ progress: 2, completed: 1 });
    expect(await quests(s, id)).toMatchObject({
      ok: true,
      quests: expect.arrayContaining([
        expect.objectContaining({ id: "explain2", completed: true }),
      ]),
    });
  });

  it("draws new quests at UTC midnight", async () => {
    const s = learningSetup();
    const ids = async () => {
      const reply = await quests(s, 3);
      return reply.ok ? reply.quests.map((q) => q.id) : [];
    };
    const today = await ids();
    expect(today).toEqual(drawQuests(3, utcDay(s.clock.now())).quests.map((q) => q.id));
    s.clock.advance(DAY);
    expect(await ids()).toEqual(drawQuests(3, utcDay(s.clock.now())).quests.map((q) => q.id));
  });

  it("ranks users for the leaderboard from committed XP, ties sharing a place", async () => {
    const s = learningSetup();
    for (const [id, news] of [
      [11, 2],
      [12, 1],
      [13, 1],
    ] as const) {
      for (let i = 0; i < news; i++) await explain(s, id, `news ${id} ${i}`);
    }
    const board = await s.runtime.users.ask<LeaderboardReply>(
      13,
      (replyTo): UserMsg => ({ type: "leaderboard", replyTo }),
      5000,
    );
    if (!board.ok) throw new Error("no leaderboard");
    const ranks = board.board.week.top.map((e) => [e.rank, e.userId]);
    expect(ranks.slice(1)).toEqual([
      [2, 12],
      [2, 13],
    ]);
    expect(board.board.week.me?.rank).toBe(2);
  });

  it("carries on a lesson and a quiz across a restart of the runtime", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rvx-"));
    dirs.push(dir);
    const path = join(dir, "rvx.db");
    const env = { FLOOD_INTERVAL_MS: "0" };
    const first = testRuntime({ path, courses: [demo], env });
    await act(first, 1, { kind: "page", courseId: "demo", lessonId: "l1", page: 1 });
    await first.runtime.stop();
    // Reading reached the last page before the restart: starting the quiz now reads the lesson.
    const second = testRuntime({ path, courses: [demo], env });
    const started = await act(second, 1, { kind: "quiz", courseId: "demo", lessonId: "l1" });
    expect(started).toMatchObject({ ok: true, reward: { streakExtended: 1 } });
    await answer(second, 1, "l1", "q1", 1);
    await second.runtime.stop();
    const third = setup({ path, courses: [demo], env });
    await answer(third, 1, "l1", "q2", 1);
    expect(await answer(third, 1, "l1", "q3", 0)).toMatchObject({
      ok: true,
      view: { kind: "result", attempt: 1, answers: [1, 1, 0], score: 2 },
    });
  });

  it("erases learning progress and the place in a quiz with the user's data", async () => {
    const s = learningSetup();
    await takeLesson(s, 1, "l1", [1, 1, 1]);
    await act(s, 1, { kind: "quiz", courseId: "demo", lessonId: "l1" });
    await answer(s, 1, "l1", "q1", 1);
    expect(s.db.query("SELECT COUNT(*) AS n FROM learn_sessions").get()).toEqual({ n: 1 });
    const pending = await s.runtime.users.ask<{ ok: true; token: string }>(
      1,
      (replyTo): UserMsg => ({ type: "requestDelete", replyTo }),
      5000,
    );
    await s.runtime.users.ask(
      1,
      (replyTo): UserMsg => ({ type: "confirmDelete", token: pending.token, replyTo }),
      5000,
    );
    expect(await act(s, 1, { kind: "page", courseId: "demo", lessonId: "l2", page: 0 })).toEqual({
      ok: false,
      reason: "locked",
    });
    const rows = s.db.query("SELECT COUNT(*) AS n FROM lesson_progress").get();
    expect(rows).toEqual({ n: 0 });
    expect(s.db.query("SELECT COUNT(*) AS n FROM learn_sessions").get()).toEqual({ n: 0 });
    // The quiz is gone with it: its buttons no longer answer.
    expect(await answer(s, 1, "l1", "q2", 1)).toEqual({ ok: false, reason: "gone" });
    expect(await profile(s, 1)).toMatchObject({ xp: 0, streak: 0 });
  });
});

describe("user actor: requests from an update", () => {
  const explainFrom = (s: Setup, userId: number, text: string, updateId: number) =>
    s.runtime.users.ask<ExplainReply>(
      userId,
      (replyTo): UserMsg => ({ type: "explain", text, replyTo, updateId }),
      5000,
    );

  it("applies an update's effects once and answers a replay with the same reply", async () => {
    const s = setup({ env: { FLOOD_INTERVAL_MS: "0" } });
    const first = await explainFrom(s, 3, "Bitcoin ETF approved", 900);
    const replay = await explainFrom(s, 3, "Bitcoin ETF approved", 900);
    expect(replay).toEqual(first);
    expect(s.provider).toMatchObject({ calls: ["Bitcoin ETF approved"] });
    expect(await profile(s, 3)).toMatchObject({ ok: true, xp: 5, remaining: 49 });
    // A new update is a new request.
    expect(await explainFrom(s, 3, "Bitcoin ETF approved", 901)).toMatchObject({ remaining: 48 });
  });

  it("answers a replay after a restart from SQLite, without the effects", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rvx-replay-"));
    dirs.push(dir);
    const path = join(dir, "rvx.db");
    const before = setup({ path, env: { FLOOD_INTERVAL_MS: "0" } });
    const told = await explainFrom(before, 4, "Ethereum upgrade goes live", 77);
    await before.runtime.stop();
    const after = setup({ path, env: { FLOOD_INTERVAL_MS: "0" } });
    expect(await explainFrom(after, 4, "Ethereum upgrade goes live", 77)).toEqual(told);
    expect(after.provider).toMatchObject({ calls: [] });
    expect(await profile(after, 4)).toMatchObject({ ok: true, xp: 5, remaining: 49 });
  });
});

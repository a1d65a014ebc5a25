import type { Database } from "bun:sqlite";
import { afterEach, describe, expect, it } from "bun:test";
import { openDatabase } from "./open";
import { createReads, LEADERBOARD_SQL } from "./reads";
import { createWriteApplier, type Write } from "./writes";

const open: Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function setup() {
  const db = openDatabase(":memory:");
  open.push(db);
  const apply = createWriteApplier(db);
  const write = (...writes: Write[]) => db.transaction(() => writes.forEach(apply))();
  const user = (userId: number, firstName = `u${userId}`): Write => ({
    type: "ensureUser",
    userId,
    firstName,
    lang: "en",
    at: 0,
  });
  const xp = (userId: number, amount: number, week = 10): Write => ({
    type: "awardXp",
    userId,
    amount,
    week,
  });
  return { db, reads: createReads(db), write, user, xp };
}

describe("leaderboard", () => {
  it("ranks equal XP equally and skips the next rank (1, 1, 3)", () => {
    const { reads, write, user, xp } = setup();
    for (const [id, amount] of [
      [1, 50],
      [2, 80],
      [3, 80],
      [4, 20],
    ] as const) {
      write(user(id), xp(id, amount));
    }
    write(user(5)); // no XP: not ranked
    const board = reads.leaderboard(4, 10);
    expect(board.allTime.top.map((e) => [e.rank, e.userId, e.xp])).toEqual([
      [1, 2, 80],
      [1, 3, 80],
      [3, 1, 50],
      [4, 4, 20],
    ]);
    expect(board.allTime.me).toEqual({ rank: 4, xp: 20 });
    expect(reads.leaderboard(5, 10).allTime.me).toBeUndefined();
  });

  it("gives a user outside the top 10 their own rank", () => {
    const { reads, write, user, xp } = setup();
    for (let id = 1; id <= 15; id++) write(user(id), xp(id, 100 + id));
    write(user(99), xp(99, 105)); // ties with user 5, below users 6..15
    const board = reads.leaderboard(99, 10);
    expect(board.allTime.top).toHaveLength(10);
    expect(board.allTime.top[0]).toEqual({ rank: 1, userId: 15, firstName: "u15", xp: 115 });
    expect(board.allTime.me).toEqual({ rank: 11, xp: 105 });
    expect(reads.leaderboard(5, 10).allTime.me).toEqual({ rank: 11, xp: 105 });
    expect(reads.leaderboard(4, 10).allTime.me).toEqual({ rank: 13, xp: 104 });
  });

  it("ranks a week by the XP earned in it", () => {
    const { reads, write, user, xp } = setup();
    write(user(1, "Ann"), xp(1, 500, 9), xp(1, 10, 10));
    write(user(2, "Bob"), xp(2, 30, 10));
    write(user(3, "Cy"), xp(3, 10, 10), xp(3, 5, 11));
    const board = reads.leaderboard(3, 10);
    expect(board.week.top).toEqual([
      { rank: 1, userId: 2, firstName: "Bob", xp: 30 },
      { rank: 2, userId: 1, firstName: "Ann", xp: 10 },
      { rank: 2, userId: 3, firstName: "Cy", xp: 10 },
    ]);
    expect(board.week.me).toEqual({ rank: 2, xp: 10 });
    expect(board.allTime.top.map((e) => e.userId)).toEqual([1, 2, 3]);
    expect(reads.leaderboard(2, 9).week.me).toBeUndefined();
  });

  it("answers the rank queries from the indexes, never scanning a table", () => {
    const { db } = setup();
    const plans = Object.entries(LEADERBOARD_SQL).map(([name, sql]) => {
      const params = name.startsWith("week") ? [10, 10] : [10];
      const rows = db.query(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
      return { name, plan: rows.map((r) => r.detail).join("\n") };
    });
    for (const { name, plan } of plans) {
      expect({ name, scans: plan.match(/^SCAN (users|xp_weekly)\b.*$/m) }).toEqual({
        name,
        scans: null,
      });
      const index = name.startsWith("week") ? "xp_weekly_rank" : "users_xp";
      expect({ name, plan }).toEqual({ name, plan: expect.stringContaining(`INDEX ${index}`) });
    }
  });
});

describe("learning writes", () => {
  it("adds XP to the total and the week in one write", () => {
    const { db, write, user, xp } = setup();
    write(user(1), xp(1, 20, 7), xp(1, 5, 7), xp(1, 3, 8));
    expect(db.query("SELECT xp FROM users").all()).toEqual([{ xp: 28 }]);
    expect(db.query("SELECT week, xp FROM xp_weekly ORDER BY week").all()).toEqual([
      { week: 7, xp: 25 },
      { week: 8, xp: 3 },
    ]);
  });

  it("keeps a lesson's best score and its first pass time", () => {
    const { reads, db, write, user } = setup();
    const quiz = (score: number, passed: boolean, at: number): Write => ({
      type: "recordQuiz",
      userId: 1,
      courseId: "basics",
      lessonId: "consensus",
      score,
      passed,
      at,
    });
    write(user(1), quiz(1, false, 100));
    expect(reads.lessonProgress(1)).toEqual([
      { courseId: "basics", lessonId: "consensus", bestScore: 1, completed: false },
    ]);
    write(quiz(3, true, 200), quiz(2, true, 300));
    expect(reads.lessonProgress(1)).toEqual([
      { courseId: "basics", lessonId: "consensus", bestScore: 3, completed: true },
    ]);
    expect(db.query("SELECT completed_at AS at FROM lesson_progress").get()).toEqual({ at: 200 });
  });

  it("saves a day's quests and prunes older days", () => {
    const { reads, write, user } = setup();
    const quests = (day: number, progress: number): Write => ({
      type: "saveQuests",
      userId: 1,
      day,
      quests: [{ questId: "right5", progress, target: 5, completed: progress >= 5 }],
    });
    write(user(1), quests(10, 2), quests(10, 5));
    expect(reads.quests(1, 10)).toEqual([
      { questId: "right5", progress: 5, target: 5, completed: true },
    ]);
    write(quests(11, 1));
    expect(reads.quests(1, 10)).toEqual([]);
    expect(reads.quests(1, 11)).toHaveLength(1);
  });

  it("stores the streak on the user", () => {
    const { reads, write, user } = setup();
    write(user(1), { type: "setStreak", userId: 1, days: 4, lastDay: 20_000 });
    expect(reads.user(1)?.streak).toEqual({ days: 4, lastDay: 20_000 });
  });

  it("erases every learning row with the user", () => {
    const { db, write, user, xp } = setup();
    write(
      user(1),
      user(2),
      xp(1, 10),
      xp(2, 10),
      { type: "setStreak", userId: 1, days: 1, lastDay: 1 },
      {
        type: "recordQuiz",
        userId: 1,
        courseId: "c",
        lessonId: "l",
        score: 3,
        passed: true,
        at: 1,
      },
      {
        type: "saveQuests",
        userId: 1,
        day: 1,
        quests: [{ questId: "read1", progress: 1, target: 1, completed: true }],
      },
      { type: "saveLearning", userId: 1, data: '{"v":1}', at: 1 },
    );
    write({ type: "deleteUser", userId: 1 });
    const count = (table: string) =>
      (db.query(`SELECT COUNT(*) AS n FROM ${table} WHERE user_id = 1`).get() as { n: number }).n;
    expect(["lesson_progress", "quests", "xp_weekly", "learn_sessions"].map(count)).toEqual([
      0, 0, 0, 0,
    ]);
    expect(db.query("SELECT user_id FROM xp_weekly").all()).toEqual([{ user_id: 2 }]);
  });

  it("saves a user's place in lessons, replaces it and reads it back", () => {
    const { reads, write, user } = setup();
    expect(reads.learning(1)).toBeUndefined();
    write(user(1), { type: "saveLearning", userId: 1, data: '{"v":1,"quizAttempts":1}', at: 5 });
    write({ type: "saveLearning", userId: 1, data: '{"v":1,"quizAttempts":2}', at: 6 });
    expect(reads.learning(1)).toBe('{"v":1,"quizAttempts":2}');
    // Only valid JSON, and only for a user that exists.
    expect(() => write({ type: "saveLearning", userId: 1, data: "{", at: 7 })).toThrow();
    expect(() => write({ type: "saveLearning", userId: 2, data: "{}", at: 7 })).toThrow();
    expect(reads.learning(1)).toBe('{"v":1,"quizAttempts":2}');
  });
});

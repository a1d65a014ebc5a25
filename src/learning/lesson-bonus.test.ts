import { describe, expect, it } from "bun:test";
import { utcDay } from "../clock";
import { loadCourses } from "./course-data";
import type { LearnReply } from "./learn-decide";
import { type Decision, freshLearner } from "./learner";
import { NEWS_LESSON_BONUS, withLessonBonus } from "./lesson-bonus";

const NOW = Date.UTC(2026, 10, 30, 9);
const [course] = loadCourses();
const lesson = course?.lessons[0];

function finished(passed: boolean): Decision<LearnReply> {
  if (!course || !lesson) throw new Error("no content");
  const next = { ...freshLearner(4, "en"), xp: 45 };
  const view = {
    kind: "result",
    course,
    lesson,
    attempt: 1,
    answers: [],
    orders: [],
    score: passed ? 3 : 0,
    passed,
    next: undefined,
  } as const;
  const reward = {
    xpAwarded: 40,
    xp: 45,
    level: 1,
    leveledUp: false,
    questsCompleted: [],
    streakExtended: undefined,
  };
  return { reply: { ok: true, view, reward }, next, writes: [] };
}

describe("withLessonBonus", () => {
  it("pays the bonus once for the lesson suggested today, with the quiz's commit", () => {
    const decision = withLessonBonus(finished(true), "open", NOW);
    expect(decision.reply).toMatchObject({
      ok: true,
      newsBonus: NEWS_LESSON_BONUS,
      reward: { xpAwarded: 50, xp: 55, level: 2, leveledUp: true },
    });
    expect(decision.next.xp).toBe(55);
    expect(decision.writes).toEqual([
      { type: "awardXp", userId: 4, amount: 10, week: expect.any(Number) },
      { type: "recordDay", userId: 4, day: utcDay(NOW), xp: 10, learnedAt: NOW },
      {
        type: "lessonBonusPaid",
        userId: 4,
        day: utcDay(NOW),
        courseId: course?.id ?? "",
        lessonId: lesson?.id ?? "",
        at: NOW,
      },
    ]);
  });

  it("pays nothing when the quiz failed, the bonus was paid, or nothing was suggested", () => {
    for (const [passed, suggestion] of [
      [false, "open"],
      [true, "paid"],
      [true, undefined],
    ] as const) {
      const decision = finished(passed);
      expect(withLessonBonus(decision, suggestion, NOW)).toBe(decision);
    }
  });
});

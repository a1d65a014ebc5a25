import { describe, expect, it } from "bun:test";
import type { Course } from "./content";
import { XP } from "./levels";
import {
  courseProgress,
  isPassed,
  isUnlocked,
  type LessonProgress,
  lessonStatuses,
  progressKey,
  quizRewards,
} from "./progress";

const course = {
  id: "demo",
  lessons: [{ id: "l1" }, { id: "l2" }, { id: "l3" }],
} as unknown as Course;

const done = (...lessons: string[]) =>
  new Map<string, LessonProgress>(
    lessons.map((id) => [progressKey("demo", id), { bestScore: 3, completed: true }]),
  );

describe("lesson progress", () => {
  it("passes a quiz with at least two thirds right", () => {
    expect([0, 1, 2, 3].map((score) => isPassed(score, 3))).toEqual([false, false, true, true]);
    expect([2, 3, 4].map((score) => isPassed(score, 4))).toEqual([false, true, true]);
  });

  it("opens the first lesson and each lesson after a passed one", () => {
    expect(lessonStatuses(course, new Map())).toEqual(["open", "locked", "locked"]);
    expect(lessonStatuses(course, done("l1"))).toEqual(["done", "open", "locked"]);
    expect(courseProgress(course, done("l1", "l2"))).toEqual({ done: 2, total: 3 });
  });

  it("keeps a lesson locked after a failed attempt at the one before", () => {
    const failed = new Map([[progressKey("demo", "l1"), { bestScore: 1, completed: false }]]);
    expect(isUnlocked(course, "l2", failed)).toBe(false);
    expect(isUnlocked(course, "l1", failed)).toBe(true);
    expect(isUnlocked(course, "nope", failed)).toBe(false);
  });
});

describe("quiz rewards", () => {
  it("gives a first perfect pass every bonus", () => {
    expect(quizRewards(undefined, 3, 3)).toEqual({
      passed: true,
      perfect: true,
      xp: 3 * XP.correctAnswer + XP.lessonCompleted + XP.perfectQuiz,
      progress: { bestScore: 3, completed: true },
    });
  });

  it("gives a failed attempt its right answers only", () => {
    expect(quizRewards(undefined, 1, 3)).toMatchObject({
      passed: false,
      xp: XP.correctAnswer,
      progress: { bestScore: 1, completed: false },
    });
  });

  it("pays a retry only for answers beyond the best score and bonuses not yet earned", () => {
    const afterFail = { bestScore: 1, completed: false };
    expect(quizRewards(afterFail, 2, 3).xp).toBe(XP.correctAnswer + XP.lessonCompleted);
    const afterPass = { bestScore: 2, completed: true };
    expect(quizRewards(afterPass, 3, 3).xp).toBe(XP.correctAnswer + XP.perfectQuiz);
    const afterPerfect = { bestScore: 3, completed: true };
    expect(quizRewards(afterPerfect, 3, 3)).toMatchObject({ xp: 0, passed: true, perfect: true });
    expect(quizRewards(afterPerfect, 0, 3).progress).toEqual(afterPerfect);
  });
});

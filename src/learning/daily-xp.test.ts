import { describe, expect, it } from "bun:test";
import { isLearning, progressBar, weekOf } from "./daily-xp";
import { freshLearner } from "./learner";

const TODAY = 20_000;

describe("weekOf", () => {
  it("gives the seven days ending today with their XP, active days from rows and the streak", () => {
    const state = { ...freshLearner(1, "en"), xp: 85, streak: { days: 3, lastDay: TODAY } };
    const rows = [
      { day: TODAY - 8, xp: 99, learnedAt: null },
      { day: TODAY - 5, xp: 10, learnedAt: 1 },
      { day: TODAY, xp: 25, learnedAt: null },
    ];
    const week = weekOf(state, rows, TODAY);
    expect(week.days.map((d) => [d.day - TODAY, d.xp, d.active])).toEqual([
      [-6, 0, false],
      [-5, 10, true],
      [-4, 0, false],
      [-3, 0, false],
      [-2, 0, true],
      [-1, 0, true],
      [0, 25, true],
    ]);
    expect(week).toMatchObject({ level: 2, xp: 85, levelStartXp: 50, nextLevelXp: 120, streak: 3 });
  });
});

describe("progressBar", () => {
  const week = (xp: number, levelStartXp: number, nextLevelXp: number | undefined) => ({
    days: [],
    level: 1,
    xp,
    levelStartXp,
    nextLevelXp,
    streak: 0,
  });

  it("fills the share of the way to the next level", () => {
    expect(progressBar(week(92, 50, 120))).toBe("▰▰▰▰▰▰▱▱▱▱ 60%");
    expect(progressBar(week(50, 50, 120))).toBe("▱▱▱▱▱▱▱▱▱▱ 0%");
    expect(progressBar(week(119, 50, 120), 5)).toBe("▰▰▰▰▱ 98%");
  });

  it("is full at the top level", () => {
    expect(progressBar(week(9000, 8200, undefined))).toBe("▰▰▰▰▰▰▰▰▰▰ 100%");
  });
});

describe("isLearning", () => {
  it("counts lessons and quizzes, not explanations", () => {
    expect(isLearning({ explain: 1 })).toBe(false);
    expect(isLearning({ lessonRead: 1 })).toBe(true);
    expect(isLearning({ quizFinished: 1, correctAnswer: 0 })).toBe(true);
    expect(isLearning({})).toBe(false);
  });
});

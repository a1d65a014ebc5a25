import { describe, expect, it } from "bun:test";
import { currentStreak, extendStreak, NO_STREAK } from "./streak";

describe("streak", () => {
  it("starts at one day on the first activity", () => {
    expect(extendStreak(NO_STREAK, 100)).toEqual({ days: 1, lastDay: 100 });
  });

  it("keeps the same object for a second activity on the same day", () => {
    const streak = { days: 3, lastDay: 100 };
    expect(extendStreak(streak, 100)).toBe(streak);
  });

  it("extends by one on the next day", () => {
    expect(extendStreak({ days: 3, lastDay: 100 }, 101)).toEqual({ days: 4, lastDay: 101 });
  });

  it("restarts at one after a missed day", () => {
    expect(extendStreak({ days: 9, lastDay: 100 }, 102)).toEqual({ days: 1, lastDay: 102 });
  });

  it("ignores a clock that steps back a day", () => {
    const streak = { days: 2, lastDay: 100 };
    expect(extendStreak(streak, 99)).toBe(streak);
  });

  it("shows a streak alive today and yesterday, and broken after that", () => {
    const streak = { days: 5, lastDay: 100 };
    expect([100, 101, 102].map((today) => currentStreak(streak, today))).toEqual([
      { days: 5, doneToday: true },
      { days: 5, doneToday: false },
      { days: 0, doneToday: false },
    ]);
    expect(currentStreak(NO_STREAK, 0)).toEqual({ days: 0, doneToday: false });
  });
});

import { describe, expect, it } from "bun:test";
import { weeklyProgress } from "./progress-week";

describe("weeklyProgress", () => {
  it("lays out the seven days ending today and the level that the XP reaches", () => {
    const progress = weeklyProgress({
      today: 100,
      xpByDay: new Map([
        [93, 40], // eight days ago: outside the week
        [94, 10],
        [97, 25],
        [100, 5],
      ]),
      activeDays: new Set([94, 97, 99, 100]),
      xp: 290,
      streak: 2,
    });
    expect(progress).toEqual({
      days: [
        { day: 94, xp: 10, active: true },
        { day: 95, xp: 0, active: false },
        { day: 96, xp: 0, active: false },
        { day: 97, xp: 25, active: true },
        { day: 98, xp: 0, active: false },
        { day: 99, xp: 0, active: true },
        { day: 100, xp: 5, active: true },
      ],
      level: 4,
      xp: 290,
      levelStartXp: 220,
      nextLevelXp: 350,
      streak: 2,
    });
  });

  it("has no next level at the top", () => {
    const top = weeklyProgress({
      today: 5,
      xpByDay: new Map(),
      activeDays: new Set(),
      xp: 10_000,
      streak: 0,
    });
    expect({ level: top.level, start: top.levelStartXp, next: top.nextLevelXp }).toEqual({
      level: 15,
      start: 8200,
      next: undefined,
    });
  });
});

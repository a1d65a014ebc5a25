import { describe, expect, it } from "bun:test";
import {
  advanceQuests,
  type DailyQuests,
  drawQuests,
  QUEST_CATALOGUE,
  QUESTS_PER_DAY,
  questsFromRows,
} from "./quests";

const ids = (daily: DailyQuests) => daily.quests.map((q) => q.id);

describe("daily quests", () => {
  it("draws the same quests for the same user and day", () => {
    expect(drawQuests(42, 20_000)).toEqual(drawQuests(42, 20_000));
  });

  it("draws three quests of different kinds, all fresh", () => {
    for (let day = 20_000; day < 20_100; day++) {
      const daily = drawQuests(7, day);
      expect(daily.quests).toHaveLength(QUESTS_PER_DAY);
      expect(new Set(daily.quests.map((q) => q.kind)).size).toBe(QUESTS_PER_DAY);
      expect(daily.quests.every((q) => q.progress === 0 && !q.completed)).toBe(true);
    }
  });

  it("varies across days and users", () => {
    const byDay = new Set(
      Array.from({ length: 30 }, (_, i) => ids(drawQuests(7, 20_000 + i)).join()),
    );
    const byUser = new Set(Array.from({ length: 30 }, (_, i) => ids(drawQuests(i, 20_000)).join()));
    expect(byDay.size).toBeGreaterThan(5);
    expect(byUser.size).toBeGreaterThan(5);
  });

  it("draws every quest of the catalogue sooner or later, including for ids above 2^32", () => {
    const seen = new Set<string>();
    for (let day = 0; day < 200; day++)
      for (const id of ids(drawQuests(2 ** 40 + 5, day))) seen.add(id);
    expect([...seen].sort()).toEqual(QUEST_CATALOGUE.map((q) => q.id).sort());
  });

  it("counts events towards matching quests, caps at the target and reports completion once", () => {
    const daily: DailyQuests = {
      day: 1,
      quests: [
        { id: "explain2", kind: "explain", target: 2, progress: 0, completed: false },
        { id: "right5", kind: "correctAnswer", target: 5, progress: 3, completed: false },
      ],
    };
    const first = advanceQuests(daily, { correctAnswer: 4, explain: 1 });
    expect(first.daily.quests.map((q) => [q.progress, q.completed])).toEqual([
      [1, false],
      [5, true],
    ]);
    expect(first.completed.map((q) => q.id)).toEqual(["right5"]);
    const second = advanceQuests(first.daily, { correctAnswer: 3 });
    expect(second).toEqual({ daily: first.daily, completed: [], changed: false });
  });

  it("reports no change for events no quest counts", () => {
    const daily = drawQuests(1, 1);
    expect(advanceQuests(daily, {})).toEqual({ daily, completed: [], changed: false });
  });

  it("restores quests from stored rows in catalogue order and drops unknown ones", () => {
    const daily = questsFromRows(5, [
      { questId: "right5", progress: 2, target: 5, completed: false },
      { questId: "gone", progress: 1, target: 1, completed: true },
      { questId: "explain2", progress: 2, target: 2, completed: true },
    ]);
    expect(daily).toEqual({
      day: 5,
      quests: [
        { id: "explain2", kind: "explain", target: 2, progress: 2, completed: true },
        { id: "right5", kind: "correctAnswer", target: 5, progress: 2, completed: false },
      ],
    });
  });
});

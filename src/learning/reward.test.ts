import { describe, expect, it } from "bun:test";
import { utcDay } from "../clock";
import { freshLearner, type Learner } from "./learner";
import { XP } from "./levels";
import { drawQuests, type QuestRow } from "./quests";
import { rewardActivity, withQuestsOf } from "./reward";

const NOW = Date.UTC(2026, 10, 30, 9);
const DAY = utcDay(NOW);
const base = (over: Partial<Learner> = {}): Learner => ({
  ...freshLearner(3, "ru"),
  firstName: "Ира",
  quests: drawQuests(3, DAY),
  ...over,
});

describe("rewardActivity", () => {
  it("awards XP, starts the streak and writes the user row first", () => {
    const { next, writes, reward } = rewardActivity(
      base(),
      { baseXp: XP.explanation, events: {}, writes: [] },
      NOW,
    );
    expect(writes.map((w) => w.type)).toEqual(["ensureUser", "awardXp", "recordDay", "setStreak"]);
    expect(reward).toMatchObject({ xpAwarded: 5, xp: 5, level: 1, streakExtended: 1 });
    expect(next).toMatchObject({ xp: 5, persisted: true, streak: { days: 1, lastDay: DAY } });
  });

  it("records the day's XP, and the time of learning only for a lesson or quiz", () => {
    const news = rewardActivity(base(), { baseXp: 5, events: { explain: 1 }, writes: [] }, NOW);
    expect(news.writes.find((w) => w.type === "recordDay")).toEqual({
      type: "recordDay",
      userId: 3,
      day: DAY,
      xp: news.reward.xpAwarded,
    });
    const state = base({ streak: { days: 2, lastDay: DAY } });
    const read = rewardActivity(state, { baseXp: 0, events: { lessonRead: 1 }, writes: [] }, NOW);
    expect(read.writes.find((w) => w.type === "recordDay")).toEqual({
      type: "recordDay",
      userId: 3,
      day: DAY,
      xp: read.reward.xpAwarded, // a quest bonus, when reading completes one
      learnedAt: NOW,
    });
  });

  it("writes nothing when an activity earns nothing and the streak is already extended today", () => {
    const state = base({ streak: { days: 4, lastDay: DAY } });
    const result = rewardActivity(state, { baseXp: 0, events: {}, writes: [] }, NOW);
    expect(result.writes).toEqual([]);
    expect(result.reward).toMatchObject({ xpAwarded: 0, streakExtended: undefined });
  });

  it("adds the quest bonus when an activity completes a quest", () => {
    const quests = base().quests ?? drawQuests(3, DAY);
    const [first] = quests.quests;
    if (!first) throw new Error("no quest drawn");
    const events = { [first.kind]: first.target };
    const result = rewardActivity(base(), { baseXp: 0, events, writes: [] }, NOW);
    expect(result.reward.questsCompleted.map((q) => q.id)).toContain(first.id);
    expect(result.reward.xpAwarded).toBeGreaterThanOrEqual(XP.questCompleted);
    expect(result.writes.map((w) => w.type)).toContain("saveQuests");
  });
});

describe("withQuestsOf", () => {
  it("keeps today's quests, else reads the stored rows, else draws", () => {
    const today = base();
    expect(withQuestsOf(today, DAY, () => raise())).toBe(today);
    const rows: QuestRow[] = [{ questId: "quiz2", progress: 1, target: 2, completed: false }];
    const stored = withQuestsOf(base({ quests: undefined }), DAY, () => rows);
    expect(stored.quests?.quests.map((q) => [q.id, q.progress])).toEqual([["quiz2", 1]]);
    const drawn = withQuestsOf(base({ quests: undefined }), DAY, () => []);
    expect(drawn.quests).toEqual(drawQuests(3, DAY));
  });
});

function raise(): never {
  throw new Error("stored quests read although today's are in the state");
}

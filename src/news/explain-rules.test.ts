import { describe, expect, it } from "bun:test";
import { utcDay } from "../clock";
import { freshLearner, type Learner } from "../learning/learner";
import { drawQuests } from "../learning/quests";
import { decideExplained, decideProfile, gateExplain } from "./explain-rules";

const NOW = Date.UTC(2026, 10, 30, 8);
const DAY = utcDay(NOW);
const limits = { floodIntervalMs: 10_000, dailyLimit: 3 };
const user = (over: Partial<Learner> = {}): Learner => ({
  ...freshLearner(9, "en"),
  persisted: true,
  quests: drawQuests(9, DAY),
  ...over,
});

describe("explain rules", () => {
  it("refuses a banned user, a flood and a spent quota", () => {
    expect(gateExplain(user({ banned: true }), NOW, limits)).toEqual({
      ok: false,
      reply: { ok: false, reason: "banned" },
    });
    expect(gateExplain(user({ lastRequestAt: NOW - 4000 }), NOW, limits)).toEqual({
      ok: false,
      reply: { ok: false, reason: "flood", retryInMs: 6000 },
    });
    const spent = user({ quotaDay: DAY, quotaUsed: 3 });
    expect(gateExplain(spent, NOW, limits)).toMatchObject({
      ok: false,
      reply: { reason: "quota" },
    });
  });

  it("commits quota, request log and XP with the answer", () => {
    const gate = gateExplain(user(), NOW, limits);
    if (!gate.ok) throw new Error("refused");
    const explanation = { text: "It means…", source: "groq", provider: "groq" } as const;
    const d = decideExplained(user(), gate, explanation, NOW + 1200, limits.dailyLimit);
    const explainQuest = user().quests?.quests.some((q) => q.kind === "explain");
    expect(d.writes.map((w) => w.type)).toEqual([
      "ensureUser",
      "consumeQuota",
      "logRequest",
      "awardXp",
      "recordDay",
      "setStreak",
      ...(explainQuest ? ["saveQuests" as const] : []),
    ]);
    expect(d.writes[2]).toMatchObject({ durationMs: 1200, source: "groq" });
    expect(d.reply).toMatchObject({ ok: true, text: "It means…", remaining: 2, xpAwarded: 5 });
    expect(d.next).toMatchObject({ lastRequestAt: NOW, quotaDay: DAY, quotaUsed: 1, xp: 5 });
  });

  it("reports the profile without writing", () => {
    const d = decideProfile(user({ xp: 30, quotaDay: DAY, quotaUsed: 1 }), NOW, 3);
    expect(d.reply).toMatchObject({ ok: true, xp: 30, remaining: 2, streak: 0 });
    expect(d.writes).toEqual([]);
  });
});

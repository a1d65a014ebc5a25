import { describe, expect, it } from "bun:test";
import { utcDay } from "../clock";
import { loadCourses } from "./course-data";
import { loadGlossary } from "./glossary-data";
import { freshLearner, type Learner } from "./learner";
import { CHECK_XP, checkBank, checkOrder, decideCheckAnswer, pickCheck } from "./news-check";
import { drawQuests } from "./quests";
import { isOrderOf } from "./shuffle";

const NOW = Date.UTC(2026, 10, 30, 9);
const courses = loadCourses();
const glossary = loadGlossary(courses);
const etf = glossary.find((t) => t.id === "etf");
const learner = (): Learner => ({ ...freshLearner(11, "en"), quests: drawQuests(11, utcDay(NOW)) });

describe("checkBank", () => {
  it("holds the term's lesson questions and the glossary's definition question", () => {
    if (!etf?.lesson) throw new Error("the glossary has no ETF term with a lesson");
    const bank = checkBank(etf, courses, glossary);
    const lesson = courses
      .find((c) => c.id === etf.lesson?.course)
      ?.lessons.find((l) => l.id === etf.lesson?.lesson);
    expect(bank.map((q) => q.ref)).toEqual([...(lesson?.quiz ?? []).map((q) => `l${q.id}`), "g"]);
    const definition = bank.at(-1);
    expect(definition?.question.options[0]).toEqual(etf.definition);
    expect(new Set(definition?.question.options.map((o) => o.en)).size).toBe(3);
  });
});

describe("pickCheck and checkOrder", () => {
  it("give one user the same question and order for a news, shuffled among users", () => {
    if (!etf) throw new Error("no ETF term");
    const bank = checkBank(etf, courses, glossary);
    expect(pickCheck(bank, 11, "news-a")).toBe(pickCheck(bank, 11, "news-a"));
    const check = bank.at(-1); // the glossary's: a choice question, so it is shuffled
    if (!check) throw new Error("no question");
    const order = checkOrder(check, 11, "news-a");
    expect(checkOrder(check, 11, "news-a")).toEqual(order);
    expect(isOrderOf(order, check.question.options.length)).toBe(true);
    const orders = new Set(
      Array.from({ length: 30 }, (_, user) => checkOrder(check, user, "news-a").join()),
    );
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe("decideCheckAnswer", () => {
  if (!etf) throw new Error("no ETF term");
  const check = checkBank(etf, courses, glossary).at(-1);
  if (!check) throw new Error("no question");
  const order = [2, 0, 1]; // the right option (0) is shown second
  const facts = { check, order, newsKey: "k", answered: false, lang: "en" as const };

  it("pays a right first answer and stores it", () => {
    const decision = decideCheckAnswer(learner(), { ...facts, shown: 1 }, NOW);
    expect(decision.reply).toMatchObject({
      ok: true,
      correct: true,
      reward: { xpAwarded: CHECK_XP },
    });
    expect(decision.writes).toContainEqual({
      type: "newsChecked",
      userId: 11,
      newsKey: "k",
      correct: true,
      at: NOW,
    });
    expect(decision.writes).toContainEqual(expect.objectContaining({ type: "awardXp", amount: 3 }));
  });

  it("stores a wrong first answer without XP and names the right option", () => {
    const decision = decideCheckAnswer(learner(), { ...facts, shown: 0 }, NOW);
    expect(decision.reply).toEqual({
      ok: true,
      correct: false,
      right: etf.definition.en,
      explanation: etf.definition.en,
    });
    expect(decision.writes.map((w) => w.type)).not.toContain("awardXp");
    expect(decision.writes).toContainEqual(expect.objectContaining({ type: "newsChecked" }));
  });

  it("changes nothing once the news was answered, or for a position not shown", () => {
    const again = decideCheckAnswer(learner(), { ...facts, shown: 1, answered: true }, NOW);
    expect(again).toMatchObject({ reply: { ok: false, reason: "answered" }, writes: [] });
    const forged = decideCheckAnswer(learner(), { ...facts, shown: 7 }, NOW);
    expect(forged).toMatchObject({ reply: { ok: false, reason: "gone" }, writes: [] });
  });
});

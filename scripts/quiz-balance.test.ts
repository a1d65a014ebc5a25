import { describe, expect, it } from "bun:test";
import { LANGS, type Lang } from "../src/i18n/lang";
import type { Localized, Question } from "../src/learning/content";
import { loadCourses } from "../src/learning/course-data";
import { isLongestCorrect, isShortestCorrect, questionsOf, quizBalance } from "./quiz-balance";

const text = (s: string): Localized => ({ ru: s, en: s });
const question = (options: string[], correct: number): Question => ({
  id: "q1",
  question: text("?"),
  options: options.map(text),
  correct,
  explanation: text("."),
});

describe("quizBalance", () => {
  it("counts ties as both longest and shortest", () => {
    const q = question(["aaa", "bbb", "c"], 0);
    expect(isLongestCorrect(q, "en")).toBe(true);
    expect(isShortestCorrect(q, "en")).toBe(false);
    expect(isShortestCorrect(question(["aa", "bb", "ccc"], 1), "ru")).toBe(true);
  });

  it("counts right positions of four-option questions only", () => {
    const qs = [
      question(["a", "bb", "ccc", "dddd"], 3),
      question(["a", "bb", "ccc", "dddd"], 0),
      question(["a", "bb", "ccc"], 2),
    ];
    expect(quizBalance(qs)).toEqual({
      questions: 3,
      longestCorrect: { ru: 2, en: 2 },
      shortestCorrect: { ru: 1, en: 1 },
      positions: [1, 0, 0, 1],
    });
  });
});

describe("quizzes of the Telegram safety and networks courses", () => {
  const courses = loadCourses().filter((c) => c.id === "tg-safety" || c.id === "networks");

  it("are both shipped", () => {
    expect(courses.map((c) => c.id)).toEqual(["tg-safety", "networks"]);
  });

  for (const c of courses) {
    const b = quizBalance(questionsOf(c));
    it(`${c.id}: the right option is the longest or the shortest in at most 30% of questions`, () => {
      for (const lang of LANGS as readonly Lang[]) {
        expect(b.longestCorrect[lang] / b.questions).toBeLessThanOrEqual(0.3);
        expect(b.shortestCorrect[lang] / b.questions).toBeLessThanOrEqual(0.3);
      }
    });

    it(`${c.id}: the right option sits at each of four positions equally often`, () => {
      const fourOption = b.positions.reduce((sum, n) => sum + n, 0);
      expect(fourOption).toBe(b.questions);
      for (const n of b.positions) expect(n).toBe(fourOption / 4);
    });
  }
});

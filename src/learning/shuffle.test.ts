import { describe, expect, it } from "bun:test";
import type { Localized, Question } from "./content";
import { loadCourses } from "./course-data";
import { isOrderOf, optionOrder, quizOrders } from "./shuffle";

const text = (s: string): Localized => ({ ru: s, en: s });
const choice = (id: string, options = 4): Question => ({
  id,
  question: text(id),
  options: Array.from({ length: options }, (_, i) => text(`o${i}`)),
  correct: 0,
  explanation: text("why"),
});

describe("optionOrder", () => {
  it("is a permutation, the same for the same user, lesson, attempt and question", () => {
    const q = choice("q1", 5);
    const order = optionOrder(42, "basics", "what-is-money", 3, q);
    expect(isOrderOf(order, 5)).toBe(true);
    expect(optionOrder(42, "basics", "what-is-money", 3, q)).toEqual(order);
  });

  it("differs between users and between attempts", () => {
    const q = choice("q1", 4);
    const byUser = new Set(
      Array.from({ length: 200 }, (_, u) => optionOrder(u, "c", "l", 1, q).join()),
    );
    const byAttempt = new Set(
      Array.from({ length: 200 }, (_, a) => optionOrder(7, "c", "l", a + 1, q).join()),
    );
    // All 24 orders of four options turn up.
    expect(byUser.size).toBe(24);
    expect(byAttempt.size).toBe(24);
    expect(optionOrder(1, "c", "l", 1, q)).not.toEqual(optionOrder(2, "c", "l", 1, q));
  });

  it("puts the right option at each position about equally often", () => {
    const q = choice("q1", 4);
    const counts = [0, 0, 0, 0];
    for (let u = 0; u < 4000; u++) {
      const shown = optionOrder(u, "c", "l", 1, q).indexOf(q.correct);
      counts[shown] = (counts[shown] ?? 0) + 1;
    }
    for (const count of counts) expect(Math.abs(count - 1000)).toBeLessThan(120);
  });

  it("keeps a true/false question's fixed order", () => {
    const tf: Question = { ...choice("q9", 2), kind: "truefalse" };
    for (let u = 0; u < 50; u++) expect(optionOrder(u, "c", "l", u + 1, tf)).toEqual([0, 1]);
  });

  it("gives every shipped question an order of its options", () => {
    for (const course of loadCourses()) {
      for (const lesson of course.lessons) {
        const orders = quizOrders(1001, course.id, lesson, 1);
        expect(orders.every((o, i) => isOrderOf(o, lesson.quiz[i]?.options.length ?? -1))).toBe(
          true,
        );
      }
    }
  });
});

describe("isOrderOf", () => {
  it("accepts permutations only", () => {
    expect(isOrderOf([2, 0, 1], 3)).toBe(true);
    expect(isOrderOf([0, 0, 1], 3)).toBe(false);
    expect(isOrderOf([0, 1], 3)).toBe(false);
    expect(isOrderOf([0, 1, 3], 3)).toBe(false);
    expect(isOrderOf([0, 1.5, 2], 3)).toBe(false);
  });
});

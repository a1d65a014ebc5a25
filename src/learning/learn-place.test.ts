import { describe, expect, it } from "bun:test";
import type { Course, Lesson, Localized } from "./content";
import { decodePlace, encodePlace, type LearnPlace } from "./learn-place";

const text = (s: string): Localized => ({ ru: s, en: s });
const lesson = (id: string, questions = 3): Lesson => ({
  id,
  title: text(id),
  pages: [text("p1"), text("p2"), text("p3")],
  quiz: Array.from({ length: questions }, (_, i) => ({
    id: `q${i + 1}`,
    question: text(`q${i + 1}`),
    options: [text("a"), text("b"), text("c")],
    correct: 1,
    explanation: text("because"),
  })),
});
const course = (lessons: Lesson[]): Course => ({
  id: "demo",
  order: 1,
  emoji: "🧪",
  title: text("Demo"),
  description: text("Demo"),
  lessons,
});
const COURSES = [course([lesson("l1"), lesson("l2")])];
const ORDERS = [
  [2, 0, 1],
  [0, 1, 2],
  [1, 2, 0],
];

const midQuiz: LearnPlace = {
  session: {
    kind: "quiz",
    courseId: "demo",
    lessonId: "l2",
    attempt: 4,
    orders: ORDERS,
    answers: [1, 0],
  },
  lastQuiz: { courseId: "demo", lessonId: "l1", attempt: 3, orders: ORDERS, answers: [1, 1, 2] },
  quizAttempts: 4,
};

describe("learn place", () => {
  it("round-trips a quiz in progress and the last finished quiz", () => {
    expect(decodePlace(encodePlace(midQuiz), COURSES)).toEqual(midQuiz);
  });

  it("round-trips a page being read", () => {
    const reading: LearnPlace = {
      session: { kind: "reading", courseId: "demo", lessonId: "l1", page: 2 },
      quizAttempts: 0,
    };
    expect(decodePlace(encodePlace(reading), COURSES)).toEqual(reading);
  });

  it("starts over from nothing, a broken document or another version", () => {
    const none = { quizAttempts: 0 };
    expect(decodePlace(undefined, COURSES)).toEqual(none);
    expect(decodePlace("{", COURSES)).toEqual(none);
    expect(
      decodePlace(JSON.stringify({ ...JSON.parse(encodePlace(midQuiz)), v: 2 }), COURSES),
    ).toEqual(none);
  });

  it("drops a part that no longer fits the content, keeping the rest", () => {
    // The running lesson lost a question: its stored orders no longer match.
    const shorter = [course([lesson("l1"), lesson("l2", 2)])];
    expect(decodePlace(encodePlace(midQuiz), shorter)).toEqual({
      lastQuiz: midQuiz.lastQuiz,
      quizAttempts: 4,
    });
    // The lesson is gone altogether.
    expect(decodePlace(encodePlace(midQuiz), [course([lesson("l1"), lesson("l3")])])).toEqual({
      lastQuiz: midQuiz.lastQuiz,
      quizAttempts: 4,
    });
  });

  it("refuses orders that are not permutations, answers out of range and impossible attempts", () => {
    type Session = Record<string, unknown>;
    const tamper = (patch: (session: Session) => Session) => {
      const doc = JSON.parse(encodePlace(midQuiz));
      return decodePlace(JSON.stringify({ ...doc, session: patch(doc.session) }), COURSES).session;
    };
    expect(tamper((s) => s)).toEqual(midQuiz.session);
    expect(tamper((s) => ({ ...s, orders: [[0, 0, 1], ...ORDERS.slice(1)] }))).toBeUndefined();
    expect(tamper((s) => ({ ...s, answers: [3, 0] }))).toBeUndefined();
    expect(tamper((s) => ({ ...s, answers: [1, 1, 1] }))).toBeUndefined();
    expect(tamper((s) => ({ ...s, attempt: 5 }))).toBeUndefined();
    expect(tamper((s) => ({ ...s, kind: "other" }))).toBeUndefined();
    const page = (n: unknown) =>
      tamper(() => ({ kind: "reading", courseId: "demo", lessonId: "l1", page: n }));
    expect(page(3)).toBeUndefined();
    expect(page(-1)).toBeUndefined();
    expect(page("1")).toBeUndefined();
  });
});

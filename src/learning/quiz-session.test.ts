import { describe, expect, it } from "bun:test";
import type { Lesson, Localized } from "./content";
import {
  type AnswerPress,
  answerQuestion,
  isReadToEnd,
  type LearnSession,
  scoreOf,
  startQuiz,
} from "./quiz-session";

const text = (s: string): Localized => ({ ru: s, en: s });
const lesson: Lesson = {
  id: "l1",
  title: text("Lesson"),
  pages: [text("p1"), text("p2")],
  quiz: ["q1", "q2", "q3"].map((id) => ({
    id,
    question: text(id),
    options: [text("a"), text("b"), text("c")],
    correct: 1,
    explanation: text("because"),
  })),
};
/** Each question shown as c, a, b: the right option b is third on screen. */
const ORDERS = [
  [2, 0, 1],
  [2, 0, 1],
  [2, 0, 1],
];
const start = (courseId = "c", lessonId = "l1", attempt = 1) =>
  startQuiz(courseId, lessonId, attempt, ORDERS);
const press = (
  questionId: string,
  shown: number,
  over: Partial<AnswerPress> = {},
): AnswerPress => ({ courseId: "c", lessonId: "l1", questionId, attempt: 1, shown, ...over });

describe("quiz session", () => {
  it("maps each press through the order shown, walks the questions and finishes after the last", () => {
    let session: LearnSession = start();
    const results = [];
    for (const [qid, shown] of [
      ["q1", 2],
      ["q2", 0],
      ["q3", 2],
    ] as const) {
      const outcome = answerQuestion(session, lesson, press(qid, shown));
      if (!outcome.ok) throw new Error(`refused ${qid}`);
      results.push([outcome.correct, outcome.finished]);
      session = outcome.session;
    }
    expect(results).toEqual([
      [true, false],
      [false, false],
      [true, true],
    ]);
    expect(session).toEqual({
      kind: "quiz",
      courseId: "c",
      lessonId: "l1",
      attempt: 1,
      orders: ORDERS,
      answers: [1, 2, 1],
    });
    expect(scoreOf(lesson, [1, 2, 1])).toBe(2);
  });

  it("refuses a second press of an answered question as stale", () => {
    const first = answerQuestion(start(), lesson, press("q1", 2));
    if (!first.ok) throw new Error("refused the first press");
    expect(answerQuestion(first.session, lesson, press("q1", 2))).toEqual({
      ok: false,
      reason: "stale",
    });
  });

  it("refuses answers without a running attempt of that lesson as gone", () => {
    const reading: LearnSession = { kind: "reading", courseId: "c", lessonId: "l1", page: 0 };
    const gone = { ok: false, reason: "gone" } as const;
    expect(answerQuestion(undefined, lesson, press("q1", 1))).toEqual(gone);
    expect(answerQuestion(reading, lesson, press("q1", 1))).toEqual(gone);
    expect(answerQuestion(start("c", "l2"), lesson, press("q1", 1, { lessonId: "l2" }))).toEqual(
      gone,
    );
    expect(answerQuestion(start("x"), lesson, press("q1", 1))).toEqual(gone);
    // A button of an earlier attempt, shown in another order, is not taken for this one.
    expect(answerQuestion(start("c", "l1", 2), lesson, press("q1", 2))).toEqual(gone);
  });

  it("refuses a position the question does not have and a skipped-ahead question", () => {
    const stale = { ok: false, reason: "stale" } as const;
    expect(answerQuestion(start(), lesson, press("q1", 3))).toEqual(stale);
    expect(answerQuestion(start(), lesson, press("q1", -1))).toEqual(stale);
    expect(answerQuestion(start(), lesson, press("q2", 1))).toEqual(stale);
  });

  it("counts a lesson as read only from its last page", () => {
    const at = (page: number): LearnSession => ({
      kind: "reading",
      courseId: "c",
      lessonId: "l1",
      page,
    });
    expect(isReadToEnd(at(1), "c", lesson)).toBe(true);
    expect(isReadToEnd(at(0), "c", lesson)).toBe(false);
    expect(isReadToEnd(at(1), "x", lesson)).toBe(false);
    expect(isReadToEnd(start(), "c", lesson)).toBe(false);
  });
});

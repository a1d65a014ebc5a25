import { describe, expect, it } from "bun:test";
import type { Lesson, Localized } from "./content";
import { answerQuestion, isReadToEnd, type LearnSession, scoreOf, startQuiz } from "./quiz-session";

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
const press = (questionId: string, option: number, lessonId = "l1", courseId = "c") => ({
  courseId,
  lessonId,
  questionId,
  option,
});

describe("quiz session", () => {
  it("walks the questions in order and finishes after the last", () => {
    let session: LearnSession = startQuiz("c", "l1");
    const results = [];
    for (const [qid, option] of [
      ["q1", 1],
      ["q2", 0],
      ["q3", 1],
    ] as const) {
      const outcome = answerQuestion(session, lesson, press(qid, option));
      if (!outcome.ok) throw new Error(`refused ${qid}`);
      results.push([outcome.correct, outcome.finished]);
      session = outcome.session;
    }
    expect(results).toEqual([
      [true, false],
      [false, false],
      [true, true],
    ]);
    expect(session).toEqual({ kind: "quiz", courseId: "c", lessonId: "l1", answers: [1, 0, 1] });
    expect(scoreOf(lesson, [1, 0, 1])).toBe(2);
  });

  it("refuses a second press of an answered question", () => {
    const first = answerQuestion(startQuiz("c", "l1"), lesson, press("q1", 1));
    if (!first.ok) throw new Error("refused the first press");
    expect(answerQuestion(first.session, lesson, press("q1", 1))).toEqual({ ok: false });
  });

  it("refuses answers without a running quiz of that lesson", () => {
    const reading: LearnSession = { kind: "reading", courseId: "c", lessonId: "l1", page: 0 };
    expect(answerQuestion(undefined, lesson, press("q1", 1))).toEqual({ ok: false });
    expect(answerQuestion(reading, lesson, press("q1", 1))).toEqual({ ok: false });
    expect(answerQuestion(startQuiz("c", "l2"), lesson, press("q1", 1, "l2"))).toEqual({
      ok: false,
    });
    expect(answerQuestion(startQuiz("x", "l1"), lesson, press("q1", 1))).toEqual({ ok: false });
  });

  it("refuses an option the question does not have and a skipped-ahead question", () => {
    const session = startQuiz("c", "l1");
    expect(answerQuestion(session, lesson, press("q1", 3))).toEqual({ ok: false });
    expect(answerQuestion(session, lesson, press("q2", 1))).toEqual({ ok: false });
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
    expect(isReadToEnd(startQuiz("c", "l1"), "c", lesson)).toBe(false);
  });
});

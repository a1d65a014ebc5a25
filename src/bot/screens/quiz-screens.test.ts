import { describe, expect, it } from "bun:test";
import { t } from "../../i18n/i18n";
import type { Lang } from "../../i18n/lang";
import {
  CONTENT_LIMITS,
  type Course,
  type Lesson,
  type Localized,
  type Question,
  TRUE_FALSE_OPTIONS,
} from "../../learning/content";
import { mistakesOf } from "../../learning/review";
import { paginate, renderQuestion, renderReview, type Translator } from "./quiz-screens";

const ctx = (lang: Lang): Translator => ({ lang, t: (key, params) => t(lang, key, params) });
const text = (s: string): Localized => ({ ru: s, en: s });
const choice = (id: string, correct = 1): Question => ({
  id,
  question: text(`Is ${id} <right>?`),
  options: [text("A & co"), text("B"), text("C")],
  correct,
  explanation: text("Because B."),
});
const trueFalse: Question = {
  id: "q9",
  kind: "truefalse",
  question: text("Bitcoin has a fixed supply cap."),
  options: TRUE_FALSE_OPTIONS,
  correct: 0,
  explanation: text("21 million."),
};
const lessonWith = (quiz: Question[]): Lesson => ({
  id: "l1",
  title: text("Lesson"),
  pages: [text("p")],
  quiz,
});
const courseOf = (lesson: Lesson): Course => ({
  id: "demo",
  order: 1,
  emoji: "🧪",
  title: text("Demo"),
  description: text("Demo"),
  lessons: [lesson],
});
const buttons = (screen: { keyboard: { inline_keyboard: { text: string }[][] } }) =>
  screen.keyboard.inline_keyboard.map((row) =>
    row.map((b) => [b.text, "callback_data" in b ? b.callback_data : ""]),
  );

describe("question screen", () => {
  it("lists a choice question's options in the order shown, numbered buttons carrying positions", () => {
    const lesson = lessonWith([choice("q1")]);
    const view = {
      kind: "question",
      course: courseOf(lesson),
      lesson,
      index: 0,
      attempt: 7,
      order: [2, 0, 1],
    } as const;
    const screen = renderQuestion(ctx("en"), view);
    expect(screen.text).toEndWith("\n\n1) C\n2) A &amp; co\n3) B");
    expect(buttons(screen)).toEqual([
      [
        ["1", "Q:demo:l1:q1:7:0"],
        ["2", "Q:demo:l1:q1:7:1"],
        ["3", "Q:demo:l1:q1:7:2"],
      ],
      [["« Lessons", "C:demo"]],
    ]);
  });

  it("asks a true/false statement with its two words as buttons, in each language", () => {
    const lesson = lessonWith([trueFalse]);
    const view = {
      kind: "question",
      course: courseOf(lesson),
      lesson,
      index: 0,
      attempt: 1,
      order: [0, 1],
    } as const;
    const en = renderQuestion(ctx("en"), view);
    expect(en.text).toBe(
      "<b>Lesson</b> · question 1 of 1\n\nTrue or false?\n\nBitcoin has a fixed supply cap.",
    );
    expect(buttons(en)[0]).toEqual([
      ["True", "Q:demo:l1:q9:1:0"],
      ["False", "Q:demo:l1:q9:1:1"],
    ]);
    const ru = renderQuestion(ctx("ru"), view);
    expect(ru.text).toContain("Верно или неверно?");
    expect(buttons(ru)[0]?.map(([label]) => label)).toEqual(["Верно", "Неверно"]);
  });
});

describe("review screen", () => {
  it("shows each mistake with its options as shown, the right one and the one chosen marked", () => {
    const lesson = lessonWith([choice("q1"), choice("q2"), trueFalse]);
    const quiz = {
      courseId: "demo",
      lessonId: "l1",
      attempt: 2,
      orders: [
        [2, 0, 1],
        [0, 1, 2],
        [0, 1],
      ],
      answers: [0, 1, 1],
    };
    const view = {
      kind: "review",
      course: courseOf(lesson),
      lesson,
      attempt: 2,
      page: 0,
      mistakes: mistakesOf(lesson, quiz),
    } as const;
    const screen = renderReview(ctx("en"), view);
    expect(screen.text).toBe(
      [
        "🔍 <b>Lesson</b> · mistakes: 2",
        "❌ <b>1.</b> Is q1 &lt;right&gt;?\n▫️ 1) C\n❌ 2) A &amp; co ← your answer\n✅ 3) B\n<i>Because B.</i>",
        "❌ <b>3.</b> Bitcoin has a fixed supply cap.\n✅ 1) True\n❌ 2) False ← your answer\n<i>21 million.</i>",
      ].join("\n\n"),
    );
    expect(buttons(screen)).toEqual([
      [["↻ Retry the quiz", "S:demo:l1"]],
      [["« Lessons", "C:demo"]],
    ]);
  });

  it("splits many long mistakes into pages that fit a Telegram message", () => {
    // Content at its limits, every character one that HTML escaping lengthens.
    const long = (n: number) => text("&".repeat(n));
    const worst = (id: string): Question => ({
      id,
      question: long(CONTENT_LIMITS.question),
      options: Array.from({ length: CONTENT_LIMITS.maxOptions }, () => long(CONTENT_LIMITS.option)),
      correct: 0,
      explanation: long(CONTENT_LIMITS.explanation),
    });
    const quiz = Array.from({ length: 12 }, (_, i) => worst(`q${i + 1}`));
    const lesson = lessonWith(quiz);
    const attempt = {
      courseId: "demo",
      lessonId: "l1",
      attempt: 1,
      orders: quiz.map(() => [0, 1, 2, 3, 4, 5]),
      answers: quiz.map(() => 1),
    };
    const mistakes = mistakesOf(lesson, attempt);
    const render = (page: number) =>
      renderReview(ctx("ru"), {
        kind: "review",
        course: courseOf(lesson),
        lesson,
        attempt: 1,
        page,
        mistakes,
      });
    const first = render(0);
    const pages = Number(/из (\d+)/.exec(first.text)?.[1]);
    expect(pages).toBeGreaterThan(1);
    const seen = [];
    for (let page = 0; page < pages; page++) {
      const screen = render(page);
      expect(screen.text.length).toBeLessThanOrEqual(4096);
      seen.push(...screen.text.matchAll(/<b>(\d+)\.<\/b>/g).map((m) => Number(m[1])));
    }
    // Every mistake appears once, in order, across the pages.
    expect(seen).toEqual(quiz.map((_, i) => i + 1));
    expect(buttons(first)[0]).toEqual([["Ещё »", "R:demo:l1:1:1"]]);
    expect(buttons(render(pages - 1))[0]).toEqual([["« Назад", `R:demo:l1:1:${pages - 2}`]]);
    // A page past the end (an old button) shows the last page.
    expect(render(99).text).toBe(render(pages - 1).text);
  });

  it("packs items greedily without splitting one", () => {
    expect(paginate(["aaaa", "bbbb", "cc"], 10)).toEqual([["aaaa", "bbbb"], ["cc"]]);
    expect(paginate(["a".repeat(12), "b"], 10)).toEqual([["a".repeat(12)], ["b"]]);
    expect(paginate([], 10)).toEqual([[]]);
  });
});

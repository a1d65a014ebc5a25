import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { t } from "../../src/i18n/i18n";
import type { Lang } from "../../src/i18n/lang";
import type { Course, Lesson, Question } from "../../src/learning/content";
import { validateCourses } from "../../src/learning/content-validate";
import { escapeHtml } from "../../src/news/html";

/** A learning screen as a user sees it: its HTML text and buttons as [label, callback data]. */
export interface ShownScreen {
  readonly text: string;
  readonly keyboard: readonly (readonly (readonly string[])[])[];
}

/**
 * The content option indices of `question` in the order the screen shows them, read as a user
 * would: a choice question's buttons are numbered and its text lists `N) option`; a true/false
 * question's buttons carry the words. Throws unless every option is shown exactly once.
 */
export function shownOrder(lang: Lang, question: Question, screen: ShownScreen): number[] {
  const buttons = screen.keyboard[0] ?? [];
  const lines = screen.text.split("\n");
  const order = buttons.map(([label = ""]) => {
    if (question.kind === "truefalse") return question.options.findIndex((o) => o[lang] === label);
    const line = lines.findLast((l) => l.startsWith(`${label}) `));
    return question.options.findIndex((o) => line === `${label}) ${escapeHtml(o[lang])}`);
  });
  const sorted = order.toSorted((a, b) => a - b);
  if (sorted.join() !== question.options.map((_, i) => i).join()) {
    throw new Error(`question ${question.id} is not shown as a permutation: ${order}`);
  }
  return order;
}

/** The callback data of the button showing content option `option`, and the attempt it carries. */
export function answerButton(lang: Lang, question: Question, screen: ShownScreen, option: number) {
  const shown = shownOrder(lang, question, screen).indexOf(option);
  const data = screen.keyboard[0]?.[shown]?.[1] ?? "";
  const attempt = Number(data.split(":")[4]);
  return { data, shown, attempt };
}

/** The question screen's text for options shown in `order`. */
export function questionText(
  lang: Lang,
  lesson: Lesson,
  index: number,
  order: readonly number[],
): string {
  const question = lesson.quiz[index];
  if (!question) throw new Error(`no question ${index}`);
  const params = {
    title: escapeHtml(lesson.title[lang]),
    number: index + 1,
    total: lesson.quiz.length,
    question: escapeHtml(question.question[lang]),
  };
  if (question.kind === "truefalse") return t(lang, "learn.question_truefalse", params);
  const options = order.map(
    (o, shown) => `${shown + 1}) ${escapeHtml(question.options[o]?.[lang] ?? "")}`,
  );
  return t(lang, "learn.question", { ...params, options: options.join("\n") });
}

/** An option as the result and review screens name it: `N) text`, or the word for true/false. */
export function shownOption(
  lang: Lang,
  question: Question,
  order: readonly number[],
  option: number,
) {
  const text = escapeHtml(question.options[option]?.[lang] ?? "");
  return question.kind === "truefalse" ? text : `${order.indexOf(option) + 1}) ${text}`;
}

/** The result screen's text (without reward lines) for `answers` given in `orders`. */
export function resultText(
  lang: Lang,
  lesson: Lesson,
  answers: readonly number[],
  orders: readonly (readonly number[])[],
): string {
  const score = answers.filter((a, i) => a === lesson.quiz[i]?.correct).length;
  const total = lesson.quiz.length;
  const passed = score * 3 >= total * 2;
  const head = t(lang, passed ? "learn.result_passed" : "learn.result_failed", {
    title: escapeHtml(lesson.title[lang]),
    score,
    total,
    needed: Math.ceil((total * 2) / 3),
  });
  const details = lesson.quiz.map((q, i) =>
    t(lang, answers[i] === q.correct ? "learn.result_right" : "learn.result_wrong", {
      question: escapeHtml(q.question[lang]),
      explanation: escapeHtml(q.explanation[lang]),
      answer: shownOption(lang, q, orders[i] ?? [], q.correct),
    }),
  );
  return [head, ...details].join("\n\n");
}

/** The review screen's text when its mistakes fit one page. */
export function reviewText(
  lang: Lang,
  lesson: Lesson,
  answers: readonly number[],
  orders: readonly (readonly number[])[],
): string {
  const items = lesson.quiz.flatMap((q, i) => {
    const chosen = answers[i];
    const order = orders[i] ?? [];
    if (chosen === q.correct) return [];
    const options = order.map((option, shown) => {
      const key =
        option === q.correct
          ? "learn.review_option_right"
          : option === chosen
            ? "learn.review_option_chosen"
            : "learn.review_option";
      return t(lang, key, {
        number: shown + 1,
        option: escapeHtml(q.options[option]?.[lang] ?? ""),
      });
    });
    return [
      t(lang, "learn.review_item", {
        number: i + 1,
        question: escapeHtml(q.question[lang]),
        options: options.join("\n"),
        explanation: escapeHtml(q.explanation[lang]),
      }),
    ];
  });
  const head = t(lang, "learn.review_head", {
    title: escapeHtml(lesson.title[lang]),
    count: items.length,
  });
  return [head, ...items].join("\n\n");
}

/** A message's inline keyboard as [label, callback data] rows, as a user reads it. */
export function keyboardOf(message: { readonly reply_markup?: unknown } | undefined): string[][][] {
  const markup = message?.reply_markup as
    | { inline_keyboard?: { text: string; callback_data?: string }[][] }
    | undefined;
  return (markup?.inline_keyboard ?? []).map((row) =>
    row.map((button) => [button.text, button.callback_data ?? ""]),
  );
}

/** The course files as shipped (read from data/courses, not through the app's loader). */
export function shippedCourses(): Course[] {
  const dir = join(import.meta.dir, "../../data/courses");
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  return validateCourses(
    files.map((f) => JSON.parse(readFileSync(join(dir, f), "utf8"))),
    files,
  ) as Course[];
}

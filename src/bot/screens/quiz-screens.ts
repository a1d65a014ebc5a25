import { InlineKeyboard } from "grammy";
import type { LearnView } from "../../actors/user";
import type { Course, Lesson, Question } from "../../learning/content";
import type { Mistake } from "../../learning/learn-view";
import { escapeHtml } from "../../news/html";
import { encodeAction } from "../callback-data";
import type { BotContext } from "../context";

/** What rendering needs from an update: its language and translator. */
export type Translator = Pick<BotContext, "lang" | "t">;

export type Screen = { readonly text: string; readonly keyboard: InlineKeyboard };

/**
 * The most characters a review page may hold: Telegram's 4096 less room for the reward lines a
 * screen can carry (the review carries none today) and the header.
 */
export const REVIEW_PAGE_CHARS = 3800;

/** A question with its options in the attempt's order; true/false gets its two words as buttons. */
export function renderQuestion(
  ctx: Translator,
  view: Extract<LearnView, { kind: "question" }>,
): Screen {
  const { course, lesson, index, order, attempt } = view;
  const question = lesson.quiz[index];
  if (!question) throw new Error(`no question ${index} in lesson ${lesson.id}`);
  const trueFalse = question.kind === "truefalse";
  const keyboard = new InlineKeyboard();
  order.forEach((option, shown) => {
    const data = encodeAction({
      kind: "answer",
      courseId: course.id,
      lessonId: lesson.id,
      questionId: question.id,
      attempt,
      shown,
    });
    const label = trueFalse ? (question.options[option]?.[ctx.lang] ?? "") : String(shown + 1);
    keyboard.text(label, data);
  });
  keyboard.row().text(ctx.t("learn.to_lessons"), toCourse(course));
  const params = {
    title: escapeHtml(lesson.title[ctx.lang]),
    number: index + 1,
    total: lesson.quiz.length,
    question: escapeHtml(question.question[ctx.lang]),
  };
  if (trueFalse) return { text: ctx.t("learn.question_truefalse", params), keyboard };
  const options = order.map((o, shown) => numbered(ctx, question, shown, o));
  return { text: ctx.t("learn.question", { ...params, options: options.join("\n") }), keyboard };
}

export function renderResult(
  ctx: Translator,
  view: Extract<LearnView, { kind: "result" }>,
): Screen {
  const { course, lesson, score, passed, next } = view;
  const lang = ctx.lang;
  const total = lesson.quiz.length;
  const head = ctx.t(passed ? "learn.result_passed" : "learn.result_failed", {
    title: escapeHtml(lesson.title[lang]),
    score,
    total,
    needed: Math.ceil((total * 2) / 3),
  });
  const details = lesson.quiz.map((q, i) => {
    const shown = view.orders[i]?.indexOf(q.correct) ?? -1;
    const params = {
      question: escapeHtml(q.question[lang]),
      explanation: escapeHtml(q.explanation[lang]),
      answer: numbered(ctx, q, shown, q.correct),
    };
    return ctx.t(
      view.answers[i] === q.correct ? "learn.result_right" : "learn.result_wrong",
      params,
    );
  });
  const isLast = course.lessons.at(-1) === lesson;
  const finished =
    passed && isLast
      ? [ctx.t("learn.course_finished", { title: escapeHtml(course.title[lang]) })]
      : [];
  const keyboard = new InlineKeyboard();
  if (next) keyboard.text(ctx.t("learn.next_lesson"), page(course, next, 0)).row();
  if (score < total) {
    keyboard.text(ctx.t("learn.review_button"), review(course, lesson, view.attempt, 0)).row();
  }
  keyboard.text(ctx.t("learn.retry"), quiz(course, lesson)).row();
  keyboard.text(ctx.t("learn.to_lessons"), toCourse(course));
  return { text: [head, ...details, ...finished].join("\n\n"), keyboard };
}

/**
 * The questions answered wrong, each with its options as they were shown (the right one and the
 * one chosen marked) and its explanation, split into pages that fit a Telegram message.
 */
export function renderReview(
  ctx: Translator,
  view: Extract<LearnView, { kind: "review" }>,
): Screen {
  const { course, lesson, attempt, mistakes } = view;
  const title = escapeHtml(lesson.title[ctx.lang]);
  const limit = REVIEW_PAGE_CHARS - 200;
  // An item longer than a page (not possible with today's content) leaves out the options that
  // were neither chosen nor right; within the content limits that always fits.
  const items = mistakes.map((m) => {
    const full = reviewItem(ctx, m, false);
    return full.length <= limit ? full : reviewItem(ctx, m, true);
  });
  const pages = paginate(items, limit);
  const current = Math.min(view.page, pages.length - 1);
  const count = mistakes.length;
  const head =
    pages.length > 1
      ? ctx.t("learn.review_head_paged", { title, count, page: current + 1, pages: pages.length })
      : ctx.t("learn.review_head", { title, count });
  const body = count === 0 ? [ctx.t("learn.review_none")] : (pages[current] ?? []);
  const keyboard = new InlineKeyboard();
  if (current > 0) {
    keyboard.text(ctx.t("learn.review_prev"), review(course, lesson, attempt, current - 1));
  }
  if (current < pages.length - 1) {
    keyboard.text(ctx.t("learn.review_more"), review(course, lesson, attempt, current + 1));
  }
  if (pages.length > 1) keyboard.row();
  keyboard.text(ctx.t("learn.retry"), quiz(course, lesson)).row();
  keyboard.text(ctx.t("learn.to_lessons"), toCourse(course));
  return { text: [head, ...body].join("\n\n"), keyboard };
}

function reviewItem(ctx: Translator, mistake: Mistake, compact: boolean): string {
  const { question, order, chosen } = mistake;
  const options = order.flatMap((option, shown) => {
    const key =
      option === question.correct
        ? "learn.review_option_right"
        : option === chosen
          ? "learn.review_option_chosen"
          : "learn.review_option";
    if (compact && key === "learn.review_option") return [];
    const text = escapeHtml(question.options[option]?.[ctx.lang] ?? "");
    return [ctx.t(key, { number: shown + 1, option: text })];
  });
  return ctx.t("learn.review_item", {
    number: mistake.index + 1,
    question: escapeHtml(question.question[ctx.lang]),
    options: options.join("\n"),
    explanation: escapeHtml(question.explanation[ctx.lang]),
  });
}

/**
 * Packs items, in order, into pages of at most `limit` characters counting the blank line
 * between them; an item is never split (one longer than `limit` gets a page of its own).
 */
export function paginate(items: readonly string[], limit: number): string[][] {
  const pages: string[][] = [[]];
  let size = 0;
  for (const item of items) {
    const current = pages.at(-1) ?? [];
    const added = (current.length > 0 ? 2 : 0) + item.length;
    if (current.length > 0 && size + added > limit) {
      pages.push([item]);
      size = item.length;
    } else {
      current.push(item);
      size += added;
    }
  }
  return pages;
}

/** An option as shown: `2) text` for a choice question, the word alone for true/false. */
function numbered(ctx: Translator, question: Question, shown: number, option: number): string {
  const text = escapeHtml(question.options[option]?.[ctx.lang] ?? "");
  return question.kind === "truefalse" ? text : `${shown + 1}) ${text}`;
}

const page = (course: Course, lesson: Lesson, n: number) =>
  encodeAction({ kind: "page", courseId: course.id, lessonId: lesson.id, page: n });
const quiz = (course: Course, lesson: Lesson) =>
  encodeAction({ kind: "quiz", courseId: course.id, lessonId: lesson.id });
const review = (course: Course, lesson: Lesson, attempt: number, n: number) =>
  encodeAction({ kind: "review", courseId: course.id, lessonId: lesson.id, attempt, page: n });
const toCourse = (course: Course) => encodeAction({ kind: "course", courseId: course.id });

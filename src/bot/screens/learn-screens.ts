import { InlineKeyboard } from "grammy";
import type { LearnView } from "../../actors/user";
import { assertNever } from "../../errors";
import type { Course, Lesson } from "../../learning/content";
import { XP } from "../../learning/levels";
import { escapeHtml } from "../../news/html";
import { encodeAction } from "../callback-data";
import {
  renderQuestion,
  renderResult,
  renderReview,
  type Screen,
  type Translator,
} from "./quiz-screens";

export type { Screen } from "./quiz-screens";

/** The text and buttons of a learning screen, in the user's language. */
export function learnScreen(ctx: Translator, view: LearnView): Screen {
  const lang = ctx.lang;
  switch (view.kind) {
    case "courses": {
      // One course a row, and no empty row after the last.
      const keyboard = new InlineKeyboard(
        view.courses.map(({ course, done, total }) => [
          InlineKeyboard.text(
            ctx.t("learn.course_button", {
              emoji: course.emoji,
              title: course.title[lang],
              done,
              total,
            }),
            encodeAction({ kind: "course", courseId: course.id }),
          ),
        ]),
      );
      const text = ctx.t("learn.courses", {
        lessonXp: XP.lessonCompleted,
        answerXp: XP.correctAnswer,
        perfectXp: XP.perfectQuiz,
      });
      return { text, keyboard };
    }
    case "course": {
      const { course } = view;
      const keyboard = new InlineKeyboard();
      const lines = view.lessons.map(({ lesson, status }, i) => {
        const line = ctx.t(`learn.lesson_${status}`, { number: i + 1, title: lesson.title[lang] });
        if (status !== "locked") keyboard.text(line, page(course, lesson, 0)).row();
        return escapeHtml(line);
      });
      keyboard.text(ctx.t("learn.to_courses"), encodeAction({ kind: "courses" }));
      const text = ctx.t("learn.course", {
        emoji: escapeHtml(course.emoji),
        title: escapeHtml(course.title[lang]),
        description: escapeHtml(course.description[lang]),
        done: view.lessons.filter((l) => l.status === "done").length,
        total: view.lessons.length,
        lessons: lines.join("\n"),
      });
      return { text, keyboard };
    }
    case "page": {
      const { course, lesson } = view;
      const last = view.page === lesson.pages.length - 1;
      const keyboard = new InlineKeyboard()
        .text(
          ctx.t(view.page === 0 ? "learn.to_lessons" : "learn.back"),
          view.page === 0 ? toCourse(course) : page(course, lesson, view.page - 1),
        )
        .text(
          ctx.t(last ? "learn.take_quiz" : "learn.next"),
          last ? quiz(course, lesson) : page(course, lesson, view.page + 1),
        );
      const text = ctx.t("learn.page", {
        title: escapeHtml(lesson.title[lang]),
        page: view.page + 1,
        pages: lesson.pages.length,
        text: escapeHtml(lesson.pages[view.page]?.[lang] ?? ""),
      });
      return { text, keyboard };
    }
    case "question":
      return renderQuestion(ctx, view);
    case "result":
      return renderResult(ctx, view);
    case "review":
      return renderReview(ctx, view);
    default:
      return assertNever(view);
  }
}

const page = (course: Course, lesson: Lesson, n: number) =>
  encodeAction({ kind: "page", courseId: course.id, lessonId: lesson.id, page: n });
const quiz = (course: Course, lesson: Lesson) =>
  encodeAction({ kind: "quiz", courseId: course.id, lessonId: lesson.id });
const toCourse = (course: Course) => encodeAction({ kind: "course", courseId: course.id });

import { InlineKeyboard } from "grammy";
import type { LearnView } from "../../actors/user";
import { assertNever } from "../../errors";
import type { Course, Lesson } from "../../learning/content";
import { XP } from "../../learning/levels";
import { escapeHtml } from "../../news/html";
import { encodeAction } from "../callback-data";
import type { BotContext } from "../context";

/** What rendering needs from an update: its language and translator. */
type Translator = Pick<BotContext, "lang" | "t">;

export type Screen = { readonly text: string; readonly keyboard: InlineKeyboard };

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
    default:
      return assertNever(view);
  }
}

function renderQuestion(ctx: Translator, view: Extract<LearnView, { kind: "question" }>): Screen {
  const { course, lesson, index } = view;
  const question = lesson.quiz[index];
  if (!question) throw new Error(`no question ${index} in lesson ${lesson.id}`);
  const keyboard = new InlineKeyboard();
  question.options.forEach((_, option) => {
    const data = encodeAction({
      kind: "answer",
      courseId: course.id,
      lessonId: lesson.id,
      questionId: question.id,
      option,
    });
    keyboard.text(String(option + 1), data);
  });
  keyboard.row().text(ctx.t("learn.to_lessons"), toCourse(course));
  const options = question.options.map((o, i) => `${i + 1}) ${escapeHtml(o[ctx.lang])}`);
  const text = ctx.t("learn.question", {
    title: escapeHtml(lesson.title[ctx.lang]),
    number: index + 1,
    total: lesson.quiz.length,
    question: escapeHtml(question.question[ctx.lang]),
    options: options.join("\n"),
  });
  return { text, keyboard };
}

function renderResult(ctx: Translator, view: Extract<LearnView, { kind: "result" }>): Screen {
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
    const params = {
      question: escapeHtml(q.question[lang]),
      explanation: escapeHtml(q.explanation[lang]),
      answer: escapeHtml(q.options[q.correct]?.[lang] ?? ""),
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
  keyboard.text(ctx.t("learn.retry"), quiz(course, lesson)).row();
  keyboard.text(ctx.t("learn.to_lessons"), toCourse(course));
  return { text: [head, ...details, ...finished].join("\n\n"), keyboard };
}

const page = (course: Course, lesson: Lesson, n: number) =>
  encodeAction({ kind: "page", courseId: course.id, lessonId: lesson.id, page: n });
const quiz = (course: Course, lesson: Lesson) =>
  encodeAction({ kind: "quiz", courseId: course.id, lessonId: lesson.id });
const toCourse = (course: Course) => encodeAction({ kind: "course", courseId: course.id });

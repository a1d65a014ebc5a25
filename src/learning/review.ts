import type { Course, Lesson } from "./content";
import type { Mistake } from "./learn-view";
import type { QuizAttempt } from "./quiz-session";

/** The questions of a finished attempt answered wrong, in quiz order. */
export function mistakesOf(lesson: Lesson, quiz: QuizAttempt): Mistake[] {
  return lesson.quiz.flatMap((question, index) => {
    const chosen = quiz.answers[index];
    const order = quiz.orders[index];
    if (chosen === undefined || order === undefined || chosen === question.correct) return [];
    return [{ question, index, order, chosen }];
  });
}

/** The review screen of `quiz` (the user's last finished attempt at `lesson`). */
export const reviewView = (course: Course, lesson: Lesson, quiz: QuizAttempt, page: number) =>
  ({
    kind: "review",
    course,
    lesson,
    attempt: quiz.attempt,
    page,
    mistakes: mistakesOf(lesson, quiz),
  }) as const;

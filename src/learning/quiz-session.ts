import type { Lesson } from "./content";

/**
 * Where a user is in a lesson. It lives in the user actor's memory only: a passivated or
 * restarted actor has none, and a button of the lost session is answered as stale.
 */
export type LearnSession =
  | {
      readonly kind: "reading";
      readonly courseId: string;
      readonly lessonId: string;
      readonly page: number;
    }
  | {
      readonly kind: "quiz";
      readonly courseId: string;
      readonly lessonId: string;
      /** Options chosen so far; the current question is `lesson.quiz[answers.length]`. */
      readonly answers: readonly number[];
    };

/** A press of an answer button, as parsed from its callback data. */
export interface AnswerPress {
  readonly courseId: string;
  readonly lessonId: string;
  readonly questionId: string;
  readonly option: number;
}

export type AnswerOutcome =
  | {
      readonly ok: true;
      readonly correct: boolean;
      readonly finished: boolean;
      /** The session after this answer; with `finished`, it holds every answer. */
      readonly session: Extract<LearnSession, { kind: "quiz" }>;
    }
  /** Not the current question of a running quiz: a double press, an old or forged button. */
  | { readonly ok: false };

export const startQuiz = (courseId: string, lessonId: string): LearnSession => ({
  kind: "quiz",
  courseId,
  lessonId,
  answers: [],
});

/**
 * Accepts an answer only for the current question of the running quiz of that lesson, so a
 * second press of the same button finds the quiz moved on and counts nothing.
 */
export function answerQuestion(
  session: LearnSession | undefined,
  lesson: Lesson,
  press: AnswerPress,
): AnswerOutcome {
  if (
    session?.kind !== "quiz" ||
    session.courseId !== press.courseId ||
    session.lessonId !== press.lessonId ||
    lesson.id !== press.lessonId
  ) {
    return { ok: false };
  }
  const question = lesson.quiz[session.answers.length];
  if (!question || question.id !== press.questionId) return { ok: false };
  if (
    !Number.isInteger(press.option) ||
    press.option < 0 ||
    press.option >= question.options.length
  ) {
    return { ok: false };
  }
  const answers = [...session.answers, press.option];
  return {
    ok: true,
    correct: press.option === question.correct,
    finished: answers.length === lesson.quiz.length,
    session: { ...session, answers },
  };
}

/** Right answers among `answers`. */
export function scoreOf(lesson: Lesson, answers: readonly number[]): number {
  return answers.filter((option, i) => lesson.quiz[i]?.correct === option).length;
}

/** Whether the user was on the last page of this lesson: starting its quiz then reads it through. */
export function isReadToEnd(
  session: LearnSession | undefined,
  courseId: string,
  lesson: Lesson,
): boolean {
  return (
    session?.kind === "reading" &&
    session.courseId === courseId &&
    session.lessonId === lesson.id &&
    session.page === lesson.pages.length - 1
  );
}

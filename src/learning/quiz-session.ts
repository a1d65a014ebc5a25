import type { Lesson } from "./content";

/** One attempt at a lesson's quiz: the option order shown for each question and the answers. */
export interface QuizAttempt {
  readonly courseId: string;
  readonly lessonId: string;
  /** The user's quiz count when it started (1, 2, …): it seeds the option order. */
  readonly attempt: number;
  /** Per question, `order[shown] = option index in the content` (see optionOrder). */
  readonly orders: readonly (readonly number[])[];
  /** Content option indices chosen so far; the current question is `quiz[answers.length]`. */
  readonly answers: readonly number[];
}

/**
 * Where a user is in a lesson: reading a page, or in a quiz. It is saved with the user (see
 * learn-place.ts), so a passivated or restarted actor carries on where the user was.
 */
export type LearnSession =
  | {
      readonly kind: "reading";
      readonly courseId: string;
      readonly lessonId: string;
      readonly page: number;
    }
  | ({ readonly kind: "quiz" } & QuizAttempt);

export type QuizRun = Extract<LearnSession, { kind: "quiz" }>;

/** A press of an answer button, as parsed from its callback data. */
export interface AnswerPress {
  readonly courseId: string;
  readonly lessonId: string;
  readonly questionId: string;
  readonly attempt: number;
  /** The option's position on screen (0-based), mapped through the attempt's order. */
  readonly shown: number;
}

export type AnswerOutcome =
  | {
      readonly ok: true;
      readonly correct: boolean;
      readonly finished: boolean;
      /** The run after this answer; with `finished`, it holds every answer. */
      readonly session: QuizRun;
    }
  /**
   * `stale`: the attempt is running but this is not its current question or a shown option (a
   * double press, a forged button). `gone`: no running attempt of that lesson and number.
   */
  | { readonly ok: false; readonly reason: "stale" | "gone" };

export const startQuiz = (
  courseId: string,
  lessonId: string,
  attempt: number,
  orders: readonly (readonly number[])[],
): QuizRun => ({ kind: "quiz", courseId, lessonId, attempt, orders, answers: [] });

/**
 * Accepts an answer only for the current question of the running attempt of that lesson, so a
 * second press of the same button finds the quiz moved on and counts nothing, and a button of an
 * earlier attempt (shown in another order) cannot be taken for this one.
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
    session.attempt !== press.attempt ||
    lesson.id !== press.lessonId
  ) {
    return { ok: false, reason: "gone" };
  }
  const index = session.answers.length;
  const question = lesson.quiz[index];
  const option = session.orders[index]?.[press.shown];
  if (!question || question.id !== press.questionId || option === undefined) {
    return { ok: false, reason: "stale" };
  }
  const answers = [...session.answers, option];
  return {
    ok: true,
    correct: option === question.correct,
    finished: answers.length === lesson.quiz.length,
    session: { ...session, answers },
  };
}

/** Right answers among `answers` (content option indices). */
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

/** Whether `quiz` is attempt `attempt` at that lesson. */
export const isAttempt = (
  quiz: QuizAttempt | undefined,
  courseId: string,
  lessonId: string,
  attempt: number,
): quiz is QuizAttempt =>
  quiz?.courseId === courseId && quiz.lessonId === lessonId && quiz.attempt === attempt;

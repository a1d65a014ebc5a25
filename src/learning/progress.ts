import type { Course } from "./content";
import { XP } from "./levels";

/** A user's record for one lesson. */
export interface LessonProgress {
  /** Most questions answered right in one attempt. */
  readonly bestScore: number;
  /** The quiz was passed at least once, which opens the next lesson. */
  readonly completed: boolean;
}

/** Lesson progress keyed by {@link progressKey}. */
export type ProgressMap = ReadonlyMap<string, LessonProgress>;

export type LessonStatus = "done" | "open" | "locked";

export const progressKey = (courseId: string, lessonId: string): string =>
  `${courseId}/${lessonId}`;

/** A quiz is passed with at least two thirds of its answers right. */
export const isPassed = (score: number, total: number): boolean => score * 3 >= total * 2;

/**
 * Each lesson of a course: done once its quiz was passed, open when it is the first lesson or
 * the one before it is done, locked otherwise. Every course's first lesson is open.
 */
export function lessonStatuses(course: Course, progress: ProgressMap): LessonStatus[] {
  return course.lessons.map((lesson, i) => {
    if (progress.get(progressKey(course.id, lesson.id))?.completed) return "done";
    const previous = course.lessons[i - 1];
    const open = !previous || progress.get(progressKey(course.id, previous.id))?.completed;
    return open ? "open" : "locked";
  });
}

/** Whether a lesson can be read and its quiz taken. */
export function isUnlocked(course: Course, lessonId: string, progress: ProgressMap): boolean {
  const index = course.lessons.findIndex((l) => l.id === lessonId);
  return index >= 0 && lessonStatuses(course, progress)[index] !== "locked";
}

/** Lessons done out of all lessons of a course. */
export function courseProgress(course: Course, progress: ProgressMap) {
  const done = course.lessons.filter((l) => progress.get(progressKey(course.id, l.id))?.completed);
  return { done: done.length, total: course.lessons.length };
}

/** What one finished quiz earns. */
export interface QuizRewards {
  readonly passed: boolean;
  readonly perfect: boolean;
  /** XP for right answers, the lesson and a perfect score; see {@link quizRewards}. */
  readonly xp: number;
  readonly progress: LessonProgress;
}

/**
 * The rewards for a quiz finished with `score` of `total`, given the lesson's record so far.
 * XP cannot be farmed by retrying: right answers earn {@link XP.correctAnswer} only beyond the
 * lesson's best score, the lesson bonus comes with its first pass and the perfect bonus with its
 * first perfect score.
 */
export function quizRewards(
  previous: LessonProgress | undefined,
  score: number,
  total: number,
): QuizRewards {
  const best = previous?.bestScore ?? 0;
  const passed = isPassed(score, total);
  const perfect = score === total;
  const firstPass = passed && !previous?.completed;
  const firstPerfect = perfect && best < total;
  const xp =
    Math.max(0, score - best) * XP.correctAnswer +
    (firstPass ? XP.lessonCompleted : 0) +
    (firstPerfect ? XP.perfectQuiz : 0);
  return {
    passed,
    perfect,
    xp,
    progress: {
      bestScore: Math.max(best, score),
      completed: Boolean(previous?.completed) || passed,
    },
  };
}

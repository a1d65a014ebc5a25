import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { Lesson, Question } from "./content";

/**
 * The order a question's options are shown in: `order[shown] = option index in the content`.
 * A true/false question keeps True first; a choice question is shuffled (Fisher-Yates) by a
 * generator seeded from the user, the lesson, the attempt and the question, so one attempt shows
 * one order wherever it is recomputed, and another user or attempt most likely another.
 */
export function optionOrder(
  userId: number,
  courseId: string,
  lessonId: string,
  attempt: number,
  question: Question,
): number[] {
  const order = question.options.map((_, i) => i);
  if (question.kind === "truefalse") return order;
  const rng = xoroshiro128plus(
    Bun.hash.xxHash32(`${userId}:${courseId}:${lessonId}:${attempt}:${question.id}`),
  );
  for (let i = order.length - 1; i > 0; i--) {
    const j = uniformInt(rng, 0, i);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/** The option order of every question of a lesson's quiz for one attempt. */
export const quizOrders = (
  userId: number,
  courseId: string,
  lesson: Lesson,
  attempt: number,
): number[][] => lesson.quiz.map((q) => optionOrder(userId, courseId, lesson.id, attempt, q));

/** Whether `order` is a permutation of `0 … count - 1`. */
export function isOrderOf(order: readonly number[], count: number): boolean {
  if (order.length !== count) return false;
  const seen = new Set(order);
  return seen.size === count && order.every((i) => Number.isInteger(i) && i >= 0 && i < count);
}

import { utcDay } from "../clock";
import { utcWeek } from "./calendar";
import type { LearnReply } from "./learn-decide";
import type { Decision } from "./learner";
import { levelFor } from "./levels";

/** XP for passing, the same UTC day, the lesson suggested under a news explanation (once). */
export const NEWS_LESSON_BONUS = 10;

/** Whether a suggested lesson was offered today and its bonus not paid yet. */
export type SuggestionState = "open" | "paid" | undefined;

/** A learning reply that may carry the news-lesson bonus. */
export type LearnReplyWithBonus = LearnReply & { readonly newsBonus?: number };

/**
 * Adds the news-lesson bonus to a finished quiz: when the quiz passed its lesson and that lesson
 * was suggested under an explanation today (`suggestion` is "open"), +NEWS_LESSON_BONUS XP,
 * committed with the quiz, and the suggestion marked paid so it is paid once.
 */
export function withLessonBonus(
  decision: Decision<LearnReply>,
  suggestion: SuggestionState,
  now: number,
): Decision<LearnReplyWithBonus> {
  const { reply } = decision;
  if (!reply.ok || reply.view.kind !== "result" || !reply.view.passed || suggestion !== "open") {
    return decision;
  }
  const { view } = reply;
  const userId = decision.next.id;
  const day = utcDay(now);
  const bonus = NEWS_LESSON_BONUS;
  const xp = decision.next.xp + bonus;
  const before = reply.reward ? reply.reward.xp - reply.reward.xpAwarded : decision.next.xp;
  const reward = reply.reward && {
    ...reply.reward,
    xpAwarded: reply.reward.xpAwarded + bonus,
    xp,
    level: levelFor(xp).level,
    leveledUp: levelFor(xp).level > levelFor(before).level,
  };
  return {
    ...decision,
    reply: { ...reply, ...(reward ? { reward } : {}), newsBonus: bonus },
    next: { ...decision.next, xp },
    writes: [
      ...decision.writes,
      { type: "awardXp", userId, amount: bonus, week: utcWeek(day) },
      { type: "recordDay", userId, day, xp: bonus, learnedAt: now },
      {
        type: "lessonBonusPaid",
        userId,
        day,
        courseId: view.course.id,
        lessonId: view.lesson.id,
        at: now,
      },
    ],
  };
}

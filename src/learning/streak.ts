import type { Streak } from "../db/learning-rows";

export type { Streak };

export const NO_STREAK: Streak = { days: 0, lastDay: 0 };

/**
 * The streak after an activity on `day`: the same day keeps it, the next day extends it, a gap
 * starts again at 1. Returns `streak` itself when nothing changes, so callers can skip a write.
 */
export function extendStreak(streak: Streak, day: number): Streak {
  // A clock stepping back across midnight must not break or double-count a streak.
  if (streak.days > 0 && streak.lastDay >= day) return streak;
  const days = streak.days > 0 && streak.lastDay === day - 1 ? streak.days + 1 : 1;
  return { days, lastDay: day };
}

/** The streak as it stands on `today`: alive while its last day is today or yesterday. */
export function currentStreak(
  streak: Streak,
  today: number,
): { readonly days: number; readonly doneToday: boolean } {
  if (streak.days === 0 || streak.lastDay < today - 1) return { days: 0, doneToday: false };
  return { days: streak.days, doneToday: streak.lastDay >= today };
}

import type { DayRow } from "../db/habit-reads";
import type { Learner } from "./learner";
import type { WeeklyProgress } from "./progress-chart-svg";
import { weeklyProgress } from "./progress-week";
import { currentStreak } from "./streak";

/** Whether an activity's quest events include learning (a lesson or a quiz), not only news. */
export const isLearning = (events: Readonly<Record<string, number | undefined>>): boolean =>
  Object.entries(events).some(([kind, n]) => kind !== "explain" && (n ?? 0) > 0);

/**
 * The seven UTC days ending `today` for /profile and /progress: XP per day from xp_daily, and
 * as active every day with a row or inside the current streak (which also covers days before
 * xp_daily existed).
 */
export function weekOf(state: Learner, rows: readonly DayRow[], today: number): WeeklyProgress {
  const streak = currentStreak(state.streak, today);
  const activeDays = new Set(rows.map((r) => r.day));
  for (let i = 0; i < streak.days; i++) activeDays.add(state.streak.lastDay - i);
  return weeklyProgress({
    today,
    xpByDay: new Map(rows.map((r) => [r.day, r.xp])),
    activeDays,
    xp: state.xp,
    streak: streak.days,
  });
}

/** A text progress bar to the next level, e.g. `▰▰▰▰▰▰▱▱▱▱ 60%` (full at the top level). */
export function progressBar(week: WeeklyProgress, cells = 10): string {
  const span = week.nextLevelXp === undefined ? 0 : week.nextLevelXp - week.levelStartXp;
  const share = span <= 0 ? 1 : Math.min(1, Math.max(0, (week.xp - week.levelStartXp) / span));
  const filled = Math.floor(share * cells);
  return `${"▰".repeat(filled)}${"▱".repeat(cells - filled)} ${Math.floor(share * 100)}%`;
}

import { LEVEL_XP, levelFor } from "./levels";
import type { WeeklyProgress } from "./progress-chart-svg";

/** What the store knows about a user, for {@link weeklyProgress}. */
export interface WeekFacts {
  /** Today's UTC day number. */
  readonly today: number;
  /** XP earned per UTC day number; days without an entry earned none. */
  readonly xpByDay: ReadonlyMap<number, number>;
  /** UTC day numbers with a lesson, quiz or explanation. */
  readonly activeDays: ReadonlySet<number>;
  /** Total XP. */
  readonly xp: number;
  /** The streak as it stands today (`currentStreak(...).days`). */
  readonly streak: number;
}

/** The picture's input: the seven UTC days ending today, and the level that `xp` reaches. */
export function weeklyProgress(facts: WeekFacts): WeeklyProgress {
  const { level, nextAt } = levelFor(facts.xp);
  const days = Array.from({ length: 7 }, (_, i) => {
    const day = facts.today - 6 + i;
    return { day, xp: facts.xpByDay.get(day) ?? 0, active: facts.activeDays.has(day) };
  });
  return {
    days,
    level,
    xp: facts.xp,
    levelStartXp: LEVEL_XP[level - 1] ?? 0,
    nextLevelXp: nextAt,
    streak: facts.streak,
  };
}

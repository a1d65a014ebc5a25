import { utcDay } from "../clock";
import type { Write } from "../db/writes";
import { utcWeek } from "./calendar";
import { isLearning } from "./daily-xp";
import { ensureUser, type Learner } from "./learner";
import { levelFor, XP } from "./levels";
import {
  advanceQuests,
  type DailyQuests,
  drawQuests,
  type Quest,
  type QuestEvents,
  type QuestRow,
  questsFromRows,
} from "./quests";
import { extendStreak } from "./streak";

/** What an activity earned, told to the user only after it was committed. */
export interface Reward {
  /** XP for the activity plus any quest bonus. */
  readonly xpAwarded: number;
  readonly xp: number;
  readonly level: number;
  readonly leveledUp: boolean;
  readonly questsCompleted: readonly Quest[];
  /** The streak's new length when this was the day's first activity. */
  readonly streakExtended: number | undefined;
}

export interface ActivityInput {
  readonly baseXp: number;
  readonly events: QuestEvents;
  /** The activity's own writes, committed in the same transaction as its XP. */
  readonly writes: readonly Write[];
}

/**
 * The state with today's quests: the ones it holds, else the stored rows (`stored` reads them
 * only when needed), else a fresh draw.
 */
export function withQuestsOf(
  state: Learner,
  day: number,
  stored: () => readonly QuestRow[],
): Learner {
  if (state.quests?.day === day) return state;
  const rows = stored();
  const quests: DailyQuests =
    rows.length > 0 ? questsFromRows(day, rows) : drawQuests(state.id, day);
  return { ...state, quests };
}

/**
 * Turns an activity (an explanation, a lesson read, a quiz) into XP, streak and quest progress:
 * the writes to commit in one transaction with the activity's own, the state after, and the
 * reward to report. `state.quests` must be today's (see withQuestsOf).
 */
export function rewardActivity(
  state: Learner,
  input: ActivityInput,
  now: number,
): { readonly next: Learner; readonly writes: readonly Write[]; readonly reward: Reward } {
  const day = utcDay(now);
  const today = state.quests?.day === day ? state.quests : drawQuests(state.id, day);
  const advanced = advanceQuests(today, input.events);
  const xpAwarded = input.baseXp + advanced.completed.length * XP.questCompleted;
  const streak = extendStreak(state.streak, day);
  const userId = state.id;
  const writes: Write[] = [...input.writes];
  if (xpAwarded > 0)
    writes.push({ type: "awardXp", userId, amount: xpAwarded, week: utcWeek(day) });
  const learned = isLearning(input.events);
  if (xpAwarded > 0 || learned) {
    const learnedAt = learned ? { learnedAt: now } : {};
    writes.push({ type: "recordDay", userId, day, xp: xpAwarded, ...learnedAt });
  }
  if (streak !== state.streak) {
    writes.push({ type: "setStreak", userId, days: streak.days, lastDay: streak.lastDay });
  }
  if (advanced.changed) {
    const quests = advanced.daily.quests.map((q) => ({ ...q, questId: q.id }));
    writes.push({ type: "saveQuests", userId, day, quests });
  }
  const xp = state.xp + xpAwarded;
  const level = levelFor(xp).level;
  return {
    next: { ...state, persisted: true, xp, streak, quests: advanced.daily },
    // Every row references the user's, so its row is (re)written first when anything is.
    writes: writes.length > 0 ? [ensureUser(state, state.lang, now), ...writes] : [],
    reward: {
      xpAwarded,
      xp,
      level,
      leveledUp: level > levelFor(state.xp).level,
      questsCompleted: advanced.completed,
      streakExtended: streak !== state.streak ? streak.days : undefined,
    },
  };
}

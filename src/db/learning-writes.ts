import type { Database } from "bun:sqlite";
import { assertNever } from "../errors";
import type { QuestRow } from "./learning-rows";

/** XP, streaks, quizzes, quests and the place in lessons. Only the DB-writer applies these. */
export type LearningWrite =
  /** Adds to the user's total and to their XP of `week` (see utcWeek), in one transaction. */
  | {
      readonly type: "awardXp";
      readonly userId: number;
      readonly amount: number;
      readonly week: number;
    }
  /** XP and learning on one UTC day (see xp_daily), in the same transaction as the award. */
  | {
      readonly type: "recordDay";
      readonly userId: number;
      readonly day: number;
      readonly xp: number;
      /** When a lesson or quiz was done; absent for other activity (an explanation). */
      readonly learnedAt?: number;
    }
  | {
      readonly type: "setStreak";
      readonly userId: number;
      readonly days: number;
      readonly lastDay: number;
    }
  /** A finished quiz: keeps the best score, and the time of the first pass. */
  | {
      readonly type: "recordQuiz";
      readonly userId: number;
      readonly courseId: string;
      readonly lessonId: string;
      readonly score: number;
      readonly passed: boolean;
      readonly at: number;
    }
  /** Saves a day's quests (all of them, so a day's rows are complete) and prunes older days. */
  | {
      readonly type: "saveQuests";
      readonly userId: number;
      readonly day: number;
      readonly quests: readonly QuestRow[];
    }
  /** Where the user is in lessons and quizzes: an opaque JSON document (see learn-place.ts). */
  | {
      readonly type: "saveLearning";
      readonly userId: number;
      readonly data: string;
      readonly at: number;
    };

/** How many UTC days of xp_daily a user keeps. */
export const DAYS_KEPT = 35;

/** Prepares the statements once and returns a function applying one learning write. */
export function createLearningWriteApplier(db: Database): (write: LearningWrite) => void {
  const awardXp = db.prepare("UPDATE users SET xp = xp + $amount WHERE id = $userId");
  const awardWeeklyXp = db.prepare(
    `INSERT INTO xp_weekly (week, user_id, xp) VALUES ($week, $userId, $amount)
     ON CONFLICT(week, user_id) DO UPDATE SET xp = xp + excluded.xp`,
  );
  const recordDay = db.prepare(
    `INSERT INTO xp_daily (user_id, day, xp, learned_at) VALUES ($userId, $day, $xp, $learnedAt)
     ON CONFLICT(user_id, day) DO UPDATE SET
       xp = xp + excluded.xp,
       learned_at = coalesce(max(learned_at, excluded.learned_at), learned_at, excluded.learned_at)`,
  );
  // Only the last weeks are ever shown; a user's older days go when a new day is written.
  const pruneDays = db.prepare("DELETE FROM xp_daily WHERE user_id = $userId AND day < $before");
  const setStreak = db.prepare(
    "UPDATE users SET streak_days = $days, streak_last_day = $lastDay WHERE id = $userId",
  );
  const recordQuiz = db.prepare(
    `INSERT INTO lesson_progress (user_id, course_id, lesson_id, best_score, completed_at)
     VALUES ($userId, $courseId, $lessonId, $score, CASE WHEN $passed THEN $at END)
     ON CONFLICT(user_id, course_id, lesson_id) DO UPDATE SET
       best_score = max(best_score, excluded.best_score),
       completed_at = coalesce(completed_at, excluded.completed_at)`,
  );
  const pruneQuests = db.prepare("DELETE FROM quests WHERE user_id = $userId AND day < $day");
  const saveQuest = db.prepare(
    `INSERT INTO quests (user_id, day, quest_id, progress, target, completed)
     VALUES ($userId, $day, $questId, $progress, $target, $completed)
     ON CONFLICT(user_id, day, quest_id) DO UPDATE SET
       progress = excluded.progress, target = excluded.target, completed = excluded.completed`,
  );
  const saveLearning = db.prepare(
    `INSERT INTO learn_sessions (user_id, data, updated_at) VALUES ($userId, $data, $at)
     ON CONFLICT(user_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
  );
  return (write) => {
    switch (write.type) {
      case "awardXp": {
        const params = { userId: write.userId, amount: write.amount };
        awardXp.run(params);
        return void awardWeeklyXp.run({ ...params, week: write.week });
      }
      case "recordDay": {
        const { userId, day } = write;
        const learnedAt = write.learnedAt ?? null;
        recordDay.run({ userId, day, xp: write.xp, learnedAt });
        return void pruneDays.run({ userId, before: day - DAYS_KEPT });
      }
      case "setStreak":
        return void setStreak.run({
          userId: write.userId,
          days: write.days,
          lastDay: write.lastDay,
        });
      case "recordQuiz":
        return void recordQuiz.run({
          userId: write.userId,
          courseId: write.courseId,
          lessonId: write.lessonId,
          score: write.score,
          passed: write.passed ? 1 : 0,
          at: write.at,
        });
      case "saveQuests": {
        pruneQuests.run({ userId: write.userId, day: write.day });
        for (const quest of write.quests) {
          saveQuest.run({
            userId: write.userId,
            day: write.day,
            questId: quest.questId,
            progress: quest.progress,
            target: quest.target,
            completed: quest.completed ? 1 : 0,
          });
        }
        return;
      }
      case "saveLearning":
        return void saveLearning.run({ userId: write.userId, data: write.data, at: write.at });
      default:
        return assertNever(write);
    }
  };
}

import type { Database } from "bun:sqlite";
import { assertNever } from "../errors";
import type { Lang } from "../i18n/lang";
import type { QuestRow } from "./learning-rows";

/** Every change RVX makes to SQLite. Only the DB-writer actor applies these. */
export type Write =
  | {
      readonly type: "ensureUser";
      readonly userId: number;
      readonly firstName: string;
      readonly lang: Lang;
      readonly at: number;
    }
  | { readonly type: "setLanguage"; readonly userId: number; readonly lang: Lang }
  | {
      readonly type: "consumeQuota";
      readonly userId: number;
      readonly at: number;
      readonly day: number;
      readonly used: number;
    }
  /** Adds to the user's total and to their XP of `week` (see utcWeek), in one transaction. */
  | {
      readonly type: "awardXp";
      readonly userId: number;
      readonly amount: number;
      readonly week: number;
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
  | {
      readonly type: "logRequest";
      readonly userId: number;
      readonly source: string;
      readonly at: number;
      readonly durationMs: number;
    }
  | {
      readonly type: "cachePut";
      readonly key: string;
      readonly text: string;
      readonly source: string;
      readonly at: number;
      readonly expiresAt: number;
      /** The news text answered (for the near-duplicate index's rebuild at start). */
      readonly news?: string;
    }
  | { readonly type: "cachePrune"; readonly before: number }
  | { readonly type: "deleteUser"; readonly userId: number }
  | { readonly type: "setBanned"; readonly userId: number; readonly banned: boolean }
  /** An admin broadcast waiting for its confirm button (status 'pending'). */
  | {
      readonly type: "broadcastCreate";
      readonly broadcastId: number;
      readonly adminId: number;
      readonly chatId: number;
      readonly text: string;
      readonly total: number;
      readonly at: number;
    }
  /** A broadcast's status and how far it got: `cursor` is the last user id it reached. */
  | {
      readonly type: "broadcastProgress";
      readonly broadcastId: number;
      readonly cursor: number;
      readonly sent: number;
      readonly failed: number;
      readonly status: "pending" | "running" | "done" | "cancelled";
      readonly progressMessageId?: number;
    };

/** Prepares every statement once and returns a function applying one write. */
export function createWriteApplier(db: Database): (write: Write) => void {
  const ensureUser = db.prepare(
    `INSERT INTO users (id, first_name, lang, created_at, last_seen_at)
     VALUES ($userId, $firstName, $lang, $at, $at)
     ON CONFLICT(id) DO UPDATE SET
       first_name = excluded.first_name,
       last_seen_at = excluded.last_seen_at,
       lang = CASE WHEN users.lang_chosen THEN users.lang ELSE excluded.lang END`,
  );
  const setLanguage = db.prepare(
    "UPDATE users SET lang = $lang, lang_chosen = 1 WHERE id = $userId",
  );
  const consumeQuota = db.prepare(
    `UPDATE users SET last_request_at = $at, quota_day = $day, quota_used = $used
     WHERE id = $userId`,
  );
  const awardXp = db.prepare("UPDATE users SET xp = xp + $amount WHERE id = $userId");
  const awardWeeklyXp = db.prepare(
    `INSERT INTO xp_weekly (week, user_id, xp) VALUES ($week, $userId, $amount)
     ON CONFLICT(week, user_id) DO UPDATE SET xp = xp + excluded.xp`,
  );
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
  const logRequest = db.prepare(
    `INSERT INTO requests (user_id, source, created_at, duration_ms)
     VALUES ($userId, $source, $at, $durationMs)`,
  );
  const cachePut = db.prepare(
    `INSERT OR REPLACE INTO cache (key, text, source, created_at, expires_at, news)
     VALUES ($key, $text, $source, $at, $expiresAt, $news)`,
  );
  const cachePrune = db.prepare("DELETE FROM cache WHERE expires_at < $before");
  const deleteUser = db.prepare("DELETE FROM users WHERE id = $userId");
  const setBanned = db.prepare("UPDATE users SET banned = $banned WHERE id = $userId");
  const broadcastCreate = db.prepare(
    `INSERT INTO broadcasts (id, admin_id, chat_id, text, status, created_at, total)
     VALUES ($id, $adminId, $chatId, $text, 'pending', $at, $total)`,
  );
  const broadcastProgress = db.prepare(
    `UPDATE broadcasts SET cursor = $cursor, sent = $sent, failed = $failed, status = $status,
       progress_message_id = coalesce($messageId, progress_message_id)
     WHERE id = $id`,
  );

  return (write) => {
    switch (write.type) {
      case "ensureUser":
        return void ensureUser.run({
          userId: write.userId,
          firstName: write.firstName,
          lang: write.lang,
          at: write.at,
        });
      case "setLanguage":
        return void setLanguage.run({ userId: write.userId, lang: write.lang });
      case "consumeQuota":
        return void consumeQuota.run({
          userId: write.userId,
          at: write.at,
          day: write.day,
          used: write.used,
        });
      case "awardXp": {
        const params = { userId: write.userId, amount: write.amount };
        awardXp.run(params);
        return void awardWeeklyXp.run({ ...params, week: write.week });
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
      case "logRequest":
        return void logRequest.run({
          userId: write.userId,
          source: write.source,
          at: write.at,
          durationMs: write.durationMs,
        });
      case "cachePut":
        return void cachePut.run({
          key: write.key,
          text: write.text,
          source: write.source,
          at: write.at,
          expiresAt: write.expiresAt,
          news: write.news ?? null,
        });
      case "cachePrune":
        return void cachePrune.run({ before: write.before });
      case "deleteUser":
        return void deleteUser.run({ userId: write.userId });
      case "setBanned":
        return void setBanned.run({ userId: write.userId, banned: write.banned ? 1 : 0 });
      case "broadcastCreate":
        return void broadcastCreate.run({
          id: write.broadcastId,
          adminId: write.adminId,
          chatId: write.chatId,
          text: write.text,
          at: write.at,
          total: write.total,
        });
      case "broadcastProgress":
        return void broadcastProgress.run({
          id: write.broadcastId,
          cursor: write.cursor,
          sent: write.sent,
          failed: write.failed,
          status: write.status,
          messageId: write.progressMessageId ?? null,
        });
      default:
        return assertNever(write);
    }
  };
}

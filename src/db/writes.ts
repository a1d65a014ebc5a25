import type { Database } from "bun:sqlite";
import { assertNever } from "../errors";
import type { Lang } from "../i18n/lang";
import type { QuestRow } from "./learning-rows";
import { createReachWriteApplier, type ReachWrite } from "./reach-writes";
import { createThreadWriteApplier, type ThreadWrite } from "./thread-writes";

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
  /** XP and learning on one UTC day (see xp_daily), in the same transaction as the award. */
  | {
      readonly type: "recordDay";
      readonly userId: number;
      readonly day: number;
      readonly xp: number;
      /** When a lesson or quiz was done; absent for other activity (an explanation). */
      readonly learnedAt?: number;
    }
  /** Turns the daily reminder on (at `hour` local time) or off; on also clears inactive_at. */
  | {
      readonly type: "setReminder";
      readonly userId: number;
      readonly enabled: boolean;
      readonly hour: number;
      readonly offsetMinutes: number;
      readonly nextAt: number;
    }
  /** Moves a due reminder to its next time, before it is sent (so it is never sent twice). */
  | { readonly type: "reminderDue"; readonly userId: number; readonly nextAt: number }
  | { readonly type: "reminderSent"; readonly userId: number; readonly at: number }
  /** Telegram refused with 403: the user blocked the bot. Stops reminders, marks inactive. */
  | { readonly type: "userUnreachable"; readonly userId: number; readonly at: number }
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
      /** The cache key of the news explained, so a repeat the same day earns nothing. */
      readonly newsKey?: string;
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
  /** Where the user is in lessons and quizzes: an opaque JSON document (see learn-place.ts). */
  | {
      readonly type: "saveLearning";
      readonly userId: number;
      readonly data: string;
      readonly at: number;
    }
  | { readonly type: "cachePrune"; readonly before: number }
  | { readonly type: "deleteUser"; readonly userId: number }
  /**
   * Marks the effects of update `updateId` for a `kind` of request as applied, keeping the reply
   * (JSON) a replay answers with; committed with those effects (see src/db/inbox.ts).
   */
  /** An inbox update whose replies went out (see src/db/inbox.ts). */
  | { readonly type: "inboxDone"; readonly updateId: number }
  | {
      readonly type: "updateApplied";
      readonly updateId: number;
      readonly kind: string;
      readonly reply: string;
      readonly at: number;
    }
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
    }
  | ThreadWrite
  | ReachWrite;

/** How many UTC days of xp_daily a user keeps. */
export const DAYS_KEPT = 35;

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
  const recordDay = db.prepare(
    `INSERT INTO xp_daily (user_id, day, xp, learned_at) VALUES ($userId, $day, $xp, $learnedAt)
     ON CONFLICT(user_id, day) DO UPDATE SET
       xp = xp + excluded.xp,
       learned_at = coalesce(max(learned_at, excluded.learned_at), learned_at, excluded.learned_at)`,
  );
  // Only the last weeks are ever shown; a user's older days go when a new day is written.
  const pruneDays = db.prepare("DELETE FROM xp_daily WHERE user_id = $userId AND day < $before");
  const setReminder = db.prepare(
    `INSERT INTO reminders (user_id, enabled, hour, offset_minutes, next_at)
     VALUES ($userId, $enabled, $hour, $offset, $nextAt)
     ON CONFLICT(user_id) DO UPDATE SET enabled = excluded.enabled, hour = excluded.hour,
       offset_minutes = excluded.offset_minutes, next_at = excluded.next_at`,
  );
  const reactivate = db.prepare("UPDATE users SET inactive_at = NULL WHERE id = $userId");
  const reminderDue = db.prepare("UPDATE reminders SET next_at = $nextAt WHERE user_id = $userId");
  const reminderSent = db.prepare("UPDATE reminders SET sent_at = $at WHERE user_id = $userId");
  const stopReminders = db.prepare("UPDATE reminders SET enabled = 0 WHERE user_id = $userId");
  const markInactive = db.prepare("UPDATE users SET inactive_at = $at WHERE id = $userId");
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
    `INSERT INTO requests (user_id, source, created_at, duration_ms, news_key)
     VALUES ($userId, $source, $at, $durationMs, $newsKey)`,
  );
  const cachePut = db.prepare(
    `INSERT OR REPLACE INTO cache (key, text, source, created_at, expires_at, news)
     VALUES ($key, $text, $source, $at, $expiresAt, $news)`,
  );
  const saveLearning = db.prepare(
    `INSERT INTO learn_sessions (user_id, data, updated_at) VALUES ($userId, $data, $at)
     ON CONFLICT(user_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
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

  const applyThread = createThreadWriteApplier(db);
  const applyReach = createReachWriteApplier(db);

  const forgetEffects = db.prepare(
    `DELETE FROM update_effects WHERE update_id IN
       (SELECT update_id FROM inbox WHERE chat_key = $chatKey)`,
  );
  const forgetInbox = db.prepare("DELETE FROM inbox WHERE chat_key = $chatKey");
  const inboxDone = db.prepare("UPDATE inbox SET state = 'done' WHERE update_id = $updateId");
  const updateApplied = db.prepare(
    `INSERT INTO update_effects (update_id, kind, reply, applied_at)
     VALUES ($updateId, $kind, $reply, $at)`,
  );
  return (write) => {
    switch (write.type) {
      case "threadStart":
      case "threadTurn":
      case "threadLink":
        return applyThread(write);
      case "groupMembership":
      case "groupLanguage":
      case "groupExplained":
      case "lessonSuggested":
      case "lessonBonusPaid":
      case "newsChecked":
        return applyReach(write);
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
      case "recordDay": {
        const { userId, day } = write;
        const learnedAt = write.learnedAt ?? null;
        recordDay.run({ userId, day, xp: write.xp, learnedAt });
        return void pruneDays.run({ userId, before: day - DAYS_KEPT });
      }
      case "setReminder": {
        const { userId, hour, offsetMinutes: offset, nextAt } = write;
        setReminder.run({ userId, enabled: write.enabled ? 1 : 0, hour, offset, nextAt });
        if (write.enabled) reactivate.run({ userId });
        return;
      }
      case "reminderDue":
        return void reminderDue.run({ userId: write.userId, nextAt: write.nextAt });
      case "reminderSent":
        return void reminderSent.run({ userId: write.userId, at: write.at });
      case "userUnreachable":
        stopReminders.run({ userId: write.userId });
        return void markInactive.run({ userId: write.userId, at: write.at });
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
          newsKey: write.newsKey ?? null,
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
      case "saveLearning":
        return void saveLearning.run({ userId: write.userId, data: write.data, at: write.at });
      case "cachePrune":
        return void cachePrune.run({ before: write.before });
      case "deleteUser":
        // Their messages wait in the inbox too (a private chat's key is the user's id).
        forgetEffects.run({ chatKey: String(write.userId) });
        forgetInbox.run({ chatKey: String(write.userId) });
        return void deleteUser.run({ userId: write.userId });
      case "inboxDone":
        return void inboxDone.run({ updateId: write.updateId });
      case "updateApplied":
        return void updateApplied.run({
          updateId: write.updateId,
          kind: write.kind,
          reply: write.reply,
          at: write.at,
        });
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

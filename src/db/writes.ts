import type { Database } from "bun:sqlite";
import { assertNever } from "../errors";
import type { Lang } from "../i18n/lang";
import { type BroadcastWrite, createBroadcastWriteApplier } from "./broadcast-writes";
import { createInboxWriteApplier, type InboxWrite } from "./inbox-writes";
import { createLearningWriteApplier, type LearningWrite } from "./learning-writes";
import { createReachWriteApplier, type ReachWrite } from "./reach-writes";
import { createReminderWriteApplier, type ReminderWrite } from "./reminder-writes";
import { createThreadWriteApplier, type ThreadWrite } from "./thread-writes";

export { DAYS_KEPT } from "./learning-writes";

/**
 * Every change RVX makes to SQLite. Only the DB-writer actor applies these. Users, quotas, the
 * request log and the cache are here; each other area has its own file (`*-writes.ts`).
 */
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
  | { readonly type: "cachePrune"; readonly before: number }
  | { readonly type: "deleteUser"; readonly userId: number }
  | { readonly type: "setBanned"; readonly userId: number; readonly banned: boolean }
  | LearningWrite
  | ReminderWrite
  | InboxWrite
  | BroadcastWrite
  | ThreadWrite
  | ReachWrite;

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
  const logRequest = db.prepare(
    `INSERT INTO requests (user_id, source, created_at, duration_ms, news_key)
     VALUES ($userId, $source, $at, $durationMs, $newsKey)`,
  );
  const cachePut = db.prepare(
    `INSERT OR REPLACE INTO cache (key, text, source, created_at, expires_at, news)
     VALUES ($key, $text, $source, $at, $expiresAt, $news)`,
  );
  const cachePrune = db.prepare("DELETE FROM cache WHERE expires_at < $before");
  const deleteUser = db.prepare("DELETE FROM users WHERE id = $userId");
  const setBanned = db.prepare("UPDATE users SET banned = $banned WHERE id = $userId");

  const forgetEffects = db.prepare(
    `DELETE FROM update_effects WHERE update_id IN
       (SELECT update_id FROM inbox WHERE chat_key = $chatKey)`,
  );
  const forgetInbox = db.prepare("DELETE FROM inbox WHERE chat_key = $chatKey");

  const applyLearning = createLearningWriteApplier(db);
  const applyReminder = createReminderWriteApplier(db);
  const applyInbox = createInboxWriteApplier(db);
  const applyBroadcast = createBroadcastWriteApplier(db);
  const applyThread = createThreadWriteApplier(db);
  const applyReach = createReachWriteApplier(db);
  return (write) => {
    switch (write.type) {
      case "awardXp":
      case "recordDay":
      case "setStreak":
      case "recordQuiz":
      case "saveQuests":
      case "saveLearning":
        return applyLearning(write);
      case "setReminder":
      case "reminderDue":
      case "reminderSent":
      case "userUnreachable":
        return applyReminder(write);
      case "inboxDone":
      case "updateApplied":
        return applyInbox(write);
      case "broadcastCreate":
      case "broadcastProgress":
        return applyBroadcast(write);
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
      case "cachePrune":
        return void cachePrune.run({ before: write.before });
      case "deleteUser":
        // Their messages wait in the inbox too (a private chat's key is the user's id).
        forgetEffects.run({ chatKey: String(write.userId) });
        forgetInbox.run({ chatKey: String(write.userId) });
        return void deleteUser.run({ userId: write.userId });
      case "setBanned":
        return void setBanned.run({ userId: write.userId, banned: write.banned ? 1 : 0 });
      default:
        return assertNever(write);
    }
  };
}

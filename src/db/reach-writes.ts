import type { Database } from "bun:sqlite";
import { assertNever } from "../errors";
import type { Lang } from "../i18n/lang";

/** Changes for groups and news that teaches (see 009-reach.sql). Only the DB-writer applies these. */
export type ReachWrite =
  /** RVX's membership in a group changed (my_chat_member): joined, promoted, left or removed. */
  | {
      readonly type: "groupMembership";
      readonly chatId: number;
      readonly title: string;
      readonly status: string;
      readonly changedBy: number;
      readonly at: number;
    }
  | {
      readonly type: "groupLanguage";
      readonly chatId: number;
      readonly lang: Lang;
      readonly at: number;
    }
  /** An explanation posted in a group; rows before `prunedBefore` go. */
  | {
      readonly type: "groupExplained";
      readonly chatId: number;
      readonly at: number;
      readonly prunedBefore: number;
    }
  | {
      readonly type: "lessonSuggested";
      readonly userId: number;
      readonly day: number;
      readonly courseId: string;
      readonly lessonId: string;
    }
  | {
      readonly type: "lessonBonusPaid";
      readonly userId: number;
      readonly day: number;
      readonly courseId: string;
      readonly lessonId: string;
      readonly at: number;
    }
  | {
      readonly type: "newsChecked";
      readonly userId: number;
      readonly newsKey: string;
      readonly correct: boolean;
      readonly at: number;
    };

const IN_GROUP = new Set(["member", "administrator", "creator", "restricted"]);

/** Prepares the statements once and returns a function applying one reach write. */
export function createReachWriteApplier(db: Database): (write: ReachWrite) => void {
  const membership = db.prepare(
    `INSERT INTO groups (chat_id, title, status, changed_by, joined_at, left_at, updated_at)
     VALUES ($chatId, $title, $status, $by, $joined, $left, $at)
     ON CONFLICT(chat_id) DO UPDATE SET title = excluded.title, status = excluded.status,
       changed_by = excluded.changed_by,
       joined_at = coalesce(excluded.joined_at, groups.joined_at),
       left_at = CASE WHEN excluded.joined_at IS NOT NULL THEN NULL ELSE excluded.left_at END,
       updated_at = excluded.updated_at`,
  );
  const language = db.prepare(
    `INSERT INTO groups (chat_id, status, lang, updated_at) VALUES ($chatId, 'member', $lang, $at)
     ON CONFLICT(chat_id) DO UPDATE SET lang = excluded.lang, updated_at = excluded.updated_at`,
  );
  const explained = db.prepare("INSERT INTO group_explains (chat_id, at) VALUES ($chatId, $at)");
  const prune = db.prepare("DELETE FROM group_explains WHERE chat_id = $chatId AND at < $before");
  const suggested = db.prepare(
    `INSERT OR IGNORE INTO lesson_suggestions (user_id, day, course_id, lesson_id)
     SELECT $userId, $day, $courseId, $lessonId WHERE EXISTS (SELECT 1 FROM users WHERE id = $userId)`,
  );
  const paid = db.prepare(
    `UPDATE lesson_suggestions SET paid_at = $at
     WHERE user_id = $userId AND day = $day AND course_id = $courseId AND lesson_id = $lessonId`,
  );
  const checked = db.prepare(
    `INSERT OR IGNORE INTO news_checks (user_id, news_key, correct, answered_at)
     VALUES ($userId, $newsKey, $correct, $at)`,
  );
  return (write) => {
    switch (write.type) {
      case "groupMembership": {
        const inGroup = IN_GROUP.has(write.status);
        return void membership.run({
          chatId: write.chatId,
          title: write.title,
          status: write.status,
          by: write.changedBy,
          joined: inGroup ? write.at : null,
          left: inGroup ? null : write.at,
          at: write.at,
        });
      }
      case "groupLanguage":
        return void language.run({ chatId: write.chatId, lang: write.lang, at: write.at });
      case "groupExplained":
        prune.run({ chatId: write.chatId, before: write.prunedBefore });
        return void explained.run({ chatId: write.chatId, at: write.at });
      case "lessonSuggested":
        return void suggested.run({
          userId: write.userId,
          day: write.day,
          courseId: write.courseId,
          lessonId: write.lessonId,
        });
      case "lessonBonusPaid":
        return void paid.run({
          userId: write.userId,
          day: write.day,
          courseId: write.courseId,
          lessonId: write.lessonId,
          at: write.at,
        });
      case "newsChecked":
        return void checked.run({
          userId: write.userId,
          newsKey: write.newsKey,
          correct: write.correct ? 1 : 0,
          at: write.at,
        });
      default:
        return assertNever(write);
    }
  };
}

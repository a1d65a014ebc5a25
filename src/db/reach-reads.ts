import type { Database } from "bun:sqlite";
import { isLang, type Lang } from "../i18n/lang";

/** A group as stored: RVX's membership and the language its admins chose. */
export interface GroupRow {
  readonly chatId: number;
  readonly status: string;
  readonly lang?: Lang;
  readonly leftAt?: number;
}

/** Prepared reads for groups and news that teaches (see 009-reach.sql). */
export function createReachReads(db: Database) {
  const group = db.prepare<
    { chatId: number; status: string; lang: string | null; leftAt: number | null },
    [number]
  >("SELECT chat_id AS chatId, status, lang, left_at AS leftAt FROM groups WHERE chat_id = ?");
  const explains = db.prepare<{ at: number }, [number, number]>(
    "SELECT at FROM group_explains WHERE chat_id = ? AND at >= ? ORDER BY at",
  );
  const suggestion = db.prepare<{ paidAt: number | null }, [number, number, string, string]>(
    `SELECT paid_at AS paidAt FROM lesson_suggestions
     WHERE user_id = ? AND day = ? AND course_id = ? AND lesson_id = ?`,
  );
  const check = db.prepare<{ correct: number }, [number, string]>(
    "SELECT correct FROM news_checks WHERE user_id = ? AND news_key = ?",
  );
  return {
    group(chatId: number): GroupRow | undefined {
      const row = group.get(chatId);
      if (!row) return undefined;
      return {
        chatId: row.chatId,
        status: row.status,
        ...(isLang(row.lang ?? undefined) ? { lang: row.lang as Lang } : {}),
        ...(row.leftAt !== null ? { leftAt: row.leftAt } : {}),
      };
    },
    /** When RVX explained something in `chatId` since `since`, oldest first. */
    groupExplains(chatId: number, since: number): number[] {
      return explains.all(chatId, since).map((r) => r.at);
    },
    /** The lesson suggested to `userId` on `day`: "paid" once its bonus was paid. */
    suggestion(
      userId: number,
      day: number,
      courseId: string,
      lessonId: string,
    ): "open" | "paid" | undefined {
      const row = suggestion.get(userId, day, courseId, lessonId);
      if (!row) return undefined;
      return row.paidAt === null ? "open" : "paid";
    },
    /** Whether `userId` answered the check question of news `newsKey` (and how). */
    newsCheck(userId: number, newsKey: string): "right" | "wrong" | undefined {
      const row = check.get(userId, newsKey);
      return row ? (row.correct ? "right" : "wrong") : undefined;
    },
  };
}

export type ReachReads = ReturnType<typeof createReachReads>;

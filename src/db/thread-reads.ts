import type { Database } from "bun:sqlite";

/** One earlier exchange of a thread: RVX's first answer has an empty question. */
export interface ThreadTurnRow {
  readonly question: string;
  readonly answer: string;
}

/** A thread as stored: what it is about and its latest turns, oldest first. */
export interface ThreadRow {
  readonly chatId: number;
  readonly rootId: number;
  readonly userId: number;
  readonly news: string;
  readonly terms: readonly string[];
  readonly updatedAt: number;
  readonly turns: readonly ThreadTurnRow[];
}

/** Prepared reads of conversation threads and of news a user had explained. */
export function createThreadReads(db: Database) {
  const byMessage = db.prepare<
    Omit<ThreadRow, "terms" | "turns"> & { terms: string },
    [number, number]
  >(
    `SELECT t.chat_id AS chatId, t.root_id AS rootId, t.user_id AS userId, t.news, t.terms,
            t.updated_at AS updatedAt
     FROM thread_messages AS m
     JOIN threads AS t ON t.chat_id = m.chat_id AND t.root_id = m.root_id
     WHERE m.chat_id = ? AND m.message_id = ?`,
  );
  const turns = db.prepare<ThreadTurnRow, [number, number, number]>(
    `SELECT question, answer FROM (
       SELECT seq, question, answer FROM thread_turns
       WHERE chat_id = ? AND root_id = ? ORDER BY seq DESC LIMIT ?)
     ORDER BY seq`,
  );
  // EXISTS stops at the first row: counting scanned every repeat of a news the user sent today.
  const explained = db.prepare<{ n: number }, [number, string, number]>(
    `SELECT EXISTS (SELECT 1 FROM requests WHERE user_id = ? AND news_key = ? AND created_at >= ?)
     AS n`,
  );
  return {
    /** The thread RVX's message `messageId` in `chatId` belongs to, with its last `turns`. */
    thread(chatId: number, messageId: number, lastTurns = 3): ThreadRow | undefined {
      const row = byMessage.get(chatId, messageId);
      if (!row) return undefined;
      const parsed: unknown = JSON.parse(row.terms);
      const terms = Array.isArray(parsed) ? parsed.filter((t) => typeof t === "string") : [];
      return { ...row, terms, turns: turns.all(chatId, row.rootId, lastTurns) };
    },
    /** Whether `userId` had the news with cache key `newsKey` explained since `since`. */
    explainedSince(userId: number, newsKey: string, since: number): boolean {
      return (explained.get(userId, newsKey, since)?.n ?? 0) > 0;
    },
  };
}

export type ThreadReads = ReturnType<typeof createThreadReads>;

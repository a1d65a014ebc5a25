import type { Database } from "bun:sqlite";
import { assertNever } from "../errors";

/** Changes to conversation threads (see 006-threads.sql). Only the DB-writer applies these. */
export type ThreadWrite =
  /** A thread begins at RVX's answer `rootId`; the user's threads idle before `expiredBefore` go. */
  | {
      readonly type: "threadStart";
      readonly userId: number;
      readonly chatId: number;
      readonly rootId: number;
      readonly news: string;
      readonly terms: readonly string[];
      /** The question RVX answered first (empty when the thread began with news). */
      readonly question: string;
      readonly answer: string;
      readonly at: number;
      readonly expiredBefore: number;
    }
  /** A follow-up question and RVX's answer, sent as message `messageId`. */
  | {
      readonly type: "threadTurn";
      readonly chatId: number;
      readonly rootId: number;
      readonly messageId: number;
      readonly question: string;
      readonly answer: string;
      readonly at: number;
    }
  /** Another RVX message (the "ask your question" prompt) that belongs to the thread. */
  | {
      readonly type: "threadLink";
      readonly chatId: number;
      readonly rootId: number;
      readonly messageId: number;
    };

/** Prepares the thread statements once and returns a function applying one thread write. */
export function createThreadWriteApplier(db: Database): (write: ThreadWrite) => void {
  const prune = db.prepare("DELETE FROM threads WHERE user_id = $userId AND updated_at < $before");
  const start = db.prepare(
    `INSERT OR REPLACE INTO threads (chat_id, root_id, user_id, news, terms, created_at, updated_at)
     VALUES ($chatId, $rootId, $userId, $news, $terms, $at, $at)`,
  );
  // The next seq is read by its own statement: an INSERT that reads the table it writes makes
  // SQLite copy the SELECT into a temporary table first, which cost twice the insert itself.
  const lastSeq = db.prepare<{ seq: number | null }, [number, number]>(
    "SELECT max(seq) AS seq FROM thread_turns WHERE chat_id = ?1 AND root_id = ?2",
  );
  const insertTurn = db.prepare(
    `INSERT INTO thread_turns (chat_id, root_id, seq, question, answer)
     VALUES ($chatId, $rootId, $seq, $question, $answer)`,
  );
  const turn = {
    run(t: { chatId: number; rootId: number; question: string; answer: string }): void {
      const seq = (lastSeq.get(t.chatId, t.rootId)?.seq ?? -1) + 1;
      insertTurn.run({ ...t, seq });
    },
  };
  const link = db.prepare(
    `INSERT OR REPLACE INTO thread_messages (chat_id, message_id, root_id)
     SELECT $chatId, $messageId, $rootId
     WHERE EXISTS (SELECT 1 FROM threads WHERE chat_id = $chatId AND root_id = $rootId)`,
  );
  const touch = db.prepare(
    "UPDATE threads SET updated_at = $at WHERE chat_id = $chatId AND root_id = $rootId",
  );

  return (write) => {
    switch (write.type) {
      case "threadStart": {
        const { chatId, rootId } = write;
        prune.run({ userId: write.userId, before: write.expiredBefore });
        start.run({
          chatId,
          rootId,
          userId: write.userId,
          news: write.news,
          terms: JSON.stringify(write.terms),
          at: write.at,
        });
        // `start` left the thread without turns (a replaced row's turns went with it, ON DELETE
        // CASCADE, foreign keys on in openDatabase), so its first turn is seq 0.
        insertTurn.run({ chatId, rootId, seq: 0, question: write.question, answer: write.answer });
        return void link.run({ chatId, rootId, messageId: rootId });
      }
      case "threadTurn": {
        const { chatId, rootId } = write;
        // A thread erased meanwhile (/deletemydata) takes no turn: the link finds no thread.
        link.run({ chatId, rootId, messageId: write.messageId });
        const exists = db
          .query("SELECT 1 FROM threads WHERE chat_id = ? AND root_id = ?")
          .get(chatId, rootId);
        if (!exists) return;
        turn.run({ chatId, rootId, question: write.question, answer: write.answer });
        return void touch.run({ chatId, rootId, at: write.at });
      }
      case "threadLink":
        return void link.run({
          chatId: write.chatId,
          rootId: write.rootId,
          messageId: write.messageId,
        });
      default:
        return assertNever(write);
    }
  };
}

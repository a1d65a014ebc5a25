import type { Database } from "bun:sqlite";
import { assertNever } from "../errors";

/** Admin broadcasts (see src/actors/broadcaster.ts). Only the DB-writer applies these. */
export type BroadcastWrite =
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

/** Prepares the statements once and returns a function applying one broadcast write. */
export function createBroadcastWriteApplier(db: Database): (write: BroadcastWrite) => void {
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

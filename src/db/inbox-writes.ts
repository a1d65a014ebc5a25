import type { Database } from "bun:sqlite";
import { assertNever } from "../errors";

/** Marks on inbox updates (see src/db/inbox.ts). Only the DB-writer applies these. */
export type InboxWrite =
  /** An inbox update whose replies went out (see src/db/inbox.ts). */
  | { readonly type: "inboxDone"; readonly updateId: number }
  /**
   * Marks the effects of update `updateId` for a `kind` of request as applied, keeping the reply
   * (JSON) a replay answers with; committed with those effects (see src/db/inbox.ts).
   */
  | {
      readonly type: "updateApplied";
      readonly updateId: number;
      readonly kind: string;
      readonly reply: string;
      readonly at: number;
    };

/** Prepares the statements once and returns a function applying one inbox write. */
export function createInboxWriteApplier(db: Database): (write: InboxWrite) => void {
  const inboxDone = db.prepare("UPDATE inbox SET state = 'done' WHERE update_id = $updateId");
  const updateApplied = db.prepare(
    `INSERT INTO update_effects (update_id, kind, reply, applied_at)
     VALUES ($updateId, $kind, $reply, $at)`,
  );
  return (write) => {
    switch (write.type) {
      case "inboxDone":
        return void inboxDone.run({ updateId: write.updateId });
      case "updateApplied":
        return void updateApplied.run({
          updateId: write.updateId,
          kind: write.kind,
          reply: write.reply,
          at: write.at,
        });
      default:
        return assertNever(write);
    }
  };
}

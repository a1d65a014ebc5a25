import type { Database } from "bun:sqlite";

/** An update in the inbox that is not done yet. */
export interface PendingUpdate {
  readonly updateId: number;
  readonly chatKey: string;
  /** The update as Telegram sent it (JSON). */
  readonly payload: string;
  /** How many times handling it ended without its replies sent. */
  readonly attempts: number;
}

/** An update to store. */
export interface NewUpdate {
  readonly updateId: number;
  readonly chatKey: string;
  readonly payload: string;
}

/**
 * The durable inbox (table `inbox`, migration 004). Written here directly, not through the
 * DB-writer: an update must be committed before Telegram is told it arrived, and one INSERT
 * (WAL, synchronous=NORMAL: durable against a crash of the process) takes microseconds where
 * waiting for a group commit would add DB_FLUSH_MS to every acknowledgement. bun:sqlite is
 * synchronous, so these statements never interleave with the DB-writer's transactions.
 */
export function createInbox(db: Database) {
  const insert = db.prepare<never, [number, string, number, string]>(
    `INSERT INTO inbox (update_id, chat_key, received_at, payload) VALUES (?1, ?2, ?3, ?4)
     ON CONFLICT(update_id) DO NOTHING`,
  );
  const pending = db.prepare<PendingUpdate, []>(
    `SELECT update_id AS updateId, chat_key AS chatKey, payload, attempts
     FROM inbox WHERE state = 'pending' ORDER BY update_id`,
  );
  const done = db.prepare<never, [number]>("UPDATE inbox SET state = 'done' WHERE update_id = ?1");
  const failed = db.prepare<{ attempts: number }, [number]>(
    "UPDATE inbox SET attempts = attempts + 1 WHERE update_id = ?1 RETURNING attempts",
  );
  const pruneInbox = db.prepare<never, [number]>("DELETE FROM inbox WHERE received_at < ?1");
  const pruneEffects = db.prepare<never, [number]>(
    "DELETE FROM update_effects WHERE applied_at < ?1",
  );
  const store = (updateId: number, chatKey: string, payload: string, at: number): boolean =>
    insert.run(updateId, chatKey, at, payload).changes === 1;
  const storeAll = db.transaction((rows: readonly NewUpdate[], at: number) =>
    rows.map((row) => store(row.updateId, row.chatKey, row.payload, at)),
  );
  return {
    /** Stores an update; false when one with its update_id is already stored (a duplicate). */
    store,
    /** Stores several updates in one transaction (a getUpdates batch); one flag per update. */
    storeAll(rows: readonly NewUpdate[], at: number): boolean[] {
      return storeAll(rows, at);
    },
    /** Updates not done, oldest first. */
    pending(): PendingUpdate[] {
      return pending.all();
    },
    /**
     * Its replies went out (or can never go out): nothing more to do for it. The app marks
     * through the DB-writer's group commit instead (write `inboxDone`); a mark lost in a crash
     * only means the stored reply is sent once more.
     */
    markDone(updateId: number): void {
      done.run(updateId);
    },
    /** Handling ended without its replies sent; returns the attempts so far. */
    markFailed(updateId: number): number {
      return failed.get(updateId)?.attempts ?? 0;
    },
    /** Deletes updates received, and effect markers written, before `before`; returns counts. */
    prune(before: number): { readonly updates: number; readonly effects: number } {
      return db.transaction(() => ({
        updates: pruneInbox.run(before).changes,
        effects: pruneEffects.run(before).changes,
      }))();
    },
  };
}

export type Inbox = ReturnType<typeof createInbox>;

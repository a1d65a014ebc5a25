import { dispatch, type Ref } from "nact";
import type { Write } from "../db/writes";
import type { Logger } from "../logger";
import { ask } from "./ask";
import type { DbWriterMsg, WriteResult } from "./db-writer";

export interface WriterClientDeps {
  readonly logger: Logger;
  /** Upper bound on waiting for a group commit. */
  readonly timeoutMs: number;
}

/**
 * The one way to talk to the DB-writer: `commit` waits until the writes are durable, `enqueue`
 * queues them for the next group commit without waiting, `flush` commits everything queued now,
 * and `probe` says whether SQLite grants the write lock. Used by user actors, admin commands,
 * the cache, the broadcaster and the runtime.
 */
export function createWriterClient(writer: Ref<DbWriterMsg>, deps: WriterClientDeps) {
  const log = deps.logger.child({ component: "writer-client" });
  const request = (make: (replyTo: Ref<WriteResult>) => DbWriterMsg) =>
    ask<DbWriterMsg, WriteResult>(writer, make, deps.timeoutMs, "db-writer");
  return {
    ref: writer,
    /** True once the writes are committed; false when they were not (nothing is thrown). */
    async commit(writes: readonly Write[]): Promise<boolean> {
      try {
        return (
          (await request((replyTo) => ({ type: "write", writes, replyTo }))).type === "committed"
        );
      } catch (error) {
        log.error({ err: error, writes: writes.map((w) => w.type) }, "commit did not complete");
        return false;
      }
    },
    /** Queues writes for the next group commit; nobody waits for them. */
    enqueue(writes: readonly Write[]): void {
      dispatch(writer, { type: "write", writes });
    },
    /** Commits everything queued so far (rejects when the DB-writer does not answer). */
    flush(): Promise<WriteResult> {
      return request((replyTo) => ({ type: "flush", replyTo }));
    },
    /** Whether the DB-writer answers and SQLite grants it the write lock. */
    async probe(): Promise<boolean> {
      const result = await request((replyTo) => ({ type: "probe", replyTo })).catch(
        () => undefined,
      );
      return result?.type === "committed";
    },
  };
}

export type WriterClient = ReturnType<typeof createWriterClient>;

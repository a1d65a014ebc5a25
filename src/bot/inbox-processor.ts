import type { Update } from "grammy/types";
import type { Cancel, Clock } from "../clock";
import type { Inbox } from "../db/inbox";
import type { Logger } from "../logger";
import type { Metrics } from "../metrics";
import type { DeliveryTracker } from "./delivery";

export interface InboxProcessorDeps {
  readonly inbox: Inbox;
  /** Handles one update (the bot's `handleUpdate`). */
  readonly handle: (update: Update) => Promise<unknown>;
  readonly deliveries: DeliveryTracker;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics?: Pick<Metrics, "inboxUpdates" | "inboxPending">;
  /** Updates are stored and acknowledged at once, but handled only once this settles. */
  readonly ready?: Promise<unknown>;
  /** How often updates whose replies could not be sent are tried again and old rows pruned. */
  readonly retryMs: number;
  /** Rows older than this are pruned (INBOX_KEEP_HOURS). */
  readonly keepMs: number;
  /** After this many attempts without its replies sent, an update is given up. */
  readonly maxAttempts?: number;
  /** Marks an update done (default: `inbox.markDone`; the app batches it in a group commit). */
  readonly markDone?: (updateId: number) => void;
  /** Updates handled at once, across chats (as @grammyjs/runner's default, 500). */
  readonly concurrency?: number;
}

/** Whether an update was new (stored, to be handled) or one already stored. */
export type Accepted = "stored" | "duplicate";

const DEFAULT_MAX_ATTEMPTS = 20;
const DEFAULT_CONCURRENCY = 500;

/**
 * The durable inbox's processor. `accept` stores an update (the caller acknowledges it to
 * Telegram once this returns) and queues it; each chat's updates are handled one after the
 * other in update_id order. An update is marked done once it has been handled and none of its
 * replies failed in a way a retry can fix; otherwise it stays pending and is handled again on
 * the next tick or at the next start (`resume`). Handling it again does not apply its effects
 * again: the user actor answers a replay with the reply it committed with them.
 */
export function createInboxProcessor(deps: InboxProcessorDeps) {
  const log = deps.logger.child({ component: "inbox" });
  const stopped = Promise.withResolvers<void>();
  // Stopping opens the gate too: updates still waiting for it stay pending, not wait.
  const ready = Promise.race([deps.ready ?? Promise.resolve(), stopped.promise]).then(
    () => {},
    () => {},
  );
  const maxAttempts = deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  // Marked done since the last tick: a mark may still wait for its group commit, and such a row
  // must not look pending to the tick (its reply would go out twice).
  let finished = new Set<number>();
  const markDone = (id: number) => {
    finished.add(id);
    (deps.markDone ?? deps.inbox.markDone)(id);
  };
  const chains = new Map<string, Promise<void>>();
  const scheduled = new Set<number>();
  let stopping = false;
  let cancelTick: Cancel | undefined;
  // A backlog (after an outage, at start) is handled a bounded number at a time.
  const concurrency = deps.concurrency ?? DEFAULT_CONCURRENCY;
  let running = 0;
  const waiting: (() => void)[] = [];

  async function processOne(update: Update): Promise<void> {
    while (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    if (stopping) return void waiting.shift()?.(); // stays pending: handled at the next start
    running++;
    const id = update.update_id;
    const delivery = deps.deliveries.open(id);
    try {
      await deps.handle(update);
    } catch (error) {
      log.error({ err: error, update_id: id }, "update failed");
    } finally {
      deps.deliveries.close(id);
      running--;
      waiting.shift()?.();
    }
    if (!delivery.failed) return markDone(id);
    const attempts = deps.inbox.markFailed(id);
    if (attempts < maxAttempts) {
      log.warn({ update_id: id, attempts }, "replies not sent; the update stays in the inbox");
      return;
    }
    log.error({ update_id: id, attempts }, "replies never sent; giving the update up");
    deps.metrics?.inboxUpdates.inc({ outcome: "given_up" });
    markDone(id);
  }

  function schedule(update: Update, chatKey: string): void {
    const id = update.update_id;
    if (stopping || scheduled.has(id)) return;
    scheduled.add(id);
    const task = (chains.get(chatKey) ?? ready)
      .then(() => processOne(update))
      .catch((error) => log.error({ err: error, update_id: id }, "inbox bookkeeping failed"))
      .finally(() => {
        scheduled.delete(id);
        if (chains.get(chatKey) === task) chains.delete(chatKey);
      });
    chains.set(chatKey, task);
  }

  /** Queues every pending update not queued yet, oldest first; returns how many. */
  function resume(skip: ReadonlySet<number> = new Set()): number {
    let queued = 0;
    const pending = deps.inbox.pending();
    deps.metrics?.inboxPending.set(pending.length);
    for (const row of pending) {
      if (scheduled.has(row.updateId) || skip.has(row.updateId)) continue;
      schedule(JSON.parse(row.payload) as Update, row.chatKey);
      queued++;
    }
    return queued;
  }

  function tick(): void {
    try {
      const pruned = deps.inbox.prune(deps.clock.now() - deps.keepMs);
      if (pruned.updates > 0) log.info(pruned, "old inbox rows pruned");
      const recent = finished;
      finished = new Set();
      const queued = resume(recent);
      deps.metrics?.inboxUpdates.inc({ outcome: "retried" }, queued);
      if (queued > 0) log.info({ queued }, "retrying updates whose replies were not sent");
    } catch (error) {
      log.error({ err: error }, "inbox retry failed");
    }
    cancelTick = deps.clock.setTimeout(tick, deps.retryMs);
  }

  return {
    /**
     * Stores `update` (throws when SQLite cannot: do not acknowledge it then) and queues it;
     * a duplicate update_id is neither stored nor handled again.
     */
    accept(update: Update, payload = JSON.stringify(update)): Accepted {
      const key = chatKeyOf(update);
      if (!deps.inbox.store(update.update_id, key, payload, deps.clock.now())) {
        deps.metrics?.inboxUpdates.inc({ outcome: "duplicate" });
        return "duplicate";
      }
      deps.metrics?.inboxUpdates.inc({ outcome: "stored" });
      schedule(update, key);
      return "stored";
    },
    /** `accept` for a batch (a getUpdates answer), stored in one transaction. */
    acceptAll(updates: readonly Update[]): Accepted[] {
      const rows = updates.map((update) => ({
        update,
        updateId: update.update_id,
        chatKey: chatKeyOf(update),
        payload: JSON.stringify(update),
      }));
      const stored = deps.inbox.storeAll(rows, deps.clock.now());
      return rows.map((row, i) => {
        const outcome = stored[i] ? "stored" : "duplicate";
        deps.metrics?.inboxUpdates.inc({ outcome });
        if (outcome === "stored") schedule(row.update, row.chatKey);
        return outcome;
      });
    },
    /** Queues the updates left pending by an earlier run, then retries and prunes periodically. */
    start(): number {
      const queued = resume();
      if (queued > 0) log.info({ queued }, "handling updates left from the last run");
      cancelTick ??= deps.clock.setTimeout(tick, deps.retryMs);
      return queued;
    },
    /** Updates queued or being handled. */
    get inFlight(): number {
      return scheduled.size;
    },
    /** Handles nothing new; resolves once the updates being handled are finished. */
    async stop(): Promise<void> {
      stopping = true;
      stopped.resolve();
      cancelTick?.();
      while (chains.size > 0) await Promise.allSettled([...chains.values()]);
    },
  };
}

export type InboxProcessor = ReturnType<typeof createInboxProcessor>;

/** One chat's updates are handled in order; updates without a chat go by their sender. */
export function chatKeyOf(update: Update): string {
  const id =
    update.message?.chat.id ??
    update.callback_query?.message?.chat.id ??
    update.callback_query?.from.id ??
    update.edited_message?.chat.id ??
    update.my_chat_member?.chat.id ??
    update.inline_query?.from.id ??
    update.chosen_inline_result?.from.id;
  return id === undefined ? "-" : String(id);
}

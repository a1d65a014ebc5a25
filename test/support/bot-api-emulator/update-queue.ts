import type { Update } from "grammy/types";

/** What one getUpdates call asks for, already coerced to numbers. */
export interface Poll {
  readonly offset: number;
  readonly limit: number;
  readonly timeoutMs: number;
  /** Aborted when the client goes away; the poll then ends without waiting. */
  readonly signal: AbortSignal;
}

/** A poll's outcome: updates, or "conflict" when a newer getUpdates took its place. */
export type PollResult =
  | { readonly ok: true; readonly updates: Update[] }
  | { readonly ok: false; readonly reason: "conflict" };

/** The server side of getUpdates: unconfirmed updates plus at most one waiting long poll. */
export interface UpdateQueue {
  push(update: Update): void;
  poll(request: Poll): Promise<PollResult>;
  /** Drops every update (deleteWebhook/setWebhook with drop_pending_updates). */
  clear(): void;
  /** Forgets updates up to and including `updateId` (a webhook delivery was accepted). */
  confirmThrough(updateId: number): void;
  /**
   * The update kinds the bot asked for (getUpdates or setWebhook `allowed_updates`); as on
   * Telegram, updates of other kinds are dropped when they happen. An empty list asks for all.
   */
  allow(kinds: readonly string[]): void;
  /** Calls `listener` after every push (the webhook deliverer listens). */
  onPush(listener: () => void): void;
  /** Ends a waiting poll with no updates and makes later polls answer at once. */
  close(): void;
  readonly pending: readonly Update[];
}

type Waiter = { settle(result?: PollResult): void };

export function createUpdateQueue(): UpdateQueue {
  let updates: Update[] = [];
  let waiter: Waiter | undefined;
  let closed = false;
  let allowed: ReadonlySet<string> | undefined;
  const listeners: (() => void)[] = [];

  /** Telegram's offset rule: ids below a positive offset are confirmed and forgotten. */
  function confirm(offset: number): void {
    if (offset > 0) updates = updates.filter((update) => update.update_id >= offset);
    else if (offset < 0) updates = updates.slice(offset);
  }

  function poll({ offset, limit, timeoutMs, signal }: Poll): Promise<PollResult> {
    confirm(offset);
    waiter?.settle({ ok: false, reason: "conflict" });
    const batch = (): PollResult => ({ ok: true, updates: updates.slice(0, limit) });
    if (updates.length > 0 || timeoutMs <= 0 || closed || signal.aborted) {
      return Promise.resolve(batch());
    }
    return new Promise((resolve) => {
      const self: Waiter = {
        settle(result = batch()) {
          clearTimeout(timer);
          signal.removeEventListener("abort", onAbort);
          if (waiter === self) waiter = undefined;
          resolve(result);
        },
      };
      const onAbort = () => self.settle();
      const timer = setTimeout(onAbort, timeoutMs);
      signal.addEventListener("abort", onAbort);
      waiter = self;
    });
  }

  return {
    push(update) {
      const kind = Object.keys(update).find((key) => key !== "update_id") ?? "";
      if (allowed && !allowed.has(kind)) return;
      updates.push(update);
      waiter?.settle();
      for (const listener of listeners) listener();
    },
    confirmThrough(updateId) {
      confirm(updateId + 1);
    },
    onPush(listener) {
      listeners.push(listener);
    },
    poll,
    allow(kinds) {
      allowed = kinds.length > 0 ? new Set(kinds) : undefined;
    },
    clear() {
      updates = [];
    },
    close() {
      closed = true;
      waiter?.settle({ ok: true, updates: [] });
    },
    get pending() {
      return [...updates];
    },
  };
}

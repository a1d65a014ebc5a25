import type { MiddlewareFn, Transformer } from "grammy";
import type { BotContext } from "./context";

/** The signal grammY hands a transformer (typed with its abort-controller shim). */
type Signal = Parameters<Transformer>[3];

/**
 * Calls whose failure does not keep an update pending: they show something passing ("typing…",
 * a button's spinner, a draft) that a retry later could not show any more.
 */
const EPHEMERAL = new Set(["sendChatAction", "answerCallbackQuery", "sendMessageDraft"]);

/** What became of the Bot API calls made while handling one update. */
export interface Delivery {
  /** A call failed in a way a later retry can fix (network, 5xx, 429, aborted). */
  failed: boolean;
}

/**
 * Watches the Bot API calls made for each update the inbox processor hands the bot: `middleware`
 * (installed first) gives that update's context an API transformer that notes a failure a later
 * retry could fix, and aborts its calls (retry waits included) on `abortAll`, so shutdown
 * never waits out a 429's retry_after. A 4xx other than 429 (the user blocked the bot, a
 * message that cannot be edited) is final: retrying would fail the same way.
 */
export function trackDeliveries() {
  const aborting = new AbortController();
  const abort = aborting.signal;
  const open = new Map<number, Delivery>();
  const transformer =
    (delivery: Delivery): Transformer =>
    async (prev, method, payload, signal) => {
      const combined = (signal ? AbortSignal.any([signal as AbortSignal, abort]) : abort) as Signal;
      const counts = !EPHEMERAL.has(method);
      try {
        const result = await prev(method, payload, combined);
        if (counts && !result.ok && (result.error_code === 429 || result.error_code >= 500)) {
          delivery.failed = true;
        }
        return result;
      } catch (error) {
        if (counts) delivery.failed = true;
        throw error;
      }
    };
  const middleware: MiddlewareFn<BotContext> = (ctx, next) => {
    const delivery = open.get(ctx.update.update_id);
    if (delivery) {
      ctx.inboxUpdateId = ctx.update.update_id;
      ctx.api.config.use(transformer(delivery));
    }
    return next();
  };
  return {
    middleware,
    /** Starts watching update `updateId`'s calls; `close` it once handled. */
    open(updateId: number): Delivery {
      const delivery: Delivery = { failed: false };
      open.set(updateId, delivery);
      return delivery;
    },
    close(updateId: number): void {
      open.delete(updateId);
    },
    /** Aborts every watched call now and later (shutdown): their updates stay pending. */
    abortAll(): void {
      aborting.abort();
    },
  };
}

export type DeliveryTracker = ReturnType<typeof trackDeliveries>;

import type { Bot } from "grammy";
import type { BotContext } from "../bot/context";
import type { InboxProcessor } from "../bot/inbox-processor";
import { pollUpdates } from "../bot/polling";
import { startWebhookServer } from "../bot/webhook";
import type { UpdatesConfig } from "../config";
import type { Logger } from "../logger";

/** Inline mode and groups need their updates asked for by name (see README, @BotFather). */
export const ALLOWED_UPDATES = [
  "message",
  "callback_query",
  "inline_query",
  "chosen_inline_result",
  "my_chat_member",
] as const;

/** How updates reach the inbox; `stop` stops taking new ones (stored ones are not lost). */
export interface UpdateSource {
  readonly stop: () => Promise<void>;
  /** Settles if the source ends on its own; rejects when Telegram refuses it (401, 409). */
  readonly ended: Promise<void>;
}

/**
 * Starts taking updates from Telegram into the inbox: long polling, or the webhook server plus
 * setWebhook (with WEBHOOK_MAX_CONNECTIONS). Either way an update is acknowledged only once
 * `processor` has stored it.
 */
export async function receiveUpdates(
  bot: Bot<BotContext>,
  processor: InboxProcessor,
  updates: UpdatesConfig,
  logger: Logger,
): Promise<UpdateSource> {
  if (updates.via === "polling") {
    // A webhook left from an earlier run would make getUpdates fail; pending updates stay.
    await bot.api.deleteWebhook();
    const polling = pollUpdates({
      api: bot.api,
      accept: (batch) => processor.acceptAll(batch),
      allowedUpdates: ALLOWED_UPDATES,
      logger,
    });
    return { stop: () => polling.stop(), ended: polling.ended };
  }
  const server = startWebhookServer((update, payload) => processor.accept(update, payload), {
    host: updates.host,
    port: updates.port,
    path: new URL(updates.url).pathname,
    secret: updates.secret,
    logger,
  });
  await bot.api.setWebhook(updates.url, {
    secret_token: updates.secret,
    allowed_updates: ALLOWED_UPDATES,
    max_connections: updates.maxConnections,
  });
  logger.info({ port: server.port }, "webhook server listening");
  return {
    // The webhook stays set while RVX is down: Telegram keeps the updates until it is back.
    stop: () => server.stop(),
    ended: new Promise(() => {}),
  };
}

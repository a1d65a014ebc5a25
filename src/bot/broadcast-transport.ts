import { type Api, GrammyError, InlineKeyboard } from "grammy";
import type { SendOutcome } from "../actors/broadcaster";
import type { BroadcastRow } from "../db/admin-reads";
import { assertNever } from "../errors";
import type { MessageKey } from "../i18n/i18n";
import { t } from "../i18n/i18n";
import type { Lang } from "../i18n/lang";
import type { Logger } from "../logger";
import { broadcastData } from "./callback-data";

/**
 * How the broadcaster reaches Telegram: one plain-text message per user, and progress shown by
 * editing the admin's confirmation message in the admin's language.
 */
export function broadcastTransport(deps: {
  readonly api: Api;
  readonly logger: Logger;
  readonly langOf: (userId: number) => Lang;
}) {
  return {
    async send(userId: number, text: string): Promise<SendOutcome> {
      try {
        await deps.api.sendMessage(userId, text);
        return "sent";
      } catch (error) {
        // 403: the user blocked the bot; 400: the chat no longer exists. Neither is retried.
        if (
          error instanceof GrammyError &&
          (error.error_code === 403 || error.error_code === 400)
        ) {
          return "blocked";
        }
        deps.logger.warn({ err: error, userId }, "broadcast message failed");
        return "failed";
      }
    },
    async report(row: BroadcastRow): Promise<void> {
      if (row.progressMessageId === null) return;
      const lang = deps.langOf(row.adminId);
      const text = t(lang, progressKey(row.status), {
        sent: row.sent,
        failed: row.failed,
        total: row.total,
      });
      const running = row.status === "running";
      await deps.api.editMessageText(row.chatId, row.progressMessageId, text, {
        ...(running
          ? {
              reply_markup: new InlineKeyboard().text(
                t(lang, "admin.broadcast.cancel"),
                broadcastData("stop", row.id),
              ),
            }
          : {}),
      });
    },
  };
}

function progressKey(status: BroadcastRow["status"]): MessageKey {
  switch (status) {
    case "done":
      return "admin.broadcast.done";
    case "cancelled":
      return "admin.broadcast.stopped";
    case "pending":
    case "running":
      return "admin.broadcast.progress";
    default:
      return assertNever(status);
  }
}

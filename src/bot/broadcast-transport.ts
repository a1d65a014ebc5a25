import { type Api, GrammyError, InlineKeyboard } from "grammy";
import type { SendOutcome } from "../actors/broadcaster";
import type { Clock } from "../clock";
import type { BroadcastRow } from "../db/admin-reads";
import { assertNever } from "../errors";
import type { MessageKey } from "../i18n/i18n";
import { t } from "../i18n/i18n";
import type { Lang } from "../i18n/lang";
import type { ReminderContent } from "../learning/reminder-rules";
import type { Logger } from "../logger";
import { broadcastData, encodeAction } from "./callback-data";

/** 40 ms between messages keeps all of them together under Telegram's ~30 messages/s. */
const DEFAULT_INTERVAL_MS = 40;

/**
 * How the broadcaster and the reminder scheduler reach Telegram: one message per user through
 * one paced sender (at most one message per `intervalMs`, on the injected clock, for both
 * together), and broadcast progress shown by editing the admin's confirmation message.
 */
export function broadcastTransport(deps: {
  readonly api: Api;
  readonly logger: Logger;
  readonly langOf: (userId: number) => Lang;
  readonly clock: Clock;
  readonly intervalMs?: number;
}) {
  const paced = createPacer(deps.clock, deps.intervalMs ?? DEFAULT_INTERVAL_MS);
  const deliver = (userId: number, what: string, call: () => Promise<unknown>) =>
    paced(async (): Promise<SendOutcome> => {
      try {
        await call();
        return "sent";
      } catch (error) {
        // 403: the user blocked the bot; 400: the chat no longer exists. Neither is retried.
        if (
          error instanceof GrammyError &&
          (error.error_code === 403 || error.error_code === 400)
        ) {
          return "blocked";
        }
        deps.logger.warn({ err: error, userId }, `${what} failed`);
        return "failed";
      }
    });
  return {
    send: (userId: number, text: string): Promise<SendOutcome> =>
      deliver(userId, "broadcast message", () => deps.api.sendMessage(userId, text)),
    /** A daily reminder in the user's language, with a button back to learning. */
    remind(userId: number, content: ReminderContent): Promise<SendOutcome> {
      const { lang, lesson, streak } = content;
      const text =
        streak > 0
          ? t(lang, "reminders.push_streak", { days: streak })
          : t(lang, "reminders.push_lesson");
      const data = encodeAction(
        lesson
          ? { kind: "page", courseId: lesson.courseId, lessonId: lesson.lessonId, page: 0 }
          : { kind: "courses" },
      );
      const reply_markup = new InlineKeyboard().text(t(lang, "reminders.continue"), data);
      return deliver(userId, "reminder", () =>
        deps.api.sendMessage(userId, text, { reply_markup }),
      );
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

/** Runs sends one at a time, each at least `intervalMs` after the previous one started. */
function createPacer(clock: Clock, intervalMs: number) {
  let last = Number.NEGATIVE_INFINITY;
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(send: () => Promise<T>): Promise<T> => {
    const run = queue.then(async () => {
      const wait = last + intervalMs - clock.now();
      if (wait > 0) await new Promise<void>((resolve) => clock.setTimeout(resolve, wait));
      last = clock.now();
      return send();
    });
    queue = run.catch(() => undefined);
    return run;
  };
}

import type { MiddlewareFn } from "grammy";
import type { Session } from "../actors/user";
import type { Config } from "../config";
import { t } from "../i18n/i18n";
import { langFromTelegram } from "../i18n/lang";
import type { Logger } from "../logger";
import type { Metrics } from "../metrics";
import type { UserDirectory } from "../supervisors/user-directory";
import type { BotContext } from "./context";

const DEFAULT_ASK_MS = 10_000;

/** Measures and counts each update and gives it a child logger. */
export function observe(logger: Logger, metrics: Metrics): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const type = Object.keys(ctx.update).find((key) => key !== "update_id") ?? "unknown";
    // The child logger is made when something logs: most updates log nothing.
    let log: Logger | undefined;
    Object.defineProperty(ctx, "log", {
      configurable: true,
      enumerable: true,
      get: () => {
        log ??= logger.child({ update_id: ctx.update.update_id, user_id: ctx.from?.id });
        return log;
      },
      set: (value: Logger) => {
        log = value;
      },
    });
    const started = performance.now();
    metrics.updates.inc({ type });
    try {
      await next();
    } finally {
      const ms = performance.now() - started;
      metrics.updateDuration.observe(ms / 1000);
      if (log || logger.isLevelEnabled("debug")) {
        ctx.log.debug({ type, duration_ms: Math.round(ms) }, "update handled");
      }
    }
  };
}

/**
 * Resolves the user behind the update: greets their actor (which records them and answers with
 * their language and ban state), and sets up `ctx.lang`, `ctx.t` and `ctx.askUser`.
 */
export function identify(users: UserDirectory, config: Config): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    ctx.lang = langFromTelegram(ctx.from?.language_code, config.defaultLanguage);
    ctx.t = (key, params) => t(ctx.lang, key, params);
    const from = ctx.from;
    if (!from || from.is_bot) return; // channel posts, service updates: nothing to answer
    // An update from the inbox names itself in every request, so a replay applies nothing twice.
    const updateId = ctx.inboxUpdateId;
    ctx.askUser = (make, timeoutMs = DEFAULT_ASK_MS) =>
      users.ask(
        from.id,
        updateId === undefined ? make : (replyTo) => ({ ...make(replyTo), updateId }),
        timeoutMs,
      );
    const session = await ctx.askUser<Session>((replyTo) => ({
      type: "hello",
      profile: { firstName: from.first_name, languageCode: from.language_code },
      replyTo,
    }));
    if (!session.ok) {
      // A button press must be answered, or its button keeps spinning.
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("error.generic") });
      else if (ctx.chat) await ctx.reply(ctx.t("error.generic"));
      return;
    }
    ctx.lang = session.lang;
    if (session.banned) {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("banned") });
      else if (ctx.chat) await ctx.reply(ctx.t("banned"));
      return;
    }
    await next();
  };
}

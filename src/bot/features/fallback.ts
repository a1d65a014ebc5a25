import { Composer } from "grammy";
import type { BotContext } from "../context";

/** Whatever no feature took: unknown commands, non-text messages, stale buttons. */
export function fallbackFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.on("message:text", (ctx) => ctx.reply(ctx.t("fallback.unknown_command")));
  feature.on("message", (ctx) => ctx.reply(ctx.t("fallback.non_text")));
  feature.on("callback_query", (ctx) =>
    ctx.answerCallbackQuery({ text: ctx.t("fallback.stale_button") }),
  );
  return feature;
}

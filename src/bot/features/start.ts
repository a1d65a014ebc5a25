import { Composer } from "grammy";
import { escapeHtml } from "../../news/html";
import type { BotContext } from "../context";
import { languageKeyboard } from "./language";

/** /start: a welcome with a short tour, and the language choice. */
export function startFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("start", async (ctx) => {
    const name = escapeHtml(ctx.from?.first_name ?? "");
    await ctx.reply(ctx.t("start.welcome", { name }));
    await ctx.reply(ctx.t("start.choose_language"), { reply_markup: languageKeyboard() });
  });
  return feature;
}

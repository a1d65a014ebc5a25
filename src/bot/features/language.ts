import { Composer, InlineKeyboard } from "grammy";
import type { Ack } from "../../actors/user";
import { LANGUAGE_CALLBACK, languageData, parseLanguage } from "../callback-data";
import type { BotContext } from "../context";

/** The language buttons. */
export function languageKeyboard(): InlineKeyboard {
  return new InlineKeyboard()
    .text("Русский", languageData("ru"))
    .text("English", languageData("en"));
}

/** /language and the language buttons. */
export function languageFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("language", (ctx) =>
    ctx.reply(ctx.t("language.choose"), { reply_markup: languageKeyboard() }),
  );
  feature.callbackQuery(LANGUAGE_CALLBACK, async (ctx, next) => {
    const lang = parseLanguage(ctx.match[1]);
    if (!lang) return next(); // forged: falls through to the stale-button answer
    const ack = await ctx.askUser<Ack>((replyTo) => ({ type: "setLanguage", lang, replyTo }));
    if (!ack.ok) return ctx.answerCallbackQuery({ text: ctx.t("error.generic") });
    ctx.lang = lang;
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("language.set"));
  });
  return feature;
}

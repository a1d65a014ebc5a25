import { Composer, InlineKeyboard } from "grammy";
import type { Ack } from "../../actors/user";
import { isLang, type Lang } from "../../i18n/lang";
import type { BotContext } from "../context";

const CALLBACK = /^lang:(\w{2})$/;

/** The language buttons; their data is `lang:<code>`. */
export function languageKeyboard(): InlineKeyboard {
  return new InlineKeyboard().text("Русский", "lang:ru").text("English", "lang:en");
}

/** /language and the language buttons. */
export function languageFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("language", (ctx) =>
    ctx.reply(ctx.t("language.choose"), { reply_markup: languageKeyboard() }),
  );
  feature.callbackQuery(CALLBACK, async (ctx, next) => {
    const lang = ctx.match[1];
    if (!isLang(lang)) return next(); // forged: falls through to the stale-button answer
    const ack = await ctx.askUser<Ack>((replyTo) => ({
      type: "setLanguage",
      lang: lang as Lang,
      replyTo,
    }));
    if (!ack.ok) return ctx.answerCallbackQuery({ text: ctx.t("error.generic") });
    ctx.lang = lang;
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("language.set"));
  });
  return feature;
}

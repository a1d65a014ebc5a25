import { Composer, InlineKeyboard } from "grammy";
import type { DoneReply, PendingReply } from "../../actors/user";
import { DELETE_CALLBACK, deleteData } from "../callback-data";
import type { BotContext } from "../context";

/** /deletemydata with a confirmation, and /cancel for whatever is pending. */
export function deleteDataFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("deletemydata", async (ctx) => {
    const pending = await ctx.askUser<PendingReply>((replyTo) => ({
      type: "requestDelete",
      replyTo,
    }));
    if (!pending.ok) return ctx.reply(ctx.t("error.generic"));
    const keyboard = new InlineKeyboard()
      .text(ctx.t("delete.yes"), deleteData(true, pending.token))
      .text(ctx.t("delete.no"), deleteData(false, pending.token));
    await ctx.reply(ctx.t("delete.confirm"), { reply_markup: keyboard });
  });

  feature.callbackQuery(DELETE_CALLBACK, async (ctx) => {
    const [, answer, token = ""] = ctx.match;
    const reply =
      answer === "y"
        ? await ctx.askUser<DoneReply>((replyTo) => ({ type: "confirmDelete", token, replyTo }))
        : await ctx.askUser<DoneReply>((replyTo) => ({ type: "cancel", replyTo }));
    if (!reply.ok) return ctx.answerCallbackQuery({ text: ctx.t("error.generic") });
    if (!reply.done) return ctx.answerCallbackQuery({ text: ctx.t("fallback.stale_button") });
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t(answer === "y" ? "delete.done" : "delete.kept"));
  });

  feature.command("cancel", async (ctx) => {
    const reply = await ctx.askUser<DoneReply>((replyTo) => ({ type: "cancel", replyTo }));
    if (!reply.ok) return ctx.reply(ctx.t("error.generic"));
    await ctx.reply(ctx.t(reply.done ? "cancel.done" : "cancel.nothing"));
  });
  return feature;
}

import { Composer } from "grammy";
import type { CheckAnswerReply, CheckReply } from "../../actors/user";
import type { MessageKey } from "../../i18n/i18n";
import { CHECK_ANSWER_CALLBACK, CHECK_CALLBACK } from "../callback-data";
import type { BotContext } from "../context";
import { checkResultText, checkScreen } from "../screens/teach-screens";
import { rewardLines } from "./quests";

const REFUSALS: Record<Exclude<CheckReply, { ok: true }>["reason"], MessageKey> = {
  answered: "teach.check_answered",
  gone: "teach.check_gone",
  not_ours: "teach.check_not_ours",
  unavailable: "error.generic",
};

/**
 * "🧠 Check yourself" under an explanation: one question about its main concept, sent as a
 * new message with numbered buttons; the first answer per news counts, a right one earns XP.
 */
export function checkFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.callbackQuery(CHECK_CALLBACK, async (ctx) => {
    const message = ctx.callbackQuery.message;
    if (!message) return ctx.answerCallbackQuery({ text: ctx.t("teach.check_gone") });
    const chatId = message.chat.id;
    const reply = await ctx.askUser<CheckReply>((replyTo) => ({
      type: "check",
      chatId,
      messageId: message.message_id,
      replyTo,
    }));
    if (!reply.ok) return ctx.answerCallbackQuery({ text: ctx.t(REFUSALS[reply.reason]) });
    await ctx.answerCallbackQuery();
    const screen = checkScreen(ctx, reply, message.message_id);
    await ctx.reply(screen.text, {
      reply_markup: screen.keyboard,
      reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true },
    });
  });

  feature.callbackQuery(CHECK_ANSWER_CALLBACK, async (ctx) => {
    const message = ctx.callbackQuery.message;
    if (!message) return ctx.answerCallbackQuery({ text: ctx.t("teach.check_gone") });
    const [, id = "", ref = "", shown = ""] = ctx.match;
    const reply = await ctx.askUser<CheckAnswerReply>((replyTo) => ({
      type: "checkAnswer",
      chatId: message.chat.id,
      messageId: Number(id),
      ref,
      shown: Number(shown),
      replyTo,
    }));
    if (!reply.ok) return ctx.answerCallbackQuery({ text: ctx.t(REFUSALS[reply.reason]) });
    await ctx.answerCallbackQuery();
    const question = (message.text ?? "").split("\n\n")[0] ?? "";
    const reward = rewardLines(ctx, reply.reward);
    const result = checkResultText(ctx, question, reply);
    const text = reward.length > 0 ? `${result}\n\n${reward.join("\n")}` : result;
    await ctx.editMessageText(text);
  });
  return feature;
}

import { Composer, GrammyError, type InlineKeyboard } from "grammy";
import type { LearnReply, LearnReplyWithBonus } from "../../actors/user";
import { assertNever } from "../../errors";
import type { MessageKey } from "../../i18n/i18n";
import { LEARN_CALLBACK, type LearnAction, parseAction } from "../callback-data";
import type { BotContext } from "../context";
import { learnScreen } from "../screens/learn-screens";
import { rewardLines } from "./quests";

/** Telegram's refusals to edit a message that is too old or gone. */
const UNEDITABLE = ["message can't be edited", "message to edit not found"];

/**
 * /learn and its buttons: the course list, a course's lessons, a lesson read page by page, its
 * quiz one question at a time, the result and the review of mistakes. Every button edits the
 * message in place. The user actor decides; a forged, old or repeated button gets a short answer
 * and changes nothing.
 */
export function learnFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("learn", async (ctx) => {
    const reply = await ctx.askUser<LearnReply>((replyTo) => ({ type: "learn", replyTo }));
    if (!reply.ok) return ctx.reply(ctx.t("error.generic"));
    const screen = learnScreen(ctx, reply.view);
    await ctx.reply(screen.text, { reply_markup: screen.keyboard });
  });

  feature.callbackQuery(LEARN_CALLBACK, async (ctx) => {
    const action = parseAction(ctx.callbackQuery.data);
    if (!action) return ctx.answerCallbackQuery({ text: ctx.t("learn.stale") });
    const reply = await ctx.askUser<LearnReplyWithBonus>((replyTo) => ({
      type: "learnAction",
      action,
      replyTo,
    }));
    if (!reply.ok) return ctx.answerCallbackQuery({ text: ctx.t(refusalKey(action, reply)) });
    await ctx.answerCallbackQuery(reply.feedback ? { text: ctx.t(`learn.${reply.feedback}`) } : {});
    const screen = learnScreen(ctx, reply.view);
    const reward = [...rewardLines(ctx, reply.reward), ...newsBonusLine(ctx, reply)];
    const text = reward.length > 0 ? `${screen.text}\n\n${reward.join("\n")}` : screen.text;
    await edit(ctx, text, screen.keyboard);
  });
  return feature;
}

/**
 * Why a press changed nothing, for its toast. A refused answer is nearly always a second tap of
 * an answer already counted (the screen has moved on), so it is not told to start over.
 */
function refusalKey(action: LearnAction, reply: Extract<LearnReply, { ok: false }>): MessageKey {
  switch (reply.reason) {
    case "unavailable":
      return "error.generic";
    case "locked":
      return "learn.locked";
    case "stale":
      return action.kind === "answer" ? "learn.answer_stale" : "learn.stale";
    case "finished":
      return "learn.quiz_finished";
    case "gone":
      return action.kind === "review" ? "learn.review_gone" : "learn.quiz_gone";
    default:
      return assertNever(reply);
  }
}

/**
 * Edits the pressed message; pressing a button that shows the same screen is not an error. A
 * message Telegram no longer lets the bot edit (too old, deleted) gets the screen as a new one.
 */
export async function edit(ctx: BotContext, text: string, keyboard: InlineKeyboard): Promise<void> {
  try {
    await ctx.editMessageText(text, { reply_markup: keyboard });
  } catch (error) {
    if (!(error instanceof GrammyError)) throw error;
    if (error.description.includes("message is not modified")) return;
    if (!UNEDITABLE.some((reason) => error.description.includes(reason))) throw error;
    await ctx.reply(text, { reply_markup: keyboard });
  }
}

/** The news-lesson bonus line, when passing this quiz paid it (see lesson-bonus.ts). */
function newsBonusLine(ctx: BotContext, reply: LearnReplyWithBonus): string[] {
  return reply.ok && reply.newsBonus ? [ctx.t("teach.news_bonus", { xp: reply.newsBonus })] : [];
}

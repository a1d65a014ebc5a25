import { InlineKeyboard } from "grammy";
import type { CheckAnswerReply, CheckReply, MessageReply } from "../../actors/user";
import { escapeHtml } from "../../news/html";
import { CHECK_DATA, checkAnswerData, encodeAction } from "../callback-data";
import type { BotContext } from "../context";
import { privateLink } from "../deep-link";

type Translator = Pick<BotContext, "lang" | "t">;

/** Where an answer is shown: a private chat, or a group (whose buttons open the private chat). */
export type Place = { readonly kind: "private" } | { readonly kind: "group"; readonly bot: string };

type Explained = Extract<MessageReply, { kind: "explained" }>;

/**
 * Adds news that teaches under an explanation: the lesson of its main concept ("📚 What an ETF
 * is · 3 min") and, in a private chat, "🧠 Check yourself". In a group the lesson button opens
 * the lesson in the private chat, and the check (a personal quiz) is left out.
 */
export function withTeachingButtons(
  ctx: Translator,
  keyboard: InlineKeyboard,
  reply: Explained,
  place: Place,
): InlineKeyboard {
  const { lesson } = reply;
  if (lesson) {
    const label = ctx.t("teach.lesson_button", { title: lesson.title, minutes: lesson.minutes });
    const target = { courseId: lesson.course, lessonId: lesson.lesson };
    keyboard.row();
    if (place.kind === "group")
      keyboard.url(label, privateLink(place.bot, { kind: "lesson", ...target }));
    else keyboard.text(label, encodeAction({ kind: "page", ...target, page: 0 }));
  }
  if (reply.check && place.kind === "private") {
    keyboard.row().text(ctx.t("teach.check_button"), CHECK_DATA);
  }
  return keyboard;
}

/** The check question: its prompt, numbered options, and a numbered button each. */
export function checkScreen(
  ctx: Translator,
  reply: Extract<CheckReply, { ok: true }>,
  explanationId: number,
): { readonly text: string; readonly keyboard: InlineKeyboard } {
  const prompt =
    reply.prompt.kind === "term"
      ? ctx.t("teach.check_term", { term: escapeHtml(reply.prompt.text) })
      : ctx.t("teach.check_question", { question: escapeHtml(reply.prompt.text) });
  const lines = reply.options.map((option, i) => `${i + 1}. ${escapeHtml(option)}`);
  const keyboard = new InlineKeyboard([
    reply.options.map((_, i) =>
      InlineKeyboard.text(String(i + 1), checkAnswerData(explanationId, reply.ref, i)),
    ),
  ]);
  return { text: `${prompt}\n\n${lines.join("\n")}`, keyboard };
}

/** The check's result, shown in place of the question (`question`: its plain text). */
export function checkResultText(
  ctx: Translator,
  question: string,
  reply: Extract<CheckAnswerReply, { ok: true }>,
): string {
  const explanation = escapeHtml(reply.explanation);
  const verdict = reply.correct
    ? ctx.t("teach.check_right", { explanation })
    : ctx.t("teach.check_wrong", { right: escapeHtml(reply.right), explanation });
  return `${escapeHtml(question)}\n\n${verdict}`;
}

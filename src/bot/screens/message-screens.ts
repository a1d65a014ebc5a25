import { InlineKeyboard } from "grammy";
import type { MessageReply } from "../../actors/user";
import type { Config } from "../../config";
import { assertNever } from "../../errors";
import type { LessonLink } from "../../learning/glossary-search";
import type { ReadFrom } from "../../news/conversation/reply";
import { escapeHtml } from "../../news/html";
import { truncate } from "../../news/truncate";
import { ASK_DATA, encodeAction } from "../callback-data";
import type { BotContext } from "../context";
import { type Place, withTeachingButtons } from "./teach-screens";

type Translator = Pick<BotContext, "lang" | "t">;

/** A reply to a text message: its HTML text and buttons, if any. */
export interface MessageScreen {
  readonly text: string;
  readonly keyboard?: InlineKeyboard;
}

const HOUR_MS = 3_600_000;

/** Renders the user actor's reply to a text message in the user's language. */
export function messageScreen(
  ctx: Translator,
  reply: MessageReply,
  config: Config,
  place: Place = { kind: "private" },
): MessageScreen {
  if (!reply.ok) return { text: refusal(ctx, reply, config) };
  switch (reply.kind) {
    case "explained": {
      const body = escapeHtml(truncate(reply.text, config.answerMaxChars));
      const footer =
        reply.count === "new"
          ? ctx.t("explain.footer", { xp: reply.xpAwarded, remaining: reply.remaining })
          : ctx.t(reply.count === "repeat" ? "convo.footer_repeat" : "convo.footer_unrecognized");
      const levelUp = reply.leveledUp ? `\n${ctx.t("level.up", { level: reply.level })}` : "";
      const head = readFromLine(ctx, reply.from);
      const keyboard = withTeachingButtons(ctx, askKeyboard(ctx), reply, place);
      return { text: `${head}${body}\n\n<i>${footer}</i>${levelUp}`, keyboard };
    }
    case "answered": {
      const text = escapeHtml(truncate(reply.text, config.answerMaxChars));
      const lines = [reply.by === "glossary" ? ctx.t("convo.term", { text }) : text];
      if (reply.advice) lines.unshift(ctx.t("convo.no_advice"));
      if (reply.related.length > 0) {
        const terms = reply.related.map((r) => escapeHtml(r.name)).join(", ");
        lines.push(ctx.t("convo.related", { terms }));
      }
      const footer = reply.repeat
        ? ctx.t("convo.answer_footer_repeat")
        : reply.spent
          ? ctx.t("convo.answer_footer_spent", { xp: reply.xpAwarded, remaining: reply.remaining })
          : ctx.t("convo.answer_footer", { xp: reply.xpAwarded });
      const levelUp = reply.leveledUp ? `\n${ctx.t("level.up", { level: reply.level })}` : "";
      const keyboard = lessonKeyboard(ctx, reply.lesson ? [reply.lesson] : []);
      keyboard.row().text(ctx.t("convo.ask_button"), ASK_DATA);
      return { text: `${lines.join("\n\n")}\n\n<i>${footer}</i>${levelUp}`, keyboard };
    }
    case "unknown_term":
      if (reply.threadTerms.length > 0) {
        const terms = reply.threadTerms.map((term) => escapeHtml(term.name)).join(", ");
        const text = ctx.t("convo.unknown_followup", { terms });
        return { text, keyboard: lessonKeyboard(ctx, reply.closestLessons) };
      }
      return reply.closestLessons.length > 0
        ? {
            text: ctx.t("convo.unknown_term"),
            keyboard: lessonKeyboard(ctx, reply.closestLessons),
          }
        : { text: ctx.t("convo.unknown_term_none") };
    case "scam": {
      const signs = reply.signals.map((id) => ctx.t(`scam.signal.${id}`)).join("; ");
      const warning = ctx.t("convo.scam", { signs });
      if (!reply.text) return { text: warning };
      const more = escapeHtml(truncate(reply.text, config.answerMaxChars));
      return { text: `${warning}\n\n${ctx.t("convo.scam_explained")}\n${more}` };
    }
    case "smalltalk":
      return { text: ctx.t(`convo.smalltalk_${reply.tone}`) };
    case "offtopic":
      return { text: ctx.t("convo.offtopic") };
    case "link":
      return { text: ctx.t("convo.link") };
    case "link_address":
      return { text: addressOnlyText(ctx, reply, config) };
    case "image_unread":
      return { text: ctx.t("image.unread") };
    default:
      return assertNever(reply);
  }
}

/** "📰 From the article “…”:" above an explanation read from a link or a picture. */
function readFromLine(ctx: Translator, from: ReadFrom | undefined): string {
  if (!from) return "";
  if (from.kind === "image") return `${ctx.t("image.read")}\n`;
  return from.title ? `${ctx.t("link.article", { title: escapeHtml(from.title) })}\n` : "";
}

/** A link read only from its address: why, what the address says, and what to send instead. */
function addressOnlyText(
  ctx: Translator,
  reply: Extract<MessageReply, { kind: "link_address" }>,
  config: Config,
): string {
  const why = reply.failure ? ctx.t(`link.failed.${reply.failure}`) : ctx.t("link.off");
  const lines = [`${why} ${ctx.t("link.address_only")}`];
  if (reply.text) {
    const text = escapeHtml(truncate(reply.text, config.answerMaxChars));
    lines.push(ctx.t("link.slug", { text }));
  }
  lines.push(ctx.t("link.paste"));
  return lines.join("\n\n");
}

function askKeyboard(ctx: Translator): InlineKeyboard {
  return new InlineKeyboard().text(ctx.t("convo.ask_button"), ASK_DATA);
}

/** One "📚 <lesson title>" button a row, each opening the lesson's first page. */
function lessonKeyboard(ctx: Translator, lessons: readonly LessonLink[]): InlineKeyboard {
  return new InlineKeyboard(
    lessons.map((lesson) => [
      InlineKeyboard.text(
        ctx.t("convo.lesson_button", { title: lesson.title }),
        encodeAction({ kind: "page", courseId: lesson.course, lessonId: lesson.lesson, page: 0 }),
      ),
    ]),
  );
}

function refusal(
  ctx: Translator,
  reply: Extract<MessageReply, { ok: false }>,
  config: Config,
): string {
  switch (reply.reason) {
    case "flood":
      return ctx.t("explain.flood", {
        interval: Math.ceil(config.floodIntervalMs / 1000),
        seconds: Math.max(1, Math.ceil(reply.retryInMs / 1000)),
      });
    case "quota": {
      const minutes = Math.ceil(reply.resetInMs / 60_000);
      return ctx.t("explain.quota", {
        limit: config.dailyLimit,
        hours: Math.floor(minutes / 60),
        minutes: minutes % 60,
      });
    }
    case "banned":
      return ctx.t("banned");
    case "unavailable":
      return ctx.t("explain.unavailable");
    case "empty":
      return ctx.t("explain.empty");
    case "too_long":
      return ctx.t("explain.too_long", { length: reply.length, max: reply.max });
    case "not_ours":
      return ctx.t("convo.not_ours");
    case "thread_gone":
      return ctx.t("convo.thread_gone", { hours: Math.round(config.threadTtlMs / HOUR_MS) });
    default:
      return assertNever(reply);
  }
}

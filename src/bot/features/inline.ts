import { Composer } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import type { InlinePreviewReply, MessageReply } from "../../actors/user";
import type { Config } from "../../config";
import { escapeHtml } from "../../news/html";
import { truncate } from "../../news/truncate";
import type { BotContext } from "../context";

/**
 * How long an inline query waits for a provider's answer. Telegram drops an answer to an inline
 * query that comes much later than this (the user has typed on); the offline answer is sent
 * instead, marked as such, and the provider's answer fills the cache for the next query.
 */
export const INLINE_DEADLINE_MS = 4_000;
/** Inline results with an explanation are personal and short-lived (the quota may change). */
const RESULT_CACHE_S = 10;
const HELP_CACHE_S = 300;

/**
 * Inline mode: `@bot <news text>` in any chat offers the explanation as one result; an empty
 * query offers a short help. Showing costs nothing: the user's quota and XP apply when they send
 * the result (chosen_inline_result, which needs inline feedback on in @BotFather).
 */
export function inlineFeature(config: Config): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.on("inline_query", async (ctx) => {
    const text = ctx.inlineQuery.query.trim();
    if (!text) {
      return ctx.answerInlineQuery([helpResult(ctx)], { cache_time: HELP_CACHE_S });
    }
    const reply = await ctx.askUser<InlinePreviewReply>(
      (replyTo) => ({ type: "inlinePreview", text, deadlineMs: INLINE_DEADLINE_MS, replyTo }),
      INLINE_DEADLINE_MS + 2_000,
    );
    await ctx.answerInlineQuery([resultOf(ctx, reply, config)], {
      cache_time: RESULT_CACHE_S,
      is_personal: true,
    });
  });

  feature.on("chosen_inline_result", async (ctx) => {
    const chosen = ctx.chosenInlineResult;
    const text = chosen.query.trim();
    if (!text || !chosen.result_id.startsWith("n:")) return; // the help result costs nothing
    const reply = await ctx.askUser<MessageReply>((replyTo) => ({
      type: "inlineChosen",
      text,
      replyTo,
    }));
    const counted = reply.ok && reply.kind === "explained" ? reply.count : undefined;
    ctx.log.info({ counted, reason: reply.ok ? undefined : reply.reason }, "inline result sent");
  });
  return feature;
}

function article(
  id: string,
  title: string,
  description: string,
  html: string,
): InlineQueryResultArticle {
  return {
    type: "article",
    id,
    title,
    description,
    input_message_content: { message_text: html, parse_mode: "HTML" },
  };
}

function helpResult(ctx: BotContext): InlineQueryResultArticle {
  return article(
    "help",
    ctx.t("inline.help_title"),
    ctx.t("inline.help_description"),
    ctx.t("inline.help_text", { bot: ctx.me.username }),
  );
}

/** The explanation as a result whose id (`n:` and a hash of the query) marks it as news. */
function resultOf(
  ctx: BotContext,
  reply: InlinePreviewReply,
  config: Config,
): InlineQueryResultArticle {
  if (!reply.ok) {
    const [title, text] =
      reply.reason === "quota"
        ? [ctx.t("inline.quota_title"), ctx.t("inline.quota_text")]
        : reply.reason === "too_long"
          ? [ctx.t("inline.too_long_title"), ctx.t("inline.too_long_text")]
          : reply.reason === "banned"
            ? [ctx.t("banned"), ctx.t("banned")]
            : [ctx.t("inline.help_title"), ctx.t("error.generic")];
    return article(`x:${reply.reason}`, title, text, text);
  }
  const body = escapeHtml(truncate(reply.text, config.answerMaxChars));
  const mark = reply.by === "offline" ? `\n\n${ctx.t("inline.offline_mark")}` : "";
  const id = `n:${Bun.hash.xxHash64(ctx.inlineQuery?.query.trim() ?? "").toString(36)}`;
  const description = truncate(reply.text, 120);
  return article(id, ctx.t("inline.result_title"), description, `${body}${mark}`);
}

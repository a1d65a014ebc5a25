import { Composer } from "grammy";
import type { ExplainReply } from "../../actors/user";
import type { Clock } from "../../clock";
import type { Config } from "../../config";
import { assertNever } from "../../errors";
import { escapeHtml } from "../../news/html";
import { truncate } from "../../news/truncate";
import type { BotContext } from "../context";
import { typingWhileSlow } from "../typing";

/** Longest news text accepted; Telegram's own limit is 4096. */
export const MAX_NEWS_CHARS = 4000;
/** The chain may try several providers, each bounded by its own timeout. */
const EXPLAIN_ASK_MS = 120_000;

/**
 * Explains news: plain text, a forwarded post, a caption, or `/explain <text>`.
 * Registered after the commands, so only text that is not a command arrives here.
 */
export function explainFeature(config: Config, clock: Clock): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("explain", (ctx) => {
    const text = ctx.match.trim();
    return text ? explain(ctx, text, config, clock) : ctx.reply(ctx.t("explain.usage"));
  });
  feature.on("message:text").filter(
    (ctx) => !ctx.message.text.startsWith("/"),
    (ctx) => explain(ctx, ctx.message.text, config, clock),
  );
  feature.on("message:caption", (ctx) => explain(ctx, ctx.message.caption, config, clock));
  return feature;
}

async function explain(ctx: BotContext, text: string, config: Config, clock: Clock): Promise<void> {
  if (text.length > MAX_NEWS_CHARS) {
    await ctx.reply(ctx.t("explain.too_long", { length: text.length, max: MAX_NEWS_CHARS }));
    return;
  }
  if (!text.trim()) {
    await ctx.reply(ctx.t("explain.empty"));
    return;
  }
  const reply = await typingWhileSlow(ctx, clock, () =>
    ctx.askUser<ExplainReply>((replyTo) => ({ type: "explain", text, replyTo }), EXPLAIN_ASK_MS),
  );
  await ctx.reply(render(ctx, reply, config));
}

function render(ctx: BotContext, reply: ExplainReply, config: Config): string {
  if (reply.ok) {
    const body = escapeHtml(truncate(reply.text, config.answerMaxChars));
    const footer = ctx.t("explain.footer", { xp: reply.xpAwarded, remaining: reply.remaining });
    const levelUp = reply.leveledUp ? `\n${ctx.t("level.up", { level: reply.level })}` : "";
    return `${body}\n\n<i>${footer}</i>${levelUp}`;
  }
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
    default:
      return assertNever(reply);
  }
}

import { Composer } from "grammy";
import type { LeaderboardReply } from "../../actors/user";
import type { Standing } from "../../db/reads";
import { escapeHtml } from "../../news/html";
import type { BotContext } from "../context";

/**
 * /leaderboard: the top 10 by XP this week (since Monday 00:00 UTC) and all time, and the
 * user's own place even outside the top. Equal XP share a place (1, 1, 3).
 */
export function leaderboardFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("leaderboard", async (ctx) => {
    const reply = await ctx.askUser<LeaderboardReply>((replyTo) => ({
      type: "leaderboard",
      replyTo,
    }));
    if (!reply.ok) return ctx.reply(ctx.t("error.generic"));
    const text = [
      ctx.t("leaderboard.title"),
      `${ctx.t("leaderboard.week")}\n${standing(ctx, reply.board.week)}`,
      `${ctx.t("leaderboard.all_time")}\n${standing(ctx, reply.board.allTime)}`,
    ].join("\n\n");
    await ctx.reply(text);
  });
  return feature;
}

function standing(ctx: BotContext, board: Standing): string {
  const me = ctx.from?.id;
  const lines = board.top.map((entry) =>
    ctx.t(entry.userId === me ? "leaderboard.entry_me" : "leaderboard.entry", {
      rank: entry.rank,
      name: escapeHtml(entry.firstName.trim() || ctx.t("leaderboard.anonymous")),
      xp: entry.xp,
    }),
  );
  if (lines.length === 0) lines.push(ctx.t("leaderboard.empty"));
  const listed = board.top.some((entry) => entry.userId === me);
  if (!listed) {
    lines.push(
      board.me
        ? ctx.t("leaderboard.me", { rank: board.me.rank, xp: board.me.xp })
        : ctx.t("leaderboard.me_none"),
    );
  }
  return lines.join("\n");
}

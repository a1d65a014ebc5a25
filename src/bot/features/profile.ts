import { Composer } from "grammy";
import type { ProfileReply } from "../../actors/user";
import type { Config } from "../../config";
import { escapeHtml } from "../../news/html";
import type { BotContext } from "../context";

/** /profile: XP, level, streak and the requests left today. */
export function profileFeature(config: Config): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("profile", async (ctx) => {
    const profile = await ctx.askUser<ProfileReply>((replyTo) => ({ type: "profile", replyTo }));
    if (!profile.ok) return ctx.reply(ctx.t("error.generic"));
    const params = {
      name: escapeHtml(profile.firstName || ctx.from?.first_name || "—"),
      level: profile.level,
      xp: profile.xp,
      remaining: profile.remaining,
      limit: config.dailyLimit,
    };
    const text =
      profile.nextAt === undefined
        ? ctx.t("profile.max_level", params)
        : ctx.t("profile.text", {
            ...params,
            nextLevel: profile.level + 1,
            toNext: profile.nextAt - profile.xp,
          });
    await ctx.reply(`${text}\n${streakLine(ctx, profile)}`);
  });
  return feature;
}

function streakLine(ctx: BotContext, profile: Extract<ProfileReply, { ok: true }>): string {
  if (profile.streak === 0) return ctx.t("profile.streak_none");
  const key = profile.streakDoneToday ? "profile.streak" : "profile.streak_pending";
  return ctx.t(key, { days: profile.streak });
}

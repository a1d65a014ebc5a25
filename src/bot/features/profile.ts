import { Composer } from "grammy";
import type { ProfileReply, ProgressReply } from "../../actors/user";
import type { Config } from "../../config";
import { progressBar } from "../../learning/daily-xp";
import type { WeeklyProgress } from "../../learning/progress-chart";
import { escapeHtml } from "../../news/html";
import type { BotContext } from "../context";

/** /profile: XP, level with a bar to the next, streak, the last seven days and requests left. */
export function profileFeature(config: Config): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("profile", async (ctx) => {
    const profile = await ctx.askUser<ProfileReply>((replyTo) => ({ type: "profile", replyTo }));
    if (!profile.ok) return ctx.reply(ctx.t("error.generic"));
    const progress = await ctx.askUser<ProgressReply>((replyTo) => ({ type: "progress", replyTo }));
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
    const lines = [text, streakLine(ctx, profile)];
    if (progress.ok) lines.push(...weekLines(ctx, progress.week));
    await ctx.reply(lines.join("\n"));
  });
  return feature;
}

function streakLine(ctx: BotContext, profile: Extract<ProfileReply, { ok: true }>): string {
  if (profile.streak === 0) return ctx.t("profile.streak_none");
  const key = profile.streakDoneToday ? "profile.streak" : "profile.streak_pending";
  return ctx.t(key, { days: profile.streak });
}

/** The bar to the next level, and XP per day of the last seven (weekday names localized). */
function weekLines(ctx: BotContext, week: WeeklyProgress): string[] {
  const weekday = new Intl.DateTimeFormat(ctx.lang, { weekday: "short", timeZone: "UTC" });
  const days = week.days
    .map((d) => `${weekday.format(new Date(d.day * 86_400_000))} ${d.xp}`)
    .join(" · ");
  const total = week.days.reduce((sum, d) => sum + d.xp, 0);
  return [
    ctx.t("profile.bar", { bar: progressBar(week) }),
    ctx.t("profile.week", { xp: total, days }),
  ];
}

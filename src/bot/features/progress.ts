import { Composer, InputFile } from "grammy";
import type { ProgressReply } from "../../actors/user";
import type { Lang } from "../../i18n/lang";
import type { WeeklyProgress } from "../../learning/progress-chart";
import type { BotContext } from "../context";

/** Draws the weekly picture (src/learning/progress-chart.ts: PNG bytes). */
export type RenderProgress = (week: WeeklyProgress, lang: Lang) => Promise<Uint8Array>;

/** /progress: the last seven days of XP, the level and the streak as a PNG picture. */
export function progressFeature(render: RenderProgress): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("progress", async (ctx) => {
    const reply = await ctx.askUser<ProgressReply>((replyTo) => ({ type: "progress", replyTo }));
    if (!reply.ok) return ctx.reply(ctx.t("error.generic"));
    await ctx.replyWithChatAction("upload_photo");
    const png = await render(reply.week, ctx.lang);
    const total = reply.week.days.reduce((sum, day) => sum + day.xp, 0);
    await ctx.replyWithPhoto(new InputFile(png, "progress.png"), {
      caption: ctx.t("progress.caption", { xp: total, level: reply.week.level }),
    });
  });
  return feature;
}

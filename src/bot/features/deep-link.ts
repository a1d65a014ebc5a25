import { Composer } from "grammy";
import type { LearnReply } from "../../actors/user";
import type { BotContext } from "../context";
import { parseStartPayload } from "../deep-link";
import { learnScreen } from "../screens/learn-screens";

/**
 * `/start <payload>` from a group's button (t.me/<bot>?start=…): `learn` opens the courses, a
 * lesson payload opens that lesson's first page (or the way to it when it is still locked).
 * Any other /start goes on to the welcome.
 */
export function deepLinkFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.chatType("private").command("start", async (ctx, next) => {
    const payload = parseStartPayload(ctx.match.trim());
    if (!payload) return next();
    const reply =
      payload.kind === "learn"
        ? await ctx.askUser<LearnReply>((replyTo) => ({ type: "learn", replyTo }))
        : await ctx.askUser<LearnReply>((replyTo) => ({
            type: "learnAction",
            action: {
              kind: "page",
              courseId: payload.courseId,
              lessonId: payload.lessonId,
              page: 0,
            },
            replyTo,
          }));
    if (!reply.ok) {
      // A locked or unknown lesson: the course list instead.
      const courses = await ctx.askUser<LearnReply>((replyTo) => ({ type: "learn", replyTo }));
      if (!courses.ok) return ctx.reply(ctx.t("error.generic"));
      const screen = learnScreen(ctx, courses.view);
      return ctx.reply(screen.text, { reply_markup: screen.keyboard });
    }
    const screen = learnScreen(ctx, reply.view);
    await ctx.reply(screen.text, { reply_markup: screen.keyboard });
  });
  return feature;
}

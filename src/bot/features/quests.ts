import { Composer } from "grammy";
import type { QuestsReply, Reward } from "../../actors/user";
import type { MessageKey } from "../../i18n/i18n";
import { XP } from "../../learning/levels";
import type { Quest } from "../../learning/quests";
import type { BotContext } from "../context";

/** /quests: today's three quests with their progress and when new ones come. */
export function questsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("quests", async (ctx) => {
    const reply = await ctx.askUser<QuestsReply>((replyTo) => ({ type: "quests", replyTo }));
    if (!reply.ok) return ctx.reply(ctx.t("error.generic"));
    const items = reply.quests.map((quest) =>
      ctx.t(quest.completed ? "quests.item_done" : "quests.item_open", {
        quest: questName(ctx, quest),
        progress: quest.progress,
        target: quest.target,
      }),
    );
    const minutes = Math.ceil(reply.resetInMs / 60_000);
    const footer = ctx.t("quests.footer", {
      bonus: reply.bonus,
      hours: Math.floor(minutes / 60),
      minutes: minutes % 60,
    });
    await ctx.reply([ctx.t("quests.title"), items.join("\n"), footer].join("\n\n"), {});
  });
  return feature;
}

/** A quest's name in the user's language (plain text, safe in HTML). */
export function questName(ctx: BotContext, quest: Quest): string {
  return ctx.t(`quest.${quest.kind}` as MessageKey);
}

/**
 * The lines that report a committed reward: the activity's XP, each completed quest with its
 * bonus (together they add up to `xpAwarded`), a streak extended today, a level-up.
 */
export function rewardLines(ctx: BotContext, reward: Reward | undefined): string[] {
  if (!reward) return [];
  const bonus = reward.questsCompleted.length * XP.questCompleted;
  const lines: string[] = [];
  if (reward.xpAwarded > bonus) lines.push(ctx.t("reward.xp", { xp: reward.xpAwarded - bonus }));
  for (const quest of reward.questsCompleted) {
    lines.push(ctx.t("reward.quest", { quest: questName(ctx, quest), bonus: XP.questCompleted }));
  }
  if (reward.streakExtended !== undefined) {
    lines.push(ctx.t("reward.streak", { days: reward.streakExtended }));
  }
  if (reward.leveledUp) lines.push(ctx.t("level.up", { level: reward.level }));
  return lines;
}

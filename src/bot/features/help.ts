import { Composer } from "grammy";
import type { Config } from "../../config";
import type { BotContext } from "../context";

/** /help: what the bot does and its limits. */
export function helpFeature(config: Config): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("help", (ctx) =>
    ctx.reply(
      ctx.t("help.text", {
        flood: Math.ceil(config.floodIntervalMs / 1000),
        limit: config.dailyLimit,
      }),
    ),
  );
  return feature;
}

import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import { type MessageKey, t } from "../i18n/i18n";
import { LANGS, type Lang } from "../i18n/lang";
import type { Logger } from "../logger";

/** The commands shown in Telegram's menu, in menu order. */
export const MENU_COMMANDS = [
  "start",
  "explain",
  "learn",
  "quests",
  "leaderboard",
  "profile",
  "progress",
  "reminders",
  "language",
  "help",
  "cancel",
  "deletemydata",
] as const;

export function menuFor(lang: Lang, extra: readonly string[] = []): BotCommand[] {
  return [...MENU_COMMANDS, ...extra].map((command) => ({
    command,
    description: t(lang, `commands.${command}` as MessageKey),
  }));
}

/**
 * Publishes the command menu for each language and a default. It is cosmetic: a failure is
 * logged and the bot carries on.
 */
export async function publishCommands(
  api: Api,
  defaultLang: Lang,
  logger: Logger,
  extra: readonly string[] = [],
): Promise<void> {
  try {
    await api.setMyCommands(menuFor(defaultLang, extra));
    for (const lang of LANGS) {
      await api.setMyCommands(menuFor(lang, extra), { language_code: lang });
    }
  } catch (error) {
    logger.warn({ err: error }, "could not publish the command menu");
  }
}

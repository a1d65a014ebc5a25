import { createInterface } from "node:readline";
import type { Bot } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { botInfo } from "../bot-info";
import type { BotContext } from "../context";
import { type ConsoleApiState, consoleApi } from "./console-api";

/** The bot's identity in console mode (no getMe call is made). */
export const CONSOLE_BOT: UserFromGetMe = botInfo({
  id: 1,
  firstName: "RVX",
  username: "rvx_console_bot",
});

export interface ConsoleIo {
  readonly input: NodeJS.ReadableStream;
  readonly print: (line: string) => void;
  /** A terminal: show a prompt; otherwise read to end of input and return. */
  readonly interactive: boolean;
  readonly user: { readonly id: number; readonly firstName: string; readonly languageCode: string };
}

/**
 * Runs the bot against a terminal: each line is a message from a local user, and a number
 * presses the matching button of the last keyboard shown. Resolves at end of input.
 */
export async function runConsole(bot: Bot<BotContext>, io: ConsoleIo): Promise<void> {
  const state: ConsoleApiState = { keyboard: undefined };
  bot.api.config.use(consoleApi(io.print, state, CONSOLE_BOT));
  const from = {
    id: io.user.id,
    is_bot: false,
    first_name: io.user.firstName,
    language_code: io.user.languageCode,
  };
  const chat = { id: io.user.id, type: "private" as const, first_name: io.user.firstName };
  let updateId = 1;
  let messageId = 1_000_000;

  const toUpdate = (line: string): Update => {
    const choice = Number(line.trim());
    const button = Number.isInteger(choice) ? state.keyboard?.buttons[choice - 1] : undefined;
    if (button && state.keyboard) {
      return {
        update_id: updateId++,
        callback_query: {
          id: String(updateId),
          from,
          chat_instance: "console",
          data: button.data,
          message: {
            message_id: state.keyboard.messageId,
            date: Math.floor(Date.now() / 1000),
            chat,
            text: state.keyboard.text,
          },
        },
      } as Update;
    }
    const command = line.match(/^\/\w+/)?.[0];
    return {
      update_id: updateId++,
      message: {
        message_id: messageId++,
        date: Math.floor(Date.now() / 1000),
        chat,
        from,
        text: line,
        ...(command
          ? { entities: [{ type: "bot_command", offset: 0, length: command.length }] }
          : {}),
      },
    } as Update;
  };

  const lines = createInterface({ input: io.input, terminal: false });
  if (io.interactive)
    io.print("RVX console: type a message, a /command, or a button number. Ctrl+D quits.");
  for await (const line of lines) {
    if (!line.trim()) continue;
    if (!io.interactive) io.print(`you: ${line}`);
    await bot.handleUpdate(toUpdate(line));
  }
}

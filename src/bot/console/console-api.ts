import type { Transformer } from "grammy";
import type { InlineKeyboardButton, Message } from "grammy/types";

export interface ConsoleButton {
  readonly text: string;
  readonly data: string;
}

/** What the bot showed last with buttons: a number typed next presses one of them. */
export interface ShownKeyboard {
  readonly messageId: number;
  readonly text: string;
  readonly buttons: readonly ConsoleButton[];
}

export interface ConsoleApiState {
  keyboard: ShownKeyboard | undefined;
}

type Payload = {
  chat_id?: number;
  text?: string;
  message_id?: number;
  reply_markup?: { inline_keyboard?: InlineKeyboardButton[][] };
};

/**
 * An API transformer that answers the Bot API in process and prints what the bot says, so the
 * same bot runs against a terminal. Nothing goes over the network.
 */
export function consoleApi(
  print: (line: string) => void,
  state: ConsoleApiState,
  bot: { id: number; first_name: string; username: string },
): Transformer {
  let nextMessageId = 1;
  const from = { id: bot.id, is_bot: true, first_name: bot.first_name, username: bot.username };

  const message = (payload: Payload, messageId: number): Message.TextMessage =>
    ({
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: payload.chat_id ?? 0, type: "private", first_name: "" },
      from,
      text: payload.text ?? "",
    }) as Message.TextMessage;

  const show = (payload: Payload, messageId: number, edited: boolean): void => {
    const text = toPlain(payload.text ?? "");
    print(edited ? `bot (edited): ${text}` : `bot: ${text}`);
    const buttons = (payload.reply_markup?.inline_keyboard ?? [])
      .flat()
      .flatMap((b) =>
        "callback_data" in b && b.callback_data ? [{ text: b.text, data: b.callback_data }] : [],
      );
    if (buttons.length > 0) {
      print(buttons.map((b, i) => `  [${i + 1}] ${b.text}`).join("\n"));
      state.keyboard = { messageId, text: payload.text ?? "", buttons };
    } else if (state.keyboard?.messageId === messageId) {
      state.keyboard = undefined;
    }
  };

  const answer = async (_prev: unknown, method: string, rawPayload: unknown) => {
    const payload = (rawPayload ?? {}) as Payload;
    switch (method) {
      case "sendMessage": {
        const id = nextMessageId++;
        show(payload, id, false);
        return { ok: true, result: message(payload, id) };
      }
      case "editMessageText": {
        const id = payload.message_id ?? 0;
        show(payload, id, true);
        return { ok: true, result: message(payload, id) };
      }
      case "sendPhoto": {
        // A terminal shows no picture: its caption stands for it.
        const caption = (rawPayload as { caption?: string }).caption ?? "";
        print(`bot (picture): ${caption}`);
        return { ok: true, result: { ...message(payload, nextMessageId++), text: undefined } };
      }
      case "answerCallbackQuery": {
        const text = (rawPayload as { text?: string }).text;
        if (text) print(`bot (notice): ${text}`);
        return { ok: true, result: true };
      }
      default:
        return { ok: true, result: true };
    }
  };
  // The transformer answers every method generically; grammY types it per method.
  return answer as unknown as Transformer;
}

/** Telegram HTML to terminal text. */
export function toPlain(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

import type { Chat, Message, MessageEntity, Update, User } from "grammy/types";
import type { SentMessage } from "./chat-store";
import type { EmulatorState } from "./methods";
import { compact } from "./request";

/** A simulated Telegram user; missing names are filled in. */
export interface TestUser {
  readonly id: number;
  readonly first_name?: string;
  readonly last_name?: string;
  readonly username?: string;
  readonly language_code?: string;
}

type MessageKey = "message" | "edited_message" | "channel_post" | "edited_channel_post";
type WithOptionalIds<T> = Omit<T, "message_id" | "date"> & { message_id?: number; date?: number };

/** An update to queue: `update_id`, and a message's `message_id` and `date`, are filled in. */
export type UpdateInput = { update_id?: number } & {
  [K in Exclude<keyof Update, "update_id">]?: K extends MessageKey
    ? WithOptionalIds<NonNullable<Update[K]>>
    : Update[K];
};

/** A bot message to press a button on: one from `sent(chatId)`, or a returned Message. */
export type MessageRef =
  | Pick<SentMessage, "chat_id" | "message_id">
  | Pick<Message, "chat" | "message_id">;

const MESSAGE_KEYS: readonly MessageKey[] = [
  "message",
  "edited_message",
  "channel_post",
  "edited_channel_post",
];
const FIRST_UPDATE_ID = 500_001;

/** The client side: what Telegram users do, turned into queued updates. */
export function createSimulatedUsers(state: EmulatorState) {
  const { chats, updates } = state;
  let nextUpdateId = FIRST_UPDATE_ID;
  let nextQueryId = 1;

  function sendUpdate(input: UpdateInput): Update {
    const update_id = input.update_id ?? nextUpdateId;
    nextUpdateId = Math.max(nextUpdateId, update_id + 1);
    const update: Record<string, unknown> = { ...input, update_id };
    for (const key of MESSAGE_KEYS) {
      const partial = input[key];
      if (!partial) continue;
      const message = {
        ...partial,
        message_id: partial.message_id ?? chats.nextMessageId(partial.chat.id),
        date: partial.date ?? Math.floor(state.now() / 1000),
      } as Message;
      chats.put({ ...chats.get(message.chat.id, message.message_id), message });
      update[key] = message;
    }
    const complete = update as unknown as Update;
    updates.push(complete);
    return complete;
  }

  function sendText(user: TestUser, text: string, extra: Partial<Message> = {}): Update {
    return sendPrivate(user, { text, ...commandEntities(text), ...extra });
  }

  /** Queues a private message from `user` with any content (photo, document, caption…). */
  function sendPrivate(user: TestUser, content: Partial<Message>): Update {
    const chat: Chat.PrivateChat = compact({
      id: user.id,
      type: "private",
      first_name: user.first_name ?? "Test",
      last_name: user.last_name,
      username: user.username,
    });
    const message = { chat, from: asUser(user), ...content };
    return sendUpdate({ message: message as NonNullable<UpdateInput["message"]> });
  }

  /** Throws when the bot message has no such button: the test, not the bot, is wrong then. */
  function pressButton(user: TestUser, ref: MessageRef, callbackData: string): Update {
    const chatId = "chat_id" in ref ? ref.chat_id : ref.chat.id;
    const stored = chats.get(chatId, ref.message_id);
    if (!stored?.sent) {
      throw new Error(`pressButton: no bot message ${ref.message_id} in chat ${chatId}`);
    }
    const buttons = stored.message.reply_markup?.inline_keyboard.flat() ?? [];
    const data = buttons.flatMap((button) =>
      "callback_data" in button ? [button.callback_data] : [],
    );
    if (!data.includes(callbackData)) {
      throw new Error(
        `pressButton: message ${ref.message_id} in chat ${chatId} has no button with callback_data ${JSON.stringify(callbackData)}; it has ${JSON.stringify(data)}`,
      );
    }
    return queuePress(user, stored.message, callbackData);
  }

  /**
   * Queues a press carrying `callbackData` whether or not the message has such a button: what a
   * modified client, or a button from an older version of the message, sends. The query can be
   * answered like a real one.
   */
  function forgeButtonPress(user: TestUser, ref: MessageRef, callbackData: string): Update {
    const chatId = "chat_id" in ref ? ref.chat_id : ref.chat.id;
    const stored = chats.get(chatId, ref.message_id);
    if (!stored?.sent) {
      throw new Error(`forgeButtonPress: no bot message ${ref.message_id} in chat ${chatId}`);
    }
    return queuePress(user, stored.message, callbackData);
  }

  /** Queues a callback query that can be answered once, as Telegram tracks them. */
  function queuePress(user: TestUser, message: Message, callbackData: string): Update {
    const id = `${state.botUser.id}${nextQueryId++}`;
    state.callbackQueries.set(id, { answered: false });
    const callback_query = {
      id,
      from: asUser(user),
      message,
      chat_instance: String(-1009 * Math.abs(message.chat.id)),
      data: callbackData,
    };
    return sendUpdate({ callback_query });
  }

  return { sendUpdate, sendText, sendPrivate, pressButton, forgeButtonPress };
}

/** A simulated user as Telegram shows them in updates. */
export function asUser(user: TestUser): User {
  return compact({
    id: user.id,
    is_bot: false,
    first_name: user.first_name ?? "Test",
    last_name: user.last_name,
    username: user.username,
    language_code: user.language_code,
  });
}

function commandEntities(text: string): { entities?: MessageEntity[] } {
  const command = /^\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?/.exec(text)?.[0];
  if (!command) return {};
  return { entities: [{ type: "bot_command", offset: 0, length: command.length }] };
}

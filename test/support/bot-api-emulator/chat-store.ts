import type {
  Chat,
  ForceReply,
  InlineKeyboardMarkup,
  Message,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
} from "grammy/types";

/** Any reply_markup a send method accepts. */
export type ReplyMarkup =
  | InlineKeyboardMarkup
  | ReplyKeyboardMarkup
  | ReplyKeyboardRemove
  | ForceReply;

/** A bot message as the bot wrote it, after any edits. */
export interface SentMessage {
  readonly chat_id: number;
  readonly message_id: number;
  /** The text as sent (HTML source when parse_mode is "HTML"). */
  readonly text: string;
  readonly parse_mode?: string;
  readonly reply_markup?: ReplyMarkup;
  /** A photo the bot sent (sendPhoto): the uploaded bytes or the file_id it reused. */
  readonly photo?: { readonly file_id: string; readonly bytes: Uint8Array };
  readonly caption?: string;
  readonly date: number;
  readonly edit_date?: number;
}

/** Every message the emulator knows: the Telegram view, plus the bot's source for its own. */
export interface StoredMessage {
  message: Message;
  sent?: SentMessage;
}

/** Chats seen in updates (or first written to) and their messages, with per-chat message ids. */
export interface ChatStore {
  remember(chat: Chat): void;
  /** Resolves a chat_id (number, numeric string or "@username"); unknown numeric ids are made up. */
  resolve(chatId: unknown): Chat | undefined;
  nextMessageId(chatId: number): number;
  put(stored: StoredMessage): void;
  get(chatId: number, messageId: number): StoredMessage | undefined;
  delete(chatId: number, messageId: number): boolean;
  sent(chatId: number): SentMessage[];
}

export function createChatStore(): ChatStore {
  const chats = new Map<number, Chat>();
  const messages = new Map<number, Map<number, StoredMessage>>();
  const lastMessageIds = new Map<number, number>();

  function chatMessages(chatId: number): Map<number, StoredMessage> {
    let inChat = messages.get(chatId);
    if (!inChat) {
      inChat = new Map();
      messages.set(chatId, inChat);
    }
    return inChat;
  }

  function resolve(chatId: unknown): Chat | undefined {
    if (typeof chatId === "string" && chatId.startsWith("@")) {
      const username = chatId.slice(1).toLowerCase();
      return [...chats.values()].find((chat) => chat.username?.toLowerCase() === username);
    }
    const id = typeof chatId === "string" && /^-?\d+$/.test(chatId) ? Number(chatId) : chatId;
    if (typeof id !== "number" || !Number.isSafeInteger(id) || id === 0) return undefined;
    const known = chats.get(id);
    if (known) return known;
    // Telegram would answer "chat not found" for a chat the bot never saw; tests often skip the
    // introduction (an admin id from config), so an unseen chat is invented from its id's sign.
    const invented: Chat =
      id > 0
        ? { id, type: "private", first_name: `User ${id}` }
        : { id, type: "supergroup", title: `Chat ${id}` };
    chats.set(id, invented);
    return invented;
  }

  return {
    remember(chat) {
      chats.set(chat.id, chat);
    },
    resolve,
    nextMessageId(chatId) {
      const id = (lastMessageIds.get(chatId) ?? 0) + 1;
      lastMessageIds.set(chatId, id);
      return id;
    },
    put(stored) {
      const { chat, message_id } = stored.message;
      chats.set(chat.id, chats.get(chat.id) ?? chat);
      lastMessageIds.set(chat.id, Math.max(lastMessageIds.get(chat.id) ?? 0, message_id));
      chatMessages(chat.id).set(message_id, stored);
    },
    get(chatId, messageId) {
      return messages.get(chatId)?.get(messageId);
    },
    delete(chatId, messageId) {
      return messages.get(chatId)?.delete(messageId) ?? false;
    },
    sent(chatId) {
      return [...(messages.get(chatId)?.values() ?? [])]
        .flatMap((stored) => (stored.sent ? [stored.sent] : []))
        .sort((a, b) => a.message_id - b.message_id);
    },
  };
}

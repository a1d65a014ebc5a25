import type { ApiError, InlineKeyboardMarkup, Message } from "grammy/types";
import type { ReplyMarkup, SentMessage, StoredMessage } from "./chat-store";
import { bool, compact, int, type Payload, str } from "./request";
import { chatOf, type EmulatorState, isObject, type Method, type Outcome, ok } from "./state";
import { badRequest, checkReplyMarkup, checkText } from "./validate";

type ReplyTo = NonNullable<Message["reply_to_message"]>;

const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

const NOT_MODIFIED = badRequest(
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
);

/** Methods that send, edit and delete messages in chats. */
export function createMessageMethods(state: EmulatorState) {
  const { chats } = state;
  const seconds = () => Math.floor(state.now() / 1000);

  function sendMessage(payload: Payload): Outcome {
    const chat = chatOf(chats, payload);
    if ("ok" in chat) return chat;
    const text = checkText(payload.text, payload.parse_mode, "message is too long");
    if (!text.ok) return text;
    const markup = checkReplyMarkup(payload.reply_markup);
    if (markup) return markup;
    const reply = replyTarget(chat.id, payload);
    if ("ok" in reply) return reply;

    const message_id = chats.nextMessageId(chat.id);
    const date = seconds();
    const sent = compact<SentMessage>({
      chat_id: chat.id,
      message_id,
      text: String(payload.text),
      parse_mode: str(payload.parse_mode),
      reply_markup: payload.reply_markup as ReplyMarkup | undefined,
      date,
    });
    const message = compact<Message>({
      message_id,
      from: state.botUser,
      chat,
      date,
      text: text.visible,
      reply_to_message: reply.message,
      reply_markup: inlineKeyboard(sent.reply_markup),
    });
    chats.put({ message, sent });
    return ok(message);
  }

  function replyTarget(chatId: number, payload: Payload): { message?: ReplyTo } | ApiError {
    const parameters = isObject(payload.reply_parameters)
      ? payload.reply_parameters
      : {
          message_id: payload.reply_to_message_id,
          allow_sending_without_reply: payload.allow_sending_without_reply,
        };
    const messageId = int(parameters.message_id);
    if (messageId === undefined) return {};
    const target = chats.get(chatId, messageId);
    // Telegram nests one level only: the replied-to message comes without its own reply.
    if (target)
      return { message: compact({ ...target.message, reply_to_message: undefined }) as ReplyTo };
    if (bool(parameters.allow_sending_without_reply)) return {};
    return badRequest("message to be replied not found");
  }

  /** The bot's own message an edit names, or Telegram's refusal. */
  function editable(payload: Payload): { stored: StoredMessage; sent: SentMessage } | ApiError {
    const chat = chatOf(chats, payload);
    if ("ok" in chat) return chat;
    const stored = chats.get(chat.id, int(payload.message_id) ?? 0);
    if (!stored) return badRequest("message to edit not found");
    if (!stored.sent) return badRequest("message can't be edited");
    return { stored, sent: stored.sent };
  }

  function applyEdit(
    stored: StoredMessage,
    sent: SentMessage,
    text: string,
    visible: string,
    payload: Payload,
  ) {
    const edit_date = seconds();
    const reply_markup = payload.reply_markup as ReplyMarkup | undefined;
    stored.sent = compact<SentMessage>({
      ...sent,
      text,
      parse_mode: str(payload.parse_mode),
      reply_markup,
      edit_date,
    });
    // Telegram drops an inline keyboard that an edit does not repeat.
    stored.message = compact<Message>({
      ...stored.message,
      text: visible,
      edit_date,
      reply_markup: inlineKeyboard(reply_markup),
    });
    return ok(stored.message);
  }

  function editMessageText(payload: Payload): Outcome {
    const target = payload.inline_message_id === undefined ? editable(payload) : undefined;
    if (target && "ok" in target) return target;
    const text = checkText(payload.text, payload.parse_mode, "MESSAGE_TOO_LONG");
    if (!text.ok) return text;
    const markup = checkReplyMarkup(payload.reply_markup);
    if (markup) return markup;
    if (!target) return ok(true);

    const { stored, sent } = target;
    const unchanged =
      sent.text === payload.text &&
      sent.parse_mode === str(payload.parse_mode) &&
      sameMarkup(sent.reply_markup, payload.reply_markup);
    if (unchanged) return NOT_MODIFIED;
    return applyEdit(stored, sent, String(payload.text), text.visible, payload);
  }

  function editMessageReplyMarkup(payload: Payload): Outcome {
    const target = payload.inline_message_id === undefined ? editable(payload) : undefined;
    if (target && "ok" in target) return target;
    const markup = checkReplyMarkup(payload.reply_markup);
    if (markup) return markup;
    if (!target) return ok(true);

    const { stored, sent } = target;
    if (sameMarkup(sent.reply_markup, payload.reply_markup)) return NOT_MODIFIED;
    const visible = stored.message.text ?? "";
    return applyEdit(stored, sent, sent.text, visible, { ...payload, parse_mode: sent.parse_mode });
  }

  function deleteMessage(payload: Payload): Outcome {
    const chat = chatOf(chats, payload);
    if ("ok" in chat) return chat;
    if (!chats.delete(chat.id, int(payload.message_id) ?? 0)) {
      return badRequest("message to delete not found");
    }
    return ok(true);
  }

  function sendChatAction(payload: Payload): Outcome {
    const chat = chatOf(chats, payload);
    if ("ok" in chat) return chat;
    if (!CHAT_ACTIONS.has(str(payload.action) ?? "")) {
      return badRequest("wrong parameter action in request");
    }
    return ok(true);
  }

  return {
    sendMessage,
    editMessageText,
    editMessageReplyMarkup,
    deleteMessage,
    sendChatAction,
  } satisfies Record<string, Method>;
}

function inlineKeyboard(markup: ReplyMarkup | undefined): InlineKeyboardMarkup | undefined {
  return markup && "inline_keyboard" in markup ? markup : undefined;
}

function sameMarkup(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

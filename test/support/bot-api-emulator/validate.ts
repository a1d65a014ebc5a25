import type { ApiError } from "grammy/types";
import { parseTelegramHtml } from "./html-check";

/** The longest message text Telegram accepts, counted in characters after entity parsing. */
export const MAX_TEXT_LENGTH = 4096;
const MAX_CALLBACK_DATA_BYTES = 64;
const encoder = new TextEncoder();

/** A 400 answer with Telegram's "Bad Request: " prefix. */
export function badRequest(description: string): ApiError {
  return { ok: false, error_code: 400, description: `Bad Request: ${description}` };
}

/**
 * Checks a message text as sendMessage/editMessageText do and returns what the user will see.
 * `tooLong` differs by method: sendMessage says "message is too long", edits "MESSAGE_TOO_LONG".
 */
export function checkText(
  text: unknown,
  parseMode: unknown,
  tooLong: string,
): { ok: true; visible: string } | ApiError {
  if (typeof text !== "string" || text.trim() === "") return badRequest("message text is empty");
  let visible = text;
  if (parseMode === "HTML") {
    const parsed = parseTelegramHtml(text);
    if (!parsed.ok) return badRequest(`can't parse entities: ${parsed.error}`);
    visible = parsed.text;
  } else if (parseMode !== undefined && parseMode !== "MarkdownV2" && parseMode !== "Markdown") {
    return badRequest("unsupported parse_mode");
  }
  if ([...visible].length > MAX_TEXT_LENGTH) return badRequest(tooLong);
  if (visible.trim() === "") return badRequest("message text is empty");
  return { ok: true, visible };
}

/** Checks a reply_markup the way Telegram rejects the common mistakes in it. */
export function checkReplyMarkup(markup: unknown): ApiError | undefined {
  if (markup === undefined) return undefined;
  if (typeof markup !== "object" || markup === null) {
    return badRequest("can't parse reply keyboard markup JSON object");
  }
  if ("keyboard" in markup && !isArrayOfArrays(markup.keyboard)) {
    return badRequest('field "keyboard" of the ReplyKeyboardMarkup should be an Array of Arrays');
  }
  if (!("inline_keyboard" in markup)) return undefined;
  const rows = markup.inline_keyboard;
  if (!isArrayOfArrays(rows)) {
    return badRequest(
      'field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays',
    );
  }
  for (const button of rows.flat()) {
    const problem = checkInlineButton(button);
    if (problem) return problem;
  }
  return undefined;
}

function checkInlineButton(button: unknown): ApiError | undefined {
  const prefix = "can't parse inline keyboard button:";
  if (typeof button !== "object" || button === null || Array.isArray(button)) {
    return badRequest(`${prefix} InlineKeyboardButton should be an Object`);
  }
  if (!("text" in button)) return badRequest(`${prefix} Can't find field "text"`);
  if (typeof button.text !== "string") {
    return badRequest(`${prefix} Field "text" must be of type String`);
  }
  const actions = Object.keys(button).filter((key) => key !== "text" && key !== "style");
  if (actions.length === 0) {
    return badRequest(`${prefix} Text buttons are unallowed in the inline keyboard`);
  }
  if ("callback_data" in button) {
    const data = button.callback_data;
    const bytes = typeof data === "string" ? encoder.encode(data).length : 0;
    if (bytes === 0 || bytes > MAX_CALLBACK_DATA_BYTES) return badRequest("BUTTON_DATA_INVALID");
  }
  return undefined;
}

/** Checks setMyCommands' list: 1-32 of a-z, 0-9 and _, each with a description. */
export function checkCommands(commands: unknown): ApiError | undefined {
  if (!Array.isArray(commands)) return badRequest("can't parse commands JSON object");
  for (const entry of commands) {
    const command: unknown = entry?.command;
    const description: unknown = entry?.description;
    if (typeof command !== "string" || !/^[a-z0-9_]{1,32}$/.test(command)) {
      return badRequest("BOT_COMMAND_INVALID");
    }
    if (typeof description !== "string" || description.length === 0 || description.length > 256) {
      return badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
    }
  }
  return undefined;
}

function isArrayOfArrays(value: unknown): value is unknown[][] {
  return Array.isArray(value) && value.every(Array.isArray);
}

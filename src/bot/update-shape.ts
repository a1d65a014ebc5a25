import type { Update } from "grammy/types";

type Obj = Record<string, unknown>;

const isObj = (value: unknown): value is Obj =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isId = (value: unknown) => Number.isSafeInteger(value);
/** A user or chat: an object with an integer id, when present. */
const optionalPeer = (value: unknown) => value === undefined || (isObj(value) && isId(value.id));

function isMessage(value: unknown): boolean {
  return (
    isObj(value) &&
    isId(value.message_id) &&
    typeof value.date === "number" &&
    isObj(value.chat) &&
    isId(value.chat.id) &&
    typeof value.chat.type === "string" &&
    optionalPeer(value.from)
  );
}

const MESSAGE_KINDS = ["message", "edited_message", "channel_post", "edited_channel_post"];

/**
 * Whether a webhook body has the shape grammY and RVX rely on: an object with an integer
 * `update_id`, whose messages have an id, a date and a chat with an id, and whose callback
 * queries have an id and a sender. Telegram always sends that; anything else is not Telegram.
 */
export function isWellFormedUpdate(body: unknown): body is Update {
  if (!isObj(body) || !isId(body.update_id)) return false;
  for (const kind of MESSAGE_KINDS) {
    if (body[kind] !== undefined && !isMessage(body[kind])) return false;
  }
  const query = body.callback_query;
  if (query === undefined) return true;
  return (
    isObj(query) &&
    typeof query.id === "string" &&
    isObj(query.from) &&
    isId(query.from.id) &&
    (query.message === undefined || isMessage(query.message))
  );
}

import type { ApiError, ApiSuccess, Chat, User } from "grammy/types";
import type { ChatStore } from "./chat-store";
import type { Payload } from "./request";
import type { UpdateQueue } from "./update-queue";
import { badRequest } from "./validate";

/** The webhook as last set; `url` is "" when none is set. */
export interface WebhookState {
  readonly url: string;
  readonly secret_token?: string;
  readonly allowed_updates?: string[];
  readonly max_connections?: number;
}

/** Everything the methods read and change. */
export interface EmulatorState {
  readonly botUser: User;
  readonly botInfo: object;
  readonly now: () => number;
  readonly updates: UpdateQueue;
  readonly chats: ChatStore;
  readonly callbackQueries: Map<string, { answered: boolean }>;
  webhook: WebhookState;
}

export type Outcome = ApiSuccess<unknown> | ApiError;

/** Per-request hooks: the client's abort signal, and a way to lift the idle timeout. */
export interface CallContext {
  readonly signal: AbortSignal;
  keepOpen(): void;
}

export type Method = (payload: Payload, context: CallContext) => Outcome | Promise<Outcome>;

export const ok = (result: unknown): Outcome => ({ ok: true, result });

/** The chat a call names by chat_id, or Telegram's refusal. */
export function chatOf(chats: ChatStore, payload: Payload): Chat | ApiError {
  if (payload.chat_id === undefined || payload.chat_id === "")
    return badRequest("chat_id is empty");
  return chats.resolve(payload.chat_id) ?? badRequest("chat not found");
}

export function isObject(value: unknown): value is Payload {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

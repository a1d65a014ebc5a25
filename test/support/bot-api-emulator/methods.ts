import type { ApiError, BotCommand } from "grammy/types";
import { createMessageMethods } from "./message-methods";
import { bool, compact, int, type Payload, str } from "./request";
import {
  type CallContext,
  type EmulatorState,
  isObject,
  type Method,
  type Outcome,
  ok,
} from "./state";
import { badRequest, checkCommands } from "./validate";

export type { CallContext, EmulatorState, Method, Outcome, WebhookState } from "./state";

const conflict = (description: string): ApiError => ({
  ok: false,
  error_code: 409,
  description: `Conflict: ${description}`,
});

/** The implemented Bot API methods, by name. */
export function createMethods(state: EmulatorState): Record<string, Method> {
  const { updates } = state;
  const commands = new Map<string, BotCommand[]>();
  const menuButtons = new Map<string, unknown>();

  async function getUpdates(payload: Payload, { signal, keepOpen }: CallContext): Promise<Outcome> {
    if (state.webhook.url !== "") {
      return conflict(
        "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    if (Array.isArray(payload.allowed_updates)) updates.allow(payload.allowed_updates.map(String));
    const timeout = Math.max(0, int(payload.timeout) ?? 0);
    if (timeout > 0) keepOpen();
    const result = await updates.poll({
      offset: int(payload.offset) ?? 0,
      limit: Math.min(100, Math.max(1, int(payload.limit) || 100)),
      timeoutMs: timeout * 1000,
      signal,
    });
    if (result.ok) return ok(result.updates);
    return conflict(
      "terminated by other getUpdates request; make sure that only one bot instance is running",
    );
  }

  function setWebhook(payload: Payload): Outcome {
    if (bool(payload.drop_pending_updates)) updates.clear();
    if (Array.isArray(payload.allowed_updates)) updates.allow(payload.allowed_updates.map(String));
    state.webhook = compact({
      url: str(payload.url) ?? "",
      secret_token: str(payload.secret_token),
      allowed_updates: Array.isArray(payload.allowed_updates) ? payload.allowed_updates : undefined,
      max_connections: int(payload.max_connections),
    });
    return ok(true);
  }

  function getWebhookInfo(): Outcome {
    const { url, allowed_updates, max_connections } = state.webhook;
    const pending_update_count = updates.pending.length;
    return ok(
      compact({
        url,
        has_custom_certificate: false,
        pending_update_count,
        allowed_updates,
        max_connections,
      }),
    );
  }

  function answerCallbackQuery(payload: Payload): Outcome {
    const query = state.callbackQueries.get(str(payload.callback_query_id) ?? "");
    if (!query || query.answered) {
      return badRequest("query is too old and response timeout expired or query ID is invalid");
    }
    query.answered = true;
    return ok(true);
  }

  function setMyCommands(payload: Payload): Outcome {
    const problem = checkCommands(payload.commands);
    if (problem) return problem;
    commands.set(commandsKey(payload), payload.commands as BotCommand[]);
    return ok(true);
  }

  return {
    getMe: () => ok(state.botInfo),
    getUpdates,
    deleteWebhook(payload) {
      return setWebhook({ drop_pending_updates: payload.drop_pending_updates });
    },
    setWebhook,
    getWebhookInfo,
    setMyCommands,
    getMyCommands: (payload) => ok(commands.get(commandsKey(payload)) ?? []),
    deleteMyCommands(payload) {
      commands.delete(commandsKey(payload));
      return ok(true);
    },
    setChatMenuButton(payload) {
      const button = isObject(payload.menu_button) ? payload.menu_button : { type: "default" };
      menuButtons.set(str(payload.chat_id) ?? "", button);
      return ok(true);
    },
    getChatMenuButton: (payload) =>
      ok(menuButtons.get(str(payload.chat_id) ?? "") ?? menuButtons.get("") ?? { type: "default" }),
    answerCallbackQuery,
    ...createMessageMethods(state),
  };
}

function commandsKey(payload: Payload): string {
  return `${JSON.stringify(payload.scope ?? { type: "default" })}|${str(payload.language_code) ?? ""}`;
}

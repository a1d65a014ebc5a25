import type { UserFromGetMe } from "grammy/types";

/**
 * A bot's identity as getMe returns it, for places that know it without asking Telegram
 * (console mode, the Bot API emulator, benchmarks): a private-chat bot with every optional
 * capability off.
 */
export function botInfo(identity: {
  readonly id: number;
  readonly firstName: string;
  readonly username: string;
}): UserFromGetMe {
  return {
    id: identity.id,
    is_bot: true,
    first_name: identity.firstName,
    username: identity.username,
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
}

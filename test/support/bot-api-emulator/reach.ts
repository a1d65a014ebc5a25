import type {
  Chat,
  ChatMember,
  InlineQueryResult,
  Message,
  MessageEntity,
  Update,
} from "grammy/types";
import { int, type Payload, str } from "./request";
import { chatOf, type EmulatorState, type Method, type Outcome, ok } from "./state";
import { asUser, type TestUser, type UpdateInput } from "./users";
import { badRequest, checkText } from "./validate";

/** A group or supergroup the simulated users write in (a negative id, as Telegram's). */
export interface TestGroup {
  readonly id: number;
  readonly title?: string;
  readonly type?: "group" | "supergroup";
}

/** What the bot answered to an inline query. */
export interface InlineAnswer {
  readonly inline_query_id: string;
  readonly results: InlineQueryResult[];
  readonly cache_time?: number;
  readonly is_personal?: boolean;
}

type MemberStatus = ChatMember["status"];

const MAX_INLINE_RESULTS = 50;
const MAX_RESULT_ID_BYTES = 64;
const encoder = new TextEncoder();

/**
 * Groups, inline mode and membership: the client side (a member writes in a group, types an
 * inline query, sends a result, adds or removes the bot) and the methods the bot calls for them
 * (getChatMember, answerInlineQuery). Member statuses default to "member".
 */
export function createReach(state: EmulatorState, sendUpdate: (input: UpdateInput) => Update) {
  const statuses = new Map<string, MemberStatus>();
  const inlineQueries = new Map<string, { answered: boolean; from: number }>();
  const answers: InlineAnswer[] = [];
  let nextQueryId = 1;

  const chatOfGroup = (group: TestGroup): Chat.GroupChat | Chat.SupergroupChat =>
    group.type === "group"
      ? { id: group.id, type: "group", title: group.title ?? `Group ${group.id}` }
      : { id: group.id, type: "supergroup", title: group.title ?? `Group ${group.id}` };

  function rememberGroup(group: TestGroup) {
    state.chats.remember(chatOfGroup(group));
  }

  /** Queues a message from `user` in `group`; commands and @mentions get their entities. */
  function sendGroupText(
    user: TestUser,
    group: TestGroup,
    text: string,
    extra: Partial<Message> = {},
  ): Update {
    rememberGroup(group);
    const message = {
      chat: chatOfGroup(group),
      from: asUser(user),
      text,
      ...entities(text),
      ...extra,
    };
    return sendUpdate({ message: message as NonNullable<UpdateInput["message"]> });
  }

  /** Sets what getChatMember answers for `userId` in `chatId`. */
  function setMemberStatus(chatId: number, userId: number, status: MemberStatus) {
    statuses.set(`${chatId}:${userId}`, status);
  }

  /** Queues my_chat_member: `by` changed the bot's status in `group` (added, removed…). */
  function changeBotMembership(
    by: TestUser,
    group: TestGroup,
    from: MemberStatus,
    to: MemberStatus,
  ): Update {
    rememberGroup(group);
    setMemberStatus(group.id, state.botUser.id, to);
    const member = (status: MemberStatus) => ({ status, user: state.botUser }) as ChatMember;
    return sendUpdate({
      my_chat_member: {
        chat: chatOfGroup(group),
        from: asUser(by),
        date: Math.floor(state.now() / 1000),
        old_chat_member: member(from),
        new_chat_member: member(to),
      },
    });
  }

  /** Queues an inline query `@bot <query>` typed by `user`. */
  function sendInlineQuery(user: TestUser, query: string): Update {
    const id = `iq${state.botUser.id}${nextQueryId++}`;
    inlineQueries.set(id, { answered: false, from: user.id });
    return sendUpdate({ inline_query: { id, from: asUser(user), query, offset: "" } });
  }

  /** Queues chosen_inline_result: `user` sent result `resultId` of their query `query`. */
  function chooseInlineResult(user: TestUser, resultId: string, query: string): Update {
    return sendUpdate({
      chosen_inline_result: { result_id: resultId, from: asUser(user), query },
    });
  }

  const methods: Record<string, Method> = {
    getChatMember(payload: Payload): Outcome {
      const chat = chatOf(state.chats, payload);
      if ("ok" in chat) return chat;
      const userId = int(payload.user_id);
      if (userId === undefined) return badRequest("user_id is empty");
      const status = statuses.get(`${chat.id}:${userId}`) ?? "member";
      const user = { id: userId, is_bot: false, first_name: `User ${userId}` };
      return ok({ status, user });
    },
    answerInlineQuery(payload: Payload): Outcome {
      const id = str(payload.inline_query_id) ?? "";
      const query = inlineQueries.get(id);
      if (!query || query.answered) {
        return badRequest("query is too old and response timeout expired or query ID is invalid");
      }
      const results = payload.results;
      if (!Array.isArray(results) || results.length > MAX_INLINE_RESULTS) {
        return badRequest("RESULTS_TOO_MUCH");
      }
      for (const result of results as InlineQueryResult[]) {
        const bytes = encoder.encode(String(result.id ?? "")).length;
        if (bytes === 0 || bytes > MAX_RESULT_ID_BYTES) return badRequest("RESULT_ID_INVALID");
        if (result.type === "article" && "message_text" in result.input_message_content) {
          const content = result.input_message_content;
          const text = checkText(content.message_text, content.parse_mode, "MESSAGE_TOO_LONG");
          if (!text.ok) return text;
        }
      }
      query.answered = true;
      answers.push({
        inline_query_id: id,
        results: results as InlineQueryResult[],
        ...(int(payload.cache_time) !== undefined ? { cache_time: int(payload.cache_time) } : {}),
        ...(payload.is_personal !== undefined ? { is_personal: Boolean(payload.is_personal) } : {}),
      });
      return ok(true);
    },
  };

  return {
    methods,
    client: {
      sendGroupText,
      setMemberStatus,
      changeBotMembership,
      sendInlineQuery,
      chooseInlineResult,
      /** The bot's answer to inline query `queryId`, if it answered. */
      inlineAnswer: (queryId: string) => answers.find((a) => a.inline_query_id === queryId),
    },
  };
}

function entities(text: string): { entities?: MessageEntity[] } {
  const found: MessageEntity[] = [];
  const command = /^\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?/.exec(text)?.[0];
  if (command) found.push({ type: "bot_command", offset: 0, length: command.length });
  for (const m of text.matchAll(/@[A-Za-z0-9_]{5,32}/g)) {
    if (m.index === 0 && command) continue;
    if (command && m.index !== undefined && m.index < command.length) continue;
    found.push({ type: "mention", offset: m.index ?? 0, length: m[0].length });
  }
  return found.length > 0 ? { entities: found } : {};
}

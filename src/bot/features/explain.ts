import { Composer } from "grammy";
import type { Message } from "grammy/types";
import type { Ack, AskReply, MessageInput, MessageReply } from "../../actors/user";
import type { Clock } from "../../clock";
import type { Config } from "../../config";
import type { Lang } from "../../i18n/lang";
import { MAX_MESSAGE_CHARS } from "../../news/conversation/route";
import { ASK_CALLBACK, ASK_DATA } from "../callback-data";
import type { BotContext } from "../context";
import { messageScreen } from "../screens/message-screens";
import type { Place } from "../screens/teach-screens";
import { typingWhileSlow } from "../typing";

/** Longest news text accepted; Telegram's own limit is 4096. */
export const MAX_NEWS_CHARS = MAX_MESSAGE_CHARS;
/** The chain may try several providers, each bounded by its own timeout. */
const EXPLAIN_ASK_MS = 120_000;

/**
 * Every text message: plain text, a forwarded post, a caption, or `/explain <text>`. The user
 * actor reads its intent and answers it as it deserves (news, question, small talk, link, scam,
 * off-topic); a reply to one of RVX's answers, or a message after "❓ Ask about this", is a
 * follow-up in that thread. Registered after the commands, so only text that is not a command
 * arrives here.
 */
export function explainFeature(config: Config, clock: Clock): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("explain", (ctx) => {
    const text = ctx.match.trim();
    return text ? converse(ctx, text, config, clock) : ctx.reply(ctx.t("explain.usage"));
  });
  feature.on("message:text").filter(
    (ctx) => !ctx.message.text.startsWith("/"),
    (ctx) => converse(ctx, ctx.message.text, config, clock),
  );
  feature.on("message:caption", (ctx) => converse(ctx, ctx.message.caption, config, clock));

  feature.callbackQuery(ASK_CALLBACK, async (ctx) => {
    const message = ctx.callbackQuery.message;
    const chatId = message?.chat.id;
    if (!message || chatId === undefined) {
      return ctx.answerCallbackQuery({ text: ctx.t("convo.ask_gone") });
    }
    const reply = await ctx.askUser<AskReply>((replyTo) => ({
      type: "askAbout",
      chatId,
      messageId: message.message_id,
      replyTo,
    }));
    if (!reply.ok) {
      const key = reply.reason === "unavailable" ? "error.generic" : "convo.ask_gone";
      return ctx.answerCallbackQuery({ text: ctx.t(reply.reason === "banned" ? "banned" : key) });
    }
    await ctx.answerCallbackQuery();
    const prompt = await ctx.reply(ctx.t("convo.ask_prompt"), {
      reply_markup: { force_reply: true, input_field_placeholder: ctx.t("convo.ask_placeholder") },
    });
    // A Telegram reply to the prompt continues the same thread.
    await deliver(ctx, chatId, prompt.message_id, { kind: "link", rootId: reply.rootId });
  });
  return feature;
}

/** How a group's message is answered (see features/group.ts); a private chat needs none. */
export interface ConverseOptions {
  readonly place?: Place;
  /** The group's language, chosen by its admins. */
  readonly lang?: Lang;
  /** False: the text is not a follow-up to the message it replies to (`/explain` as a reply). */
  readonly followUp?: boolean;
}

/** Answers `text` through the user actor and stores the answer's thread. */
export async function converse(
  ctx: BotContext,
  text: string,
  config: Config,
  clock: Clock,
  options: ConverseOptions = {},
) {
  if (text.length > MAX_NEWS_CHARS) {
    await ctx.reply(ctx.t("explain.too_long", { length: text.length, max: MAX_NEWS_CHARS }));
    return;
  }
  const chatId = ctx.chat?.id ?? ctx.from?.id ?? 0;
  const replied = options.followUp === false ? undefined : ctx.message?.reply_to_message;
  const input: MessageInput = {
    text,
    chatId,
    ...replyToOf(ctx, replied),
    ...(options.lang ? { lang: options.lang } : {}),
  };
  const reply = await typingWhileSlow(ctx, clock, () =>
    ctx.askUser<MessageReply>((replyTo) => ({ type: "message", input, replyTo }), EXPLAIN_ASK_MS),
  );
  const screen = messageScreen(ctx, reply, config, options.place);
  const inGroup = options.place?.kind === "group" && ctx.message;
  const sent = await ctx.reply(screen.text, {
    ...(screen.keyboard ? { reply_markup: screen.keyboard } : {}),
    ...(inGroup ? { reply_parameters: { message_id: inGroup.message_id } } : {}),
  });
  if (reply.ok && (reply.kind === "explained" || reply.kind === "answered")) {
    await deliver(ctx, chatId, sent.message_id, reply.thread);
  }
}

/** Stores the thread turn of a sent answer; a failure only costs the follow-up, so it is logged. */
async function deliver(
  ctx: BotContext,
  chatId: number,
  messageId: number,
  seed: Extract<MessageReply, { kind: "explained" }>["thread"],
): Promise<void> {
  const ack = await ctx.askUser<Ack>((replyTo) => ({
    type: "delivered",
    chatId,
    messageId,
    seed,
    replyTo,
  }));
  if (!ack.ok) ctx.log.warn({ messageId }, "could not store a conversation thread");
}

function replyToOf(ctx: BotContext, replied: Message | undefined): Pick<MessageInput, "replyTo"> {
  if (!replied) return {};
  const buttons = replied.reply_markup?.inline_keyboard.flat() ?? [];
  return {
    replyTo: {
      messageId: replied.message_id,
      fromBot: replied.from?.id === ctx.me.id,
      askable: buttons.some((b) => "callback_data" in b && b.callback_data === ASK_DATA),
    },
  };
}

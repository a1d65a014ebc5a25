import { Composer } from "grammy";
import type { Message } from "grammy/types";
import type { Ack, AskReply, MessageInput, MessageReply } from "../../actors/user";
import type { Clock } from "../../clock";
import type { Config } from "../../config";
import type { Lang } from "../../i18n/lang";
import { MAX_MESSAGE_CHARS } from "../../news/conversation/route";
import { streamDrafts } from "../answer-drafts";
import { ASK_CALLBACK, ASK_DATA } from "../callback-data";
import type { BotContext } from "../context";
import { messageScreen } from "../screens/message-screens";
import type { Place } from "../screens/teach-screens";
import { typingWhileSlow } from "../typing";
import { imageExtra, linkExtra, type MediaDeps, type MessageExtra } from "./explain-media";

export type { MediaDeps } from "./explain-media";

/** Longest news text accepted; Telegram's own limit is 4096. */
export const MAX_NEWS_CHARS = MAX_MESSAGE_CHARS;
/** The chain may try several providers, each bounded by its own timeout. */
const EXPLAIN_ASK_MS = 120_000;

/**
 * Every text message: plain text, a forwarded post, a caption, a photo or screenshot, or
 * `/explain <text>`. The user actor reads its intent and answers it as it deserves (news,
 * question, small talk, link, scam, off-topic); a message that is mainly a link is read from its
 * page, a picture by a provider that reads images; a reply to one of RVX's answers, or a message
 * after "❓ Ask about this", is a follow-up in that thread. Registered after the commands, so
 * only text that is not a command arrives here. Without `media`, links and pictures are not read.
 */
export function explainFeature(
  config: Config,
  clock: Clock,
  media?: MediaDeps,
): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("explain", async (ctx) => {
    const text = ctx.match.trim();
    if (!text) return ctx.reply(ctx.t("explain.usage"));
    return converse(ctx, text, config, clock, await linkExtra(ctx, text, clock, media));
  });
  feature.on("message:text").filter(
    (ctx) => !ctx.message.text.startsWith("/"),
    async (ctx) => {
      const { text } = ctx.message;
      const extra = await linkExtra(ctx, text, clock, media, ctx.message);
      return converse(ctx, text, config, clock, extra);
    },
  );
  feature.on(["message:photo", "message:document"], async (ctx, next) => {
    const extra = await imageExtra(ctx, clock, media);
    if (!extra) return;
    const caption = ctx.message.caption ?? "";
    // A file that is not a picture: its caption is text like any other, else the fallback.
    if (!extra.image && !caption) return next();
    return converse(ctx, caption, config, clock, extra);
  });
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

/**
 * Answers `text` through the user actor (with a link's article or a picture in `extra`),
 * streaming an AI answer as drafts, and stores the answer's thread.
 */
export async function converse(
  ctx: BotContext,
  text: string,
  config: Config,
  clock: Clock,
  extra: MessageExtra = {},
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
    ...extra,
  };
  const reply = await withDrafts(ctx, clock, config, (onDelta) =>
    typingWhileSlow(ctx, clock, () =>
      ctx.askUser<MessageReply>(
        (replyTo) => ({ type: "message", input: onDelta ? { ...input, onDelta } : input, replyTo }),
        EXPLAIN_ASK_MS,
      ),
    ),
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

/**
 * Runs `ask` with an `onDelta` that shows the answer as drafts while a provider writes it (a
 * private chat only: Telegram takes drafts nowhere else), and closes the drafts before the
 * final message is sent, so no draft lands after it.
 */
async function withDrafts<T>(
  ctx: BotContext,
  clock: Clock,
  config: Config,
  ask: (onDelta: ((text: string) => void) | undefined) => Promise<T>,
): Promise<T> {
  const messageId = ctx.message?.message_id;
  if (ctx.chat?.type !== "private" || !messageId) return ask(undefined);
  const drafts = streamDrafts(ctx, clock, { maxChars: config.answerMaxChars, draftId: messageId });
  try {
    return await ask(drafts.onDelta);
  } finally {
    await drafts.close();
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

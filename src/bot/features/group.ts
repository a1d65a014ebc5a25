import { Composer, InlineKeyboard } from "grammy";
import type { Ref } from "nact";
import { ask } from "../../actors/ask";
import type { GroupAdmission, GroupInfo, GroupsMsg } from "../../actors/groups";
import type { Ack } from "../../actors/user";
import type { Clock } from "../../clock";
import type { Config } from "../../config";
import { isGroupAdmin } from "../../news/groups/group-limit";
import { GROUP_LANGUAGE_CALLBACK, groupLanguageData, parseLanguage } from "../callback-data";
import type { BotContext } from "../context";
import { privateLink, type StartPayload } from "../deep-link";
import type { Place } from "../screens/teach-screens";
import { converse } from "./explain";

const GROUPS_ASK_MS = 5_000;

/** Commands whose answer is personal: in a group they get a button to the private chat. */
const PRIVATE_COMMANDS = [
  "start",
  "learn",
  "quests",
  "leaderboard",
  "profile",
  "progress",
  "reminders",
  "deletemydata",
  "cancel",
] as const;

export interface GroupDeps {
  readonly config: Config;
  readonly clock: Clock;
  /** The groups actor (per-group limit and language). */
  readonly groups: Ref<GroupsMsg>;
}

/**
 * RVX in groups and supergroups. With privacy mode on, Telegram only shows the bot commands,
 * replies to its messages and mentions of it; with it off RVX still answers only those:
 * `/explain` as a reply explains the message replied to, a reply to RVX's answer is a follow-up,
 * a mention is treated like a private message. Each answer is counted against the group's
 * GROUP_EXPLAINS_PER_HOUR; the member's own XP and quota apply. Learning commands answer with a
 * button that opens the private chat; `/language` is for the group's admins. Everything else in
 * a group is left alone (no "unknown command" for other bots' commands).
 */
export function groupFeature(deps: GroupDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const group = feature.chatType(["group", "supergroup"]);
  const groupsAsk = <R>(make: (replyTo: Ref<R>) => GroupsMsg) =>
    ask<GroupsMsg, R>(deps.groups, make, GROUPS_ASK_MS, "groups");

  // The group's language (chosen by its admins) wins over each member's own.
  group.use(async (ctx, next) => {
    const info = await groupsAsk<GroupInfo>((replyTo) => ({
      type: "info",
      chatId: ctx.chat.id,
      replyTo,
    }));
    if (info.ok && info.lang) ctx.lang = info.lang;
    await next();
  });

  const place = (ctx: BotContext): Place => ({ kind: "group", bot: ctx.me.username });
  const answer = async (ctx: BotContext, text: string, followUp: boolean) => {
    const chatId = ctx.chat?.id ?? 0;
    const admission = await groupsAsk<GroupAdmission | GroupInfo>((replyTo) => ({
      type: "admit",
      chatId,
      replyTo,
    }));
    if (!admission.ok) {
      if (admission.reason !== "group_limit") return ctx.reply(ctx.t("error.generic"));
      if (admission.quiet) return;
      const minutes = Math.max(1, Math.ceil(admission.retryInMs / 60_000));
      return ctx.reply(ctx.t("group.limit", { minutes }), {
        reply_markup: privateButton(ctx, { kind: "learn" }),
      });
    }
    const { lang } = ctx;
    return converse(ctx, text, deps.config, deps.clock, {}, { place: place(ctx), lang, followUp });
  };

  group.command("help", (_ctx, next) => next());
  group.command([...PRIVATE_COMMANDS], (ctx) =>
    ctx.reply(ctx.t("group.private_only"), { reply_markup: privateButton(ctx, { kind: "learn" }) }),
  );

  group.command("language", async (ctx) => {
    if (!(await isAdmin(ctx))) return ctx.reply(ctx.t("group.admins_only"));
    const keyboard = new InlineKeyboard()
      .text("Русский", groupLanguageData("ru"))
      .text("English", groupLanguageData("en"));
    await ctx.reply(ctx.t("group.language_choose"), { reply_markup: keyboard });
  });
  group.callbackQuery(GROUP_LANGUAGE_CALLBACK, async (ctx) => {
    const lang = parseLanguage(ctx.match[1]);
    if (!lang) return ctx.answerCallbackQuery({ text: ctx.t("learn.stale") });
    if (!(await isAdmin(ctx))) return ctx.answerCallbackQuery({ text: ctx.t("group.admins_only") });
    const ack = await groupsAsk<Ack>((replyTo) => ({
      type: "setLanguage",
      chatId: ctx.chat.id,
      lang,
      replyTo,
    }));
    if (!ack.ok) return ctx.answerCallbackQuery({ text: ctx.t("error.generic") });
    ctx.lang = lang;
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("group.language_set"));
  });

  group.command("explain", (ctx) => {
    const replied = ctx.message.reply_to_message;
    const quoted = replied?.text ?? replied?.caption ?? "";
    if (quoted.trim()) return answer(ctx, quoted, false);
    const text = ctx.match.trim();
    return text ? answer(ctx, text, false) : ctx.reply(ctx.t("group.explain_usage"));
  });

  group.on(["message:text", "message:caption"], (ctx) => {
    const text = ctx.message.text ?? ctx.message.caption ?? "";
    if (text.startsWith("/")) return; // another bot's command, or one RVX does not know
    const mention = `@${ctx.me.username}`;
    const at = text.toLowerCase().indexOf(mention.toLowerCase());
    if (at >= 0) {
      const asked = `${text.slice(0, at)} ${text.slice(at + mention.length)}`.trim();
      return asked ? answer(ctx, asked, false) : ctx.reply(ctx.t("group.explain_usage"));
    }
    if (ctx.message.reply_to_message?.from?.id === ctx.me.id) return answer(ctx, text, true);
  });
  // Anything else in a group (photos, joins, other members' chatter) is not for RVX.
  group.on("message", () => {});
  return feature;
}

/** Whether the sender is the group's creator or an administrator (asked of Telegram). */
async function isAdmin(ctx: BotContext): Promise<boolean> {
  const from = ctx.from;
  if (!from) return false;
  const member = await ctx.getChatMember(from.id);
  return isGroupAdmin(member.status);
}

function privateButton(ctx: BotContext, payload: StartPayload): InlineKeyboard {
  return new InlineKeyboard().url(
    ctx.t("group.open_private"),
    privateLink(ctx.me.username, payload),
  );
}

/**
 * RVX added to or removed from a group (my_chat_member): recorded in SQLite for the operator.
 * Runs before the user is identified: the update needs no answer and its sender no actor.
 */
export function membershipFeature(groups: Ref<GroupsMsg>): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.on("my_chat_member", async (ctx) => {
    const update = ctx.myChatMember;
    const chat = update.chat;
    if (chat.type !== "group" && chat.type !== "supergroup") return;
    const ack = await ask<GroupsMsg, Ack>(
      groups,
      (replyTo) => ({
        type: "membership",
        chatId: chat.id,
        title: chat.title,
        status: update.new_chat_member.status,
        changedBy: update.from.id,
        replyTo,
      }),
      GROUPS_ASK_MS,
      "groups",
    );
    if (!ack.ok) ctx.log.warn({ chatId: chat.id }, "could not record a membership change");
  });
  return feature;
}

/** Without the groups actor (tests of other features), RVX says nothing in groups. */
export function ignoreGroups(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.chatType(["group", "supergroup"]).on("message", () => {});
  return feature;
}

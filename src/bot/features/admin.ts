import { Composer, InlineKeyboard } from "grammy";
import { dispatch, type Ref } from "nact";
import { ask } from "../../actors/ask";
import type { BroadcasterMsg, ConfirmReply, CreateReply } from "../../actors/broadcaster";
import type { Ack, UserMsg } from "../../actors/user";
import type { WriterClient } from "../../actors/writer-client";
import type { Clock } from "../../clock";
import type { Config } from "../../config";
import type { AdminReads } from "../../db/admin-reads";
import type { HabitReads } from "../../db/habit-reads";
import type { Reads } from "../../db/reads";
import { escapeHtml } from "../../news/html";
import type { UserDirectory } from "../../supervisors/user-directory";
import { BROADCAST_CALLBACK, broadcastData, parseBroadcast } from "../callback-data";
import type { BotContext } from "../context";
import { MAX_NEWS_CHARS } from "./explain";

export interface AdminDeps {
  readonly config: Config;
  readonly clock: Clock;
  readonly reads: Reads;
  /** Reminders on and sent today, for /stats. */
  readonly habits: Pick<HabitReads, "reminderStats">;
  readonly adminReads: AdminReads;
  /** Only `flush`: admin commands read what was just written, and write nothing themselves. */
  readonly writer: Pick<WriterClient, "flush">;
  readonly users: UserDirectory;
  readonly broadcaster: Ref<BroadcasterMsg>;
  /** Each provider's breaker state ("closed", "half-open", "open"), in chain order. */
  readonly providerStates: () => Readonly<Record<string, string>>;
  /** Text messages by intent since the process started (rvx_messages_total). */
  readonly intentMix: () => Promise<Readonly<Record<string, number>>>;
}

const ASK_MS = 10_000;

/**
 * /stats, /broadcast, /ban and /unban for ADMIN_IDS only. For anyone else these commands are
 * not matched here and get the ordinary unknown-command answer.
 */
export function adminFeature(deps: AdminDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const admin = feature.filter((ctx) => deps.config.adminIds.has(ctx.from?.id ?? -1));
  const askBroadcaster = <R>(make: (replyTo: Ref<R>) => BroadcasterMsg) =>
    ask<BroadcasterMsg, R>(deps.broadcaster, make, ASK_MS, "broadcaster");

  admin.command("stats", async (ctx) => {
    // Count what was just written too (profiles are written without waiting for a commit).
    await deps.writer.flush();
    const usage = deps.adminReads.usage(deps.clock.now());
    const total = Object.values(usage.explanationsTotal).reduce((a, b) => a + b, 0);
    const near = usage.explanationsTotal.cache_near ?? 0;
    const cached =
      (usage.explanationsTotal.cache_memory ?? 0) + (usage.explanationsTotal.cache_db ?? 0) + near;
    const percent = (n: number) => (total === 0 ? "—" : `${Math.round((n / total) * 100)}%`);
    const format = (tally: Readonly<Record<string, number>>) =>
      Object.entries(tally)
        .sort(([, a], [, b]) => b - a)
        .map(([source, n]) => `${source} ${n}`)
        .join(", ") || "—";
    const providers = Object.entries(deps.providerStates())
      .map(([name, state]) => `${name}: ${state}`)
      .join(", ");
    const now = deps.clock.now();
    const reminders = deps.habits.reminderStats(now - (now % 86_400_000));
    const remindersLine = ctx.t("admin.stats_reminders", {
      on: reminders.enabled,
      sent: reminders.sentSince,
    });
    await ctx.reply(
      `${ctx.t("admin.stats", {
        users: usage.users,
        active: usage.activeToday,
        banned: usage.banned,
        today: escapeHtml(format(usage.explanationsToday)),
        total: escapeHtml(format(usage.explanationsTotal)),
        hitRate: percent(cached),
        nearRate: percent(near),
        providers: escapeHtml(providers || "offline"),
        dbSize: `${(usage.dbBytes / 1_048_576).toFixed(2)} MB`,
        intents: escapeHtml(format(await deps.intentMix())),
      })}\n${remindersLine}`,
    );
  });

  for (const [command, banned] of [
    ["ban", true],
    ["unban", false],
  ] as const) {
    admin.command(command, async (ctx) => {
      const id = Number(ctx.match.trim());
      if (!/^\d{1,15}$/.test(ctx.match.trim())) return ctx.reply(ctx.t("admin.ban.usage"));
      if (deps.config.adminIds.has(id)) return ctx.reply(ctx.t("admin.ban.admin"));
      await deps.writer.flush();
      if (!deps.reads.user(id)) return ctx.reply(ctx.t("admin.ban.unknown", { id }));
      const ack = await deps.users.ask<Ack>(
        id,
        (replyTo): UserMsg => ({ type: "setBanned", banned, replyTo }),
        ASK_MS,
      );
      if (!ack.ok) return ctx.reply(ctx.t("error.generic"));
      ctx.log.info({ target: id, banned }, "admin changed a ban");
      await ctx.reply(ctx.t(banned ? "admin.ban.done" : "admin.unban.done", { id }));
    });
  }

  admin.command("broadcast", async (ctx) => {
    const text = ctx.match.trim();
    if (!text) return ctx.reply(ctx.t("admin.broadcast.usage"));
    if (text.length > MAX_NEWS_CHARS) {
      return ctx.reply(ctx.t("explain.too_long", { length: text.length, max: MAX_NEWS_CHARS }));
    }
    const created = await askBroadcaster<CreateReply>((replyTo) => ({
      type: "create",
      adminId: ctx.from?.id ?? 0,
      chatId: ctx.chat?.id ?? 0,
      text,
      replyTo,
    }));
    if (!created.ok) return ctx.reply(ctx.t("error.generic"));
    const { broadcastId, total } = created;
    const keyboard = new InlineKeyboard()
      .text(ctx.t("admin.broadcast.send"), broadcastData("send", broadcastId))
      .text(ctx.t("admin.broadcast.cancel"), broadcastData("drop", broadcastId));
    await ctx.reply(ctx.t("admin.broadcast.confirm", { total, text: escapeHtml(text) }), {
      reply_markup: keyboard,
    });
  });

  admin.callbackQuery(BROADCAST_CALLBACK, async (ctx) => {
    const { button, broadcastId } = parseBroadcast(ctx.match[1], ctx.match[2]);
    const adminId = ctx.from.id;
    if (button === "stop") {
      const stopped = await askBroadcaster<{ ok: boolean }>((replyTo) => ({
        type: "cancel",
        broadcastId,
        adminId,
        replyTo,
      }));
      const key = stopped.ok ? "admin.broadcast.cancelled" : "fallback.stale_button";
      return ctx.answerCallbackQuery({ text: ctx.t(key) });
    }
    const send = button === "send";
    const messageId = ctx.callbackQuery.message?.message_id;
    const reply = await askBroadcaster<ConfirmReply>((replyTo) => ({
      type: "confirm",
      broadcastId,
      adminId,
      send,
      ...(messageId ? { messageId } : {}),
      replyTo,
    }));
    if (!reply.ok) {
      const key = reply.reason === "stale" ? "fallback.stale_button" : "error.generic";
      return ctx.answerCallbackQuery({ text: ctx.t(key) });
    }
    await ctx.answerCallbackQuery();
    if (!send) return ctx.editMessageText(ctx.t("admin.broadcast.cancelled"));
    await ctx.editMessageText(
      ctx.t("admin.broadcast.progress", { sent: 0, failed: 0, total: reply.total }),
      {
        reply_markup: new InlineKeyboard().text(
          ctx.t("admin.broadcast.cancel"),
          broadcastData("stop", broadcastId),
        ),
      },
    );
    dispatch(deps.broadcaster, { type: "start", broadcastId });
  });
  return feature;
}

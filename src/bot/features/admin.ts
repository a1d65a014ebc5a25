import { Composer, InlineKeyboard } from "grammy";
import { dispatch, type Ref } from "nact";
import { ask } from "../../actors/ask";
import type { BroadcasterMsg } from "../../actors/broadcaster";
import type { DbWriterMsg, WriteResult } from "../../actors/db-writer";
import type { Ack, UserMsg } from "../../actors/user";
import type { Clock } from "../../clock";
import type { Config } from "../../config";
import type { AdminReads } from "../../db/admin-reads";
import type { Reads } from "../../db/reads";
import type { Write } from "../../db/writes";
import { escapeHtml } from "../../news/html";
import type { UserDirectory } from "../../supervisors/user-supervisor";
import type { BotContext } from "../context";
import { MAX_NEWS_CHARS } from "./explain";

export interface AdminDeps {
  readonly config: Config;
  readonly clock: Clock;
  readonly reads: Reads;
  readonly adminReads: AdminReads;
  readonly writer: Ref<DbWriterMsg>;
  readonly users: UserDirectory;
  readonly broadcaster: Ref<BroadcasterMsg>;
  /** Each provider's breaker state ("closed", "half-open", "open"), in chain order. */
  readonly providerStates: () => Readonly<Record<string, string>>;
}

const BROADCAST_BUTTON = /^bc:(y|n|c):(\d{1,15})$/;

/**
 * /stats, /broadcast, /ban and /unban for ADMIN_IDS only. For anyone else these commands are
 * not matched here and get the ordinary unknown-command answer.
 */
export function adminFeature(deps: AdminDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const admin = feature.filter((ctx) => deps.config.adminIds.has(ctx.from?.id ?? -1));

  const commit = async (writes: Write[]) =>
    (
      await ask<DbWriterMsg, WriteResult>(
        deps.writer,
        (replyTo) => ({ type: "write", writes, replyTo }),
        10_000,
        "db-writer",
      )
    ).type === "committed";

  admin.command("stats", async (ctx) => {
    // Count what was just written too (profiles are written without waiting for a commit).
    await commit([]);
    const usage = deps.adminReads.usage(deps.clock.now());
    const total = Object.values(usage.explanationsTotal).reduce((a, b) => a + b, 0);
    const cached =
      (usage.explanationsTotal.cache_memory ?? 0) + (usage.explanationsTotal.cache_db ?? 0);
    const format = (tally: Readonly<Record<string, number>>) =>
      Object.entries(tally)
        .sort(([, a], [, b]) => b - a)
        .map(([source, n]) => `${source} ${n}`)
        .join(", ") || "—";
    const providers = Object.entries(deps.providerStates())
      .map(([name, state]) => `${name}: ${state}`)
      .join(", ");
    await ctx.reply(
      ctx.t("admin.stats", {
        users: usage.users,
        active: usage.activeToday,
        banned: usage.banned,
        today: escapeHtml(format(usage.explanationsToday)),
        total: escapeHtml(format(usage.explanationsTotal)),
        hitRate: total === 0 ? "—" : `${Math.round((cached / total) * 100)}%`,
        providers: escapeHtml(providers || "offline"),
        dbSize: `${(usage.dbBytes / 1_048_576).toFixed(2)} MB`,
      }),
      { parse_mode: "HTML" },
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
      await commit([]);
      if (!deps.reads.user(id)) return ctx.reply(ctx.t("admin.ban.unknown", { id }));
      const ack = await deps.users.ask<Ack>(
        id,
        (replyTo): UserMsg => ({ type: "setBanned", banned, replyTo }),
        10_000,
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
    const id = deps.clock.now();
    await commit([]);
    const total = deps.adminReads.recipientCount(0);
    const created = await commit([
      {
        type: "broadcastCreate",
        broadcastId: id,
        adminId: ctx.from?.id ?? 0,
        chatId: ctx.chat?.id ?? 0,
        text,
        total,
        at: id,
      },
    ]);
    if (!created) return ctx.reply(ctx.t("error.generic"));
    const keyboard = new InlineKeyboard()
      .text(ctx.t("admin.broadcast.send"), `bc:y:${id}`)
      .text(ctx.t("admin.broadcast.cancel"), `bc:n:${id}`);
    await ctx.reply(ctx.t("admin.broadcast.confirm", { total, text: escapeHtml(text) }), {
      parse_mode: "HTML",
      reply_markup: keyboard,
    });
  });

  admin.callbackQuery(BROADCAST_BUTTON, async (ctx) => {
    const [, action, rawId = ""] = ctx.match;
    const id = Number(rawId);
    const row = deps.adminReads.broadcast(id);
    const expected = action === "c" ? "running" : "pending";
    if (!row || row.status !== expected || row.adminId !== ctx.from.id) {
      return ctx.answerCallbackQuery({ text: ctx.t("fallback.stale_button") });
    }
    if (action === "c") {
      await ask<BroadcasterMsg, { ok: boolean }>(
        deps.broadcaster,
        (replyTo) => ({ type: "cancel", broadcastId: id, replyTo }),
        10_000,
        "broadcaster",
      );
      return ctx.answerCallbackQuery({ text: ctx.t("admin.broadcast.cancelled") });
    }
    const status = action === "y" ? "running" : "cancelled";
    const messageId = ctx.callbackQuery.message?.message_id;
    const ok = await commit([
      {
        type: "broadcastProgress",
        broadcastId: id,
        cursor: 0,
        sent: 0,
        failed: 0,
        status,
        ...(messageId ? { progressMessageId: messageId } : {}),
      },
    ]);
    if (!ok) return ctx.answerCallbackQuery({ text: ctx.t("error.generic") });
    await ctx.answerCallbackQuery();
    if (status === "cancelled") return ctx.editMessageText(ctx.t("admin.broadcast.cancelled"));
    await ctx.editMessageText(
      ctx.t("admin.broadcast.progress", { sent: 0, failed: 0, total: row.total }),
      { reply_markup: new InlineKeyboard().text(ctx.t("admin.broadcast.cancel"), `bc:c:${id}`) },
    );
    dispatch(deps.broadcaster, { type: "start", broadcastId: id });
  });
  return feature;
}

import { sequentialize } from "@grammyjs/runner";
import { Bot, type BotError, Composer, type MiddlewareFn } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Ref } from "nact";
import type { GroupsMsg } from "../actors/groups";
import type { Clock } from "../clock";
import type { Config } from "../config";
import type { Logger } from "../logger";
import type { Metrics } from "../metrics";
import type { UserDirectory } from "../supervisors/user-directory";
import type { BotContext } from "./context";
import { type AdminDeps, adminFeature } from "./features/admin";
import { checkFeature } from "./features/check";
import { deepLinkFeature } from "./features/deep-link";
import { deleteDataFeature } from "./features/delete-data";
import { explainFeature, type MediaDeps } from "./features/explain";
import { fallbackFeature } from "./features/fallback";
import { groupFeature, ignoreGroups, membershipFeature } from "./features/group";
import { helpFeature } from "./features/help";
import { inlineFeature } from "./features/inline";
import { languageFeature } from "./features/language";
import { leaderboardFeature } from "./features/leaderboard";
import { learnFeature } from "./features/learn";
import { profileFeature } from "./features/profile";
import { progressFeature, type RenderProgress } from "./features/progress";
import { questsFeature } from "./features/quests";
import { remindersFeature } from "./features/reminders";
import { startFeature } from "./features/start";
import { htmlByDefault } from "./html-mode";
import { identify, observe } from "./middleware";
import { botApiRetry, type RetryOptions } from "./retry";

export interface BotDeps {
  readonly config: Config;
  /** Times the "typing…" indicator. */
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly users: UserDirectory;
  /** Telegram's server, or a local Bot API server / emulator. */
  readonly apiRoot?: string;
  /** Skips getMe (console mode, tests). */
  readonly botInfo?: UserFromGetMe;
  /** Admin commands for ADMIN_IDS; without them /stats and friends are unknown commands. */
  readonly admin?: AdminDeps;
  /** Draws the /progress picture (renderWeeklyProgress); without it /progress is unknown. */
  readonly renderProgress?: RenderProgress;
  /** How Bot API calls are retried (tests pass a sleep that does not wait). */
  readonly retry?: RetryOptions;
  /** Reading links and pictures; without it links and pictures are not read. */
  readonly media?: MediaDeps;
  /** The groups actor: per-group limit, language, membership; without it RVX ignores groups. */
  readonly groups?: Ref<GroupsMsg>;
  /** Runs first, before observation (the inbox's delivery tracking). */
  readonly before?: readonly MiddlewareFn<BotContext>[];
}

/**
 * Builds the bot: observation, per-chat ordering, the user's identity, then the features, all
 * inside one error boundary so no raw error ever reaches a user.
 */
export function createBot(token: string, deps: BotDeps): Bot<BotContext> {
  const bot = new Bot<BotContext>(token, {
    client: deps.apiRoot ? { apiRoot: deps.apiRoot } : {},
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
  });
  for (const transformer of botApiRetry(deps.retry)) bot.api.config.use(transformer);
  bot.api.config.use(htmlByDefault());

  for (const middleware of deps.before ?? []) bot.use(middleware);
  bot.use(observe(deps.logger, deps.metrics));
  bot.use(sequentialize(chatKey));
  bot
    .errorBoundary(onError)
    .use(
      ...(deps.groups ? [membershipFeature(deps.groups)] : []),
      identify(deps.users, deps.config),
      deps.groups
        ? groupFeature({ config: deps.config, clock: deps.clock, groups: deps.groups })
        : ignoreGroups(),
      new Composer<BotContext>().filter(
        mayBeCommandOrButton,
        deepLinkFeature(),
        startFeature(),
        helpFeature(deps.config),
        languageFeature(),
        profileFeature(deps.config),
        ...(deps.renderProgress ? [progressFeature(deps.renderProgress)] : []),
        remindersFeature(deps.clock),
        deleteDataFeature(),
        ...(deps.admin ? [adminFeature(deps.admin)] : []),
        learnFeature(),
        questsFeature(),
        leaderboardFeature(),
        checkFeature(),
      ),
      inlineFeature(deps.config),
      explainFeature(deps.config, deps.clock, deps.media),
      fallbackFeature(),
    );
  bot.catch((error) =>
    deps.logger.error({ err: error.error }, "update failed outside the boundary"),
  );
  return bot;
}

/**
 * The features behind this gate register only commands and callback queries, so a message
 * without a bot_command entity (most updates: news texts) cannot match any of them; skipping
 * them spares it ~40 handler checks. A feature that reacts to other updates goes outside it.
 */
function mayBeCommandOrButton(ctx: BotContext): boolean {
  if (ctx.callbackQuery || !ctx.msg) return true;
  const isCommand = (entity: { type: string }) => entity.type === "bot_command";
  return (
    (ctx.msg.entities ?? []).some(isCommand) || (ctx.msg.caption_entities ?? []).some(isCommand)
  );
}

/** The per-chat ordering key; it runs outside the error boundary, so it must never throw. */
function chatKey(ctx: BotContext): string | undefined {
  const id = (ctx.chat ?? ctx.from)?.id;
  return id === undefined ? undefined : String(id);
}

async function onError(error: BotError<BotContext>): Promise<void> {
  const ctx = error.ctx;
  const log = ctx.log;
  log?.error({ err: error.error }, "update failed");
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("error.generic") });
    else if (ctx.chat) await ctx.reply(ctx.t("error.generic"));
  } catch (replyError) {
    log?.warn({ err: replyError }, "could not tell the user about the failure");
  }
}

import { Api, type MiddlewareFn } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { start } from "nact";
import { spawnBroadcaster } from "./actors/broadcaster";
import { spawnReminderScheduler } from "./actors/reminder-scheduler";
import { createAiProvider } from "./analyzers/ai-providers";
import { type AnswerChain, createSequentialChain } from "./analyzers/chain";
import { createOfflineAnalyzer } from "./analyzers/offline/offline-analyzer";
import { broadcastTransport } from "./bot/broadcast-transport";
import { trackConnectivity } from "./bot/connectivity";
import type { BotContext } from "./bot/context";
import { createBot } from "./bot/create-bot";
import { botApiRetry } from "./bot/retry";
import { type Clock, systemClock } from "./clock";
import type { Config } from "./config";
import { createAdminReads } from "./db/admin-reads";
import { startCheckpointer } from "./db/checkpointer";
import { openDatabase } from "./db/open";
import type { Logger } from "./logger";
import { createMetrics, type Metrics } from "./metrics";
import { setUpLinkReader } from "./news/links/link-reader-setup";
import { startRuntime } from "./runtime";
import { createAiChain } from "./supervisors/ai-chain";
import { restartWithBackoff, resume } from "./supervisors/policies";
import { createProviderSupervisor } from "./supervisors/provider-supervisor";

export interface AppDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock?: Clock;
  readonly metrics?: Metrics;
  readonly chain?: AnswerChain;
  /** Jitter source for breaker cooldowns (tests pass `() => 0`). */
  readonly random?: () => number;
  /** The bot's token and Bot API server (console mode: no server is ever called). */
  readonly telegram?: {
    readonly token: string;
    readonly apiRoot?: string;
    /** Skips getMe (console mode, tests). */
    readonly botInfo?: UserFromGetMe;
  };
}

/** The provider actor aborts at the configured timeout; the SDK's own deadline is a backstop. */
const SDK_BACKSTOP_MS = 1000;
/** How much longer than the provider timeout the chain waits for a provider actor's reply. */
const REPLY_GRACE_MS = 5000;
const CONSOLE_TOKEN = "0:console";

/**
 * Wires the whole application from a parsed config, each part after what it depends on: the
 * actor system, the AI provider supervisor, the answer chain, the runtime (DB-writer, cache,
 * user directory), the broadcaster, and a bot factory. `main.ts` and end-to-end tests both start
 * RVX through here.
 */
export function createApp(deps: AppDeps) {
  const { config, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const metrics = deps.metrics ?? createMetrics();
  const telegram = deps.telegram ?? { token: CONSOLE_TOKEN };
  const db = openDatabase(config.databasePath);
  const checkpointer = startCheckpointer(db, config.databasePath, { logger });
  const system = start();
  const offline = createOfflineAnalyzer({ maxChars: config.answerMaxChars });
  const { providers } = config;
  const aiProviders = deps.chain
    ? []
    : providers.chain.map((p) =>
        createAiProvider(
          p,
          providers.timeoutMs + SDK_BACKSTOP_MS,
          { maxChars: config.answerMaxChars, now: () => clock.now() },
          metrics,
        ),
      );
  const supervisor =
    aiProviders.length === 0
      ? undefined
      : createProviderSupervisor(system, {
          providers: aiProviders,
          clock,
          logger,
          metrics,
          timeoutMs: providers.timeoutMs,
          concurrency: providers.concurrency,
          failureThreshold: providers.breakerFailures,
          cooldownMs: providers.breakerCooldownMs,
          healthcheckMs: providers.healthcheckIntervalMs,
          ...(deps.random ? { random: deps.random } : {}),
        });
  const chain: AnswerChain =
    deps.chain ??
    (supervisor
      ? createAiChain({
          providers: supervisor,
          fallback: offline,
          logger,
          metrics,
          replyTimeoutMs: providers.timeoutMs + REPLY_GRACE_MS,
          deadlineMs: providers.answerDeadlineMs,
          clock,
        })
      : createSequentialChain([offline], logger));
  const runtime = startRuntime({ system, config, db, clock, logger, metrics, chain });
  const readLink = setUpLinkReader(config.links, { clock, keepMs: config.cacheTtlMs });
  const apiRoot = telegram.apiRoot ?? "https://api.telegram.org";
  const adminReads = createAdminReads(db);
  // The broadcaster sends through its own Api client (same token, same retry policy), so it
  // exists before, and independently of, the bots whose admin commands drive it.
  const api = new Api(telegram.token, telegram.apiRoot ? { apiRoot: telegram.apiRoot } : {});
  for (const transformer of botApiRetry()) api.config.use(transformer);
  const transport = broadcastTransport({
    api,
    logger,
    langOf: (userId) => runtime.reads.user(userId)?.lang ?? config.defaultLanguage,
    clock,
  });
  const broadcaster = spawnBroadcaster(
    system,
    {
      reads: adminReads,
      writer: runtime.writer,
      clock,
      logger,
      send: transport.send,
      report: transport.report,
    },
    // A defect mid-broadcast: keep going; progress in SQLite is at most one message behind.
    resume,
  );
  // Console mode has no Telegram to send to: reminders are kept but not sent.
  const reminders = deps.telegram
    ? spawnReminderScheduler(
        system,
        {
          reads: runtime.habits,
          writer: runtime.writer,
          clock,
          logger,
          metrics,
          send: transport.remind,
        },
        // A defect: start again from SQLite after a pause; a defect on every wake cannot loop.
        restartWithBackoff({
          clock,
          minBackoffMs: 1000,
          maxBackoffMs: 60_000,
          budget: 5,
          windowMs: 600_000,
          stopMs: 600_000,
        }),
      )
    : undefined;
  const connectivity = trackConnectivity();
  const providerStates = (): Record<string, string> =>
    Object.fromEntries(
      (supervisor?.names ?? []).map((name) => [name, supervisor?.status(name) ?? "closed"]),
    );
  return {
    config,
    db,
    metrics,
    runtime,
    /** The daily reminder scheduler (send it `wake` to handle what is due now); not in console mode. */
    reminders: reminders?.ref,
    /**
     * Loads the SDKs of the configured AI providers now; resolves when they are loaded (or
     * failed to load), or when ANSWER_DEADLINE_MS has passed on the app's clock, whichever is
     * first: updates wait for this before they are answered, but never longer than an answer may.
     */
    preloadProviders: (): Promise<"loaded" | "deadline"> =>
      new Promise((resolve) => {
        const cancel = clock.setTimeout(() => resolve("deadline"), providers.answerDeadlineMs);
        void Promise.all(aiProviders.map((p) => p.preload())).then(() => {
          cancel();
          resolve("loaded");
        });
      }),
    /** The AI providers' supervisor, when any provider has a key. */
    providers: supervisor,
    /**
     * Readiness: an AI provider whose breaker lets calls through, or else the offline
     * analyzer answering a sample news line.
     */
    async answerPathAvailable(): Promise<boolean> {
      if (supervisor?.names.some((name) => supervisor.status(name) !== "open")) return true;
      const answer = await offline
        .explain({ text: "Bitcoin ETF approved", lang: config.defaultLanguage })
        .catch(() => undefined);
      return Boolean(answer?.text);
    },
    /** Whether the bot's last Bot API call got through (see trackConnectivity). */
    connectivity: connectivity.state,
    /**
     * A bot bound to this app's runtime and broadcaster, with the admin commands; `before` runs
     * ahead of everything else (the inbox's delivery tracking).
     */
    createBot(options: { before?: readonly MiddlewareFn<BotContext>[] } = {}) {
      const bot = createBot(telegram.token, {
        ...(options.before ? { before: options.before } : {}),
        config,
        clock,
        logger,
        metrics,
        users: runtime.users,
        groups: runtime.groups,
        // The chart's WASM renderer and fonts (~10 MB) load with the first /progress, not at start.
        renderProgress: async (week, lang) =>
          (await import("./learning/progress-chart")).renderWeeklyProgress(week, lang),
        media: {
          readLink,
          vision: chain.vision === true,
          // Console mode has no Bot API to download pictures from.
          ...(deps.telegram
            ? { fileUrl: (path: string) => `${apiRoot}/file/bot${telegram.token}/${path}` }
            : {}),
        },
        ...(telegram.apiRoot ? { apiRoot: telegram.apiRoot } : {}),
        ...(telegram.botInfo ? { botInfo: telegram.botInfo } : {}),
        admin: {
          config,
          clock,
          reads: runtime.reads,
          habits: runtime.habits,
          adminReads,
          writer: runtime.writer,
          users: runtime.users,
          broadcaster: broadcaster.ref,
          providerStates,
          intentMix: async () =>
            Object.fromEntries(
              (await metrics.messages.get()).values.map((v) => [String(v.labels.intent), v.value]),
            ),
        },
      });
      bot.api.config.use(connectivity.transformer);
      return bot;
    },
    /** Stops the AI providers: calls in flight fall through to the offline analyzer at once. */
    stopProviders: () => supervisor?.stop(),
    /**
     * Stops the broadcaster and provider actors first (calls in flight fall through to offline
     * at once), then waits up to `drainMs` for user requests in flight, flushes and closes.
     */
    stop: (drainMs = 0) => {
      broadcaster.stop();
      reminders?.stop();
      supervisor?.stop();
      checkpointer.stop();
      return runtime.stop(drainMs);
    },
  };
}

export type App = ReturnType<typeof createApp>;

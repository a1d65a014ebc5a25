import { Api } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { start } from "nact";
import { spawnBroadcaster } from "./actors/broadcaster";
import { createAiProvider } from "./analyzers/ai-providers";
import { type AnswerChain, createSequentialChain } from "./analyzers/chain";
import { createOfflineAnalyzer } from "./analyzers/offline/offline-analyzer";
import { broadcastTransport } from "./bot/broadcast-transport";
import { trackConnectivity } from "./bot/connectivity";
import { createBot } from "./bot/create-bot";
import { botApiRetry } from "./bot/retry";
import { type Clock, systemClock } from "./clock";
import type { Config } from "./config";
import { createAdminReads } from "./db/admin-reads";
import { startCheckpointer } from "./db/checkpointer";
import { openDatabase } from "./db/open";
import type { Logger } from "./logger";
import { createMetrics, type Metrics } from "./metrics";
import { startRuntime } from "./runtime";
import { createAiChain } from "./supervisors/ai-chain";
import { resume } from "./supervisors/policies";
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
  const offline = createOfflineAnalyzer();
  const { providers } = config;
  const supervisor =
    deps.chain || providers.chain.length === 0
      ? undefined
      : createProviderSupervisor(system, {
          providers: providers.chain.map((p) =>
            createAiProvider(p, providers.timeoutMs + SDK_BACKSTOP_MS, {
              maxChars: config.answerMaxChars,
              now: () => clock.now(),
            }),
          ),
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
        })
      : createSequentialChain([offline], logger));
  const runtime = startRuntime({ system, config, db, clock, logger, metrics, chain });
  const adminReads = createAdminReads(db);
  // The broadcaster sends through its own Api client (same token, same retry policy), so it
  // exists before, and independently of, the bots whose admin commands drive it.
  const api = new Api(telegram.token, telegram.apiRoot ? { apiRoot: telegram.apiRoot } : {});
  for (const transformer of botApiRetry()) api.config.use(transformer);
  const transport = broadcastTransport({
    api,
    logger,
    langOf: (userId) => runtime.reads.user(userId)?.lang ?? config.defaultLanguage,
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
    /** A bot bound to this app's runtime and broadcaster, with the admin commands. */
    createBot() {
      const bot = createBot(telegram.token, {
        config,
        clock,
        logger,
        metrics,
        users: runtime.users,
        ...(telegram.apiRoot ? { apiRoot: telegram.apiRoot } : {}),
        ...(telegram.botInfo ? { botInfo: telegram.botInfo } : {}),
        admin: {
          config,
          clock,
          reads: runtime.reads,
          adminReads,
          writer: runtime.writer,
          users: runtime.users,
          broadcaster: broadcaster.ref,
          providerStates,
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
      supervisor?.stop();
      checkpointer.stop();
      return runtime.stop(drainMs);
    },
  };
}

export type App = ReturnType<typeof createApp>;

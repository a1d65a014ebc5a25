import { type Bot, GrammyError, HttpError } from "grammy";
import { type App, createApp } from "../app";
import { publishCommands } from "../bot/commands";
import type { BotContext } from "../bot/context";
import { trackDeliveries } from "../bot/delivery";
import { createInboxProcessor } from "../bot/inbox-processor";
import { systemClock } from "../clock";
import type { Config } from "../config";
import { createInbox } from "../db/inbox";
import type { Logger } from "../logger";
import { createMetrics } from "../metrics";
import { backupDatabase, pruneBackups } from "../ops/backup";
import { scheduleDailyBackups } from "../ops/backup-schedule";
import { lockDatabase } from "../ops/instance-lock";
import { copyOffsite, createOffsiteBackups } from "../ops/offsite-backup";
import { startOpsServer } from "../ops/ops-server";
import { receiveUpdates, type UpdateSource } from "./update-source";

/** Exit code for a configuration problem (sysexits EX_CONFIG); systemd does not retry it. */
export const EXIT_CONFIG = 78;
/** SIGTERM to exit: the issue allows 10 s; this leaves a margin for closing the database. */
const SHUTDOWN_DEADLINE_MS = 9_000;
/**
 * How long updates in flight may wait for an AI provider during shutdown; after that the
 * providers are stopped and those updates are answered by the offline analyzer.
 */
const PROVIDER_GRACE_MS = 3_000;
/** How long shutdown waits for replies still being sent before aborting them (they stay pending). */
const SEND_GRACE_MS = 2_000;
/** How long shutdown waits for user requests in flight after updates stop arriving. */
const DRAIN_MS = 2_000;
/** How often the inbox retries updates whose replies could not be sent, and prunes. */
const INBOX_RETRY_MS = 60_000;

/**
 * Runs RVX against Telegram until SIGTERM/SIGINT: the bot (long polling or webhook), the
 * metrics/health endpoint, daily backups and the one-instance lock on the database. Returns the
 * exit code; an unusable database or data directory throws a StorageError (main.ts: exit 74).
 */
export async function serveTelegram(config: Config, logger: Logger): Promise<number> {
  if (config.telegram.mode !== "telegram") throw new Error("serveTelegram needs a bot token");
  const { token, apiRoot, updates } = config.telegram;
  const lock = lockDatabase(config.databasePath);
  if (!lock.ok) {
    const pid = lock.pid === undefined ? "" : ` (pid ${lock.pid})`;
    console.error(`rvx: RVX is already running on ${config.databasePath}${pid}`);
    return 1;
  }
  // Signals are caught from here on: one that arrives while starting up is acted on as soon
  // as there is something to stop, so SIGTERM never kills a half-started process.
  let requested: string | undefined;
  let shutdown: ((reason: string) => Promise<void>) | undefined;
  // A signal while getMe is still being retried ends the wait at once.
  const starting = new AbortController();
  const onSignal = (signal: string) => {
    if (shutdown) return void shutdown(signal);
    requested ??= signal;
    starting.abort();
  };
  process.on("SIGTERM", () => onSignal("SIGTERM"));
  process.on("SIGINT", () => onSignal("SIGINT"));

  const app = createApp({
    config,
    logger,
    metrics: createMetrics({ defaultMetrics: true }),
    telegram: { token, apiRoot },
  });
  const deliveries = trackDeliveries();
  const bot = app.createBot({ before: [deliveries.middleware] });
  const closeApp = async (drainMs: number) => {
    await app.stop(drainMs);
    lock.release();
  };
  try {
    const signal = AbortSignal.any([AbortSignal.timeout(config.startupTimeoutMs), starting.signal]);
    await initWithin(bot, signal);
  } catch (error) {
    await closeApp(0);
    if (requested) {
      logger.info({ reason: requested }, "stopped while starting");
      return 0;
    }
    if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
      console.error("rvx: configuration error: TELEGRAM_BOT_TOKEN was rejected by Telegram");
      return EXIT_CONFIG;
    }
    console.error(`rvx: ${startupFailure(error, apiRoot, config.startupTimeoutMs)}`);
    return 1;
  }
  if (requested) {
    logger.info({ reason: requested }, "stopped while starting");
    await closeApp(0);
    return 0;
  }
  await publishCommands(bot.api, config.defaultLanguage, logger);
  // Off the request path: the first /progress should not pay for compiling the renderer.

  const ops = startOps(config, app, logger);
  const cancelBackups = scheduleBackups(config, app, logger);
  // Updates are stored and acknowledged from the start, but answered only once the AI SDKs are
  // loaded (or ANSWER_DEADLINE_MS passed): loading starts right after readiness, below.
  const sdks = Promise.withResolvers<unknown>();
  const processor = createInboxProcessor({
    inbox: createInbox(app.db),
    handle: (update) => bot.handleUpdate(update),
    deliveries,
    clock: systemClock,
    logger,
    metrics: app.metrics,
    ready: sdks.promise,
    retryMs: INBOX_RETRY_MS,
    keepMs: config.inboxKeepMs,
    markDone: (updateId) => app.runtime.writer.enqueue([{ type: "inboxDone", updateId }]),
  });
  let source: UpdateSource;
  try {
    processor.start();
    source = await receiveUpdates(bot, processor, updates, logger);
  } catch (error) {
    logger.fatal({ err: error, via: updates.via }, "cannot start receiving updates");
    cancelBackups();
    ops?.stop();
    await processor.stop();
    await closeApp(0);
    return 1;
  }
  logger.info({ bot: bot.botInfo.username, via: updates.via }, "RVX is running");
  app.preloadProviders().then((outcome) => {
    if (outcome === "deadline") logger.warn("AI SDKs still loading; answering meanwhile");
    sdks.resolve(outcome);
  });

  const stopped = Promise.withResolvers<number>();
  let stopping = false;
  shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, "stopping: finishing updates in flight");
    const deadline = setTimeout(() => {
      logger.error("shutdown deadline passed; exiting");
      stopped.resolve(1);
    }, SHUTDOWN_DEADLINE_MS);
    try {
      cancelBackups();
      await source.stop();
      // Updates not yet started stay in the inbox for the next start; those in flight finish.
      const drained = processor.stop();
      if (!(await settlesWithin(drained, PROVIDER_GRACE_MS))) {
        logger.warn("updates still wait for AI providers; answering them offline");
        app.stopProviders();
      }
      if (!(await settlesWithin(drained, SEND_GRACE_MS))) {
        logger.warn("replies still being sent; they stay in the inbox for the next start");
        deliveries.abortAll();
      }
      await drained;
      await closeApp(DRAIN_MS);
      ops?.stop();
      logger.info("stopped cleanly");
      stopped.resolve(0);
    } catch (error) {
      logger.error({ err: error }, "shutdown failed");
      stopped.resolve(1);
    } finally {
      clearTimeout(deadline);
    }
  };
  source.ended.then(
    () => shutdown?.("update source ended"),
    (error) => {
      logger.fatal(
        { err: error },
        "Telegram stopped giving updates (token revoked, or another instance polls)",
      );
      void shutdown?.("update source ended");
    },
  );
  if (requested) void shutdown(requested);
  return stopped.promise;
}

/**
 * getMe until it succeeds, Telegram rejects it (4xx), or `signal` aborts: each call gives up
 * after its bounded retries, and a network that comes up late still gets the whole timeout.
 */
async function initWithin(bot: Bot<BotContext>, signal: AbortSignal): Promise<void> {
  for (;;) {
    try {
      // grammY types its signal with the abort-controller shim; a standard signal is what it uses.
      return await bot.init(signal as Parameters<typeof bot.init>[0]);
    } catch (error) {
      const transient =
        error instanceof HttpError || (error instanceof GrammyError && error.error_code >= 500);
      if (signal.aborted || !transient) throw error;
    }
  }
}

/** One line on why getMe did not succeed at start, and what to check; never the token. */
function startupFailure(error: unknown, apiRoot: string, timeoutMs: number): string {
  const check = "check the network, a firewall or proxy, and TELEGRAM_API_ROOT";
  if (error instanceof GrammyError) {
    return `the Telegram Bot API at ${apiRoot} answered getMe with ${error.error_code} (${error.description}); ${check}, or raise STARTUP_TIMEOUT_MS`;
  }
  return `cannot reach the Telegram Bot API at ${apiRoot} within ${timeoutMs} ms (STARTUP_TIMEOUT_MS); ${check}`;
}

async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: Timer | undefined;
  const settled = await Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    }),
  ]);
  clearTimeout(timer);
  return settled;
}

function startOps(config: Config, app: App, logger: Logger) {
  const { metricsHost, metricsPort, metricsToken } = config.ops;
  if (metricsPort === 0) return undefined;
  const server = startOpsServer({
    host: metricsHost,
    port: metricsPort,
    ...(metricsToken ? { token: metricsToken } : {}),
    registry: app.metrics.registry,
    readiness: {
      database: () => app.runtime.writable(),
      telegram: () => app.connectivity.connected,
      answers: () => app.answerPathAvailable(),
    },
  });
  logger.info({ url: server.url }, "metrics and health endpoint listening");
  return server;
}

function scheduleBackups(config: Config, app: App, logger: Logger) {
  const { backupDir, backupKeep, backupHourUtc, backupS3 } = config.ops;
  const offsite = backupS3 ? createOffsiteBackups(backupS3) : undefined;
  return scheduleDailyBackups(systemClock, backupHourUtc, () => {
    let path: string;
    try {
      const written = backupDatabase(app.db, backupDir, new Date());
      path = written.path;
      const pruned = pruneBackups(backupDir, backupKeep);
      app.metrics.backupLastSuccess.set(Date.now() / 1000);
      logger.info({ path, bytes: written.bytes, pruned: pruned.length }, "daily backup written");
    } catch (error) {
      logger.error({ err: error }, "daily backup failed");
      return;
    }
    if (!offsite) return;
    copyOffsite(offsite, path, backupKeep).then(
      ({ url, pruned }) => logger.info({ url, pruned: pruned.length }, "daily backup uploaded"),
      (error) => logger.error({ err: error, to: offsite.url }, "daily backup upload failed"),
    );
  });
}

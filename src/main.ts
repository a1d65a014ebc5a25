import { run } from "@grammyjs/runner";
import { GrammyError, HttpError } from "grammy";
import { createApp } from "./app";
import { publishCommands } from "./bot/commands";
import { CONSOLE_BOT, runConsole } from "./bot/console/console-mode";
import { type Config, configSecrets, parseConfig } from "./config";
import { openDatabase } from "./db/open";
import { ConfigError } from "./errors";
import { createLogger, type Logger } from "./logger";

/** Exit code for a configuration problem (sysexits EX_CONFIG); systemd should not retry it. */
const EXIT_CONFIG = 78;
const SHUTDOWN_DEADLINE_MS = 9_000;

const USAGE = `rvx: a Telegram bot that explains crypto news to beginners

Usage:
  rvx              run the bot (console mode when TELEGRAM_BOT_TOKEN is unset)
  rvx migrate      apply database migrations and exit
  rvx --help       show this help

Configuration comes from the environment and a .env file; see README.md.`;

async function main(argv: readonly string[]): Promise<number> {
  const command = argv[0] ?? "run";
  if (command === "--help" || command === "-h" || command === "help") {
    console.log(USAGE);
    return 0;
  }
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`rvx: configuration error: ${error.variable} ${error.problem}`);
      return EXIT_CONFIG;
    }
    throw error;
  }
  const consoleMode = config.telegram.mode === "console";
  const logger = createLogger({
    level: consoleMode && !process.env.LOG_LEVEL ? "warn" : config.logLevel,
    secrets: configSecrets(config),
    destination: consoleMode ? 2 : 1,
  });

  switch (command) {
    case "run":
      return consoleMode ? runInConsole(config, logger) : runWithTelegram(config, logger);
    case "migrate": {
      const db = openDatabase(config.databasePath);
      db.close();
      console.log(`rvx: database at ${config.databasePath} is up to date`);
      return 0;
    }
    default:
      console.error(`rvx: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

async function runInConsole(config: Config, logger: Logger): Promise<number> {
  const app = createApp({ config, logger });
  const bot = app.createBot("0:console", { botInfo: CONSOLE_BOT });
  await runConsole(bot, {
    input: process.stdin,
    print: (line) => process.stdout.write(`${line}\n`),
    interactive: Boolean(process.stdin.isTTY),
    user: {
      id: 1,
      firstName: process.env.USER ?? "friend",
      languageCode: config.defaultLanguage,
    },
  });
  await app.stop();
  return 0;
}

async function runWithTelegram(config: Config, logger: Logger): Promise<number> {
  if (config.telegram.mode !== "telegram") throw new Error("unreachable");
  const app = createApp({ config, logger });
  const bot = app.createBot(config.telegram.token, { apiRoot: config.telegram.apiRoot });
  try {
    await bot.init();
  } catch (error) {
    await app.stop();
    if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
      console.error("rvx: configuration error: TELEGRAM_BOT_TOKEN was rejected by Telegram");
      return EXIT_CONFIG;
    }
    const reason = error instanceof HttpError ? "cannot reach the Bot API" : "getMe failed";
    logger.fatal({ err: error, apiRoot: config.telegram.apiRoot }, reason);
    return 1;
  }
  await publishCommands(bot.api, config.defaultLanguage, logger);
  const runner = run(bot, {
    runner: { fetch: { allowed_updates: ["message", "callback_query"] } },
  });
  logger.info({ bot: bot.botInfo.username, mode: "polling" }, "RVX is running");

  const stopped = Promise.withResolvers<number>();
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping: finishing updates in flight");
    const deadline = setTimeout(() => {
      logger.error("shutdown deadline passed; exiting");
      stopped.resolve(1);
    }, SHUTDOWN_DEADLINE_MS);
    try {
      await runner.stop();
      await app.stop();
      logger.info("stopped cleanly");
      stopped.resolve(0);
    } catch (error) {
      logger.error({ err: error }, "shutdown failed");
      stopped.resolve(1);
    } finally {
      clearTimeout(deadline);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
  runner.task()?.then(() => shutdown("runner stopped"));
  return stopped.promise;
}

process.exit(await main(Bun.argv.slice(2)));

import { resolve } from "node:path";
import { createApp } from "./app";
import { CONSOLE_BOT, runConsole } from "./bot/console/console-mode";
import { enterBinaryHome } from "./cli/home";
import { backupCommand, migrateCommand, restoreCommand } from "./cli/maintenance";
import { EXIT_CONFIG, serveTelegram } from "./cli/serve";
import { type Config, configSecrets, parseConfig } from "./config";
import { StorageError } from "./db/storage-error";
import { ConfigError } from "./errors";
import { ContentError } from "./learning/content-validate";
import { createLogger, type Logger } from "./logger";

/** Exit code for broken embedded data (sysexits EX_DATAERR): a bad build, not bad luck. */
const EXIT_DATA = 65;
/**
 * Exit code for a database or data directory that cannot be used (not a database, read-only,
 * cannot be created): someone must act, so systemd does not restart (RestartPreventExitStatus).
 */
const EXIT_STORAGE = 74;

const USAGE = `rvx: a Telegram bot that explains crypto news to beginners

Usage:
  rvx                run the bot (console mode when TELEGRAM_BOT_TOKEN is unset)
  rvx backup         write a verified backup of the database to BACKUP_DIR now
                     (and upload it to BACKUP_S3_URL when set)
  rvx restore FILE   replace the database with a backup (RVX must be stopped);
                     FILE may be s3://bucket/key with BACKUP_S3_URL set
  rvx migrate        apply database migrations and exit
  rvx --help         show this help

Configuration comes from the environment and a .env file (for the compiled binary, the .env
beside it); see README.md for every variable.`;

async function main(argv: readonly string[]): Promise<number> {
  const [command = "run", ...args] = argv;
  if (command === "--help" || command === "-h" || command === "help") {
    console.log(USAGE);
    return 0;
  }
  // A path argument means what it meant where the operator typed it; an s3:// URL stays one.
  const file = args[0] === undefined || args[0].startsWith("s3://") ? args[0] : resolve(args[0]);
  enterBinaryHome(process.env);
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
  const out = (line: string) => console.log(line);
  const err = (line: string) => console.error(line);
  try {
    switch (command) {
      case "run":
        return await run(config);
      case "backup":
        return await backupCommand(config, out, err);
      case "restore":
        return await restoreCommand(config, file, out, err);
      case "migrate":
        return migrateCommand(config, out);
      default:
        console.error(`rvx: unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof ContentError) {
      console.error(`rvx: course content is broken: ${error.message}`);
      return EXIT_DATA;
    }
    if (error instanceof StorageError) {
      console.error(`rvx: ${error.message}`);
      return EXIT_STORAGE;
    }
    throw error;
  }
}

function run(config: Config): Promise<number> {
  const consoleMode = config.telegram.mode === "console";
  const logger = createLogger({
    level: consoleMode && !process.env.LOG_LEVEL ? "warn" : config.logLevel,
    secrets: configSecrets(config),
    // Console mode prints replies on stdout; its logs go to stderr.
    destination: consoleMode ? 2 : 1,
  });
  return consoleMode ? runInConsole(config, logger) : serveTelegram(config, logger);
}

async function runInConsole(config: Config, logger: Logger): Promise<number> {
  const app = createApp({ config, logger, telegram: { token: "0:console", botInfo: CONSOLE_BOT } });
  const bot = app.createBot();
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

process.exit(await main(Bun.argv.slice(2)));

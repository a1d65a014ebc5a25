import { type OpsConfig, parseOps } from "./config-ops";
import { type Env, reader } from "./config-parse";
import { type ProvidersConfig, parseProviders } from "./config-providers";
import { parseUpdates, type UpdatesConfig } from "./config-telegram";
import { ConfigError } from "./errors";
import type { Lang } from "./i18n/lang";

// The parts of the configuration live beside this file (config-*.ts); importers keep using this one.
export type { OpsConfig, S3BackupConfig } from "./config-ops";
export { type Env, reader } from "./config-parse";
export type { AiProviderConfig, AiProviderName, ProvidersConfig } from "./config-providers";
export type { UpdatesConfig } from "./config-telegram";

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";

/** The whole runtime configuration, parsed once at start by {@link parseConfig}. */
export interface Config {
  readonly telegram:
    | { readonly mode: "console" }
    | {
        readonly mode: "telegram";
        readonly token: string;
        readonly apiRoot: string;
        readonly updates: UpdatesConfig;
      };
  readonly databasePath: string;
  /** How long `getMe` may take to succeed at start before RVX gives up (exit 1). */
  readonly startupTimeoutMs: number;
  readonly floodIntervalMs: number;
  readonly dailyLimit: number;
  readonly answerMaxChars: number;
  readonly cacheMemoryEntries: number;
  /** Cached answers in the near-duplicate index (0 turns near-duplicate lookups off). */
  readonly cacheNearEntries: number;
  readonly cacheTtlMs: number;
  /** THREAD_TTL_HOURS: a follow-up to an answer older than this starts nothing. */
  readonly threadTtlMs: number;
  /** GROUP_EXPLAINS_PER_HOUR: answers RVX posts in one group per rolling hour. */
  readonly groupExplainsPerHour: number;
  readonly defaultLanguage: Lang;
  readonly adminIds: ReadonlySet<number>;
  readonly logLevel: LogLevel;
  readonly userIdleMs: number;
  /** Past this many user actors alive, the least recently used idle ones are passivated. */
  readonly maxLiveUsers: number;
  readonly dbFlushMs: number;
  readonly dbFlushMax: number;
  /** How long the inbox keeps an update (done or not) before pruning it. */
  readonly inboxKeepMs: number;
  readonly providers: ProvidersConfig;
  readonly ops: OpsConfig;
  readonly links: LinksConfig;
}

/** Reading the pages users link to (LINK_FETCH, LINK_FETCH_TIMEOUT_MS, LINK_FETCH_ALLOW_PRIVATE). */
export interface LinksConfig {
  /** When false, links are never requested: only their address is read. */
  readonly fetch: boolean;
  readonly timeoutMs: number;
  /** Lets pages on loopback be fetched (tests); private and other addresses stay refused. */
  readonly allowPrivate: boolean;
}

const LOG_LEVELS: readonly LogLevel[] = [
  "fatal",
  "error",
  "warn",
  "info",
  "debug",
  "trace",
  "silent",
];
const HOUR_MS = 3_600_000;

/**
 * Parses the environment into a {@link Config}. Throws {@link ConfigError} naming the first
 * variable that is wrong; never reads `process.env` itself.
 */
export function parseConfig(env: Env): Config {
  const read = reader(env);
  const token = read.string("TELEGRAM_BOT_TOKEN");
  if (token !== undefined && !/^\d+:[\w-]{20,}$/.test(token)) {
    throw new ConfigError("TELEGRAM_BOT_TOKEN", "is not a bot token (expected 123456:ABC…)");
  }
  const apiRoot = read.url("TELEGRAM_API_ROOT", "https://api.telegram.org");
  const updates = parseUpdates(read, token !== undefined);
  return {
    telegram:
      token === undefined ? { mode: "console" } : { mode: "telegram", token, apiRoot, updates },
    databasePath: read.string("DATABASE_PATH") ?? "data/rvx.db",
    startupTimeoutMs: read.int("STARTUP_TIMEOUT_MS", 30_000, 100, 600_000),
    floodIntervalMs: read.int("FLOOD_INTERVAL_MS", 3000, 0, 3_600_000),
    dailyLimit: read.int("DAILY_LIMIT", 50, 1, 1_000_000),
    answerMaxChars: read.int("ANSWER_MAX_CHARS", 400, 50, 4000),
    cacheMemoryEntries: read.int("CACHE_MEMORY_ENTRIES", 1000, 1, 10_000_000),
    cacheNearEntries: read.int("CACHE_NEAR_ENTRIES", 5000, 0, 1_000_000),
    cacheTtlMs: read.int("CACHE_TTL_HOURS", 24, 1, 24 * 365) * HOUR_MS,
    threadTtlMs: read.int("THREAD_TTL_HOURS", 24, 1, 24 * 365) * HOUR_MS,
    groupExplainsPerHour: read.int("GROUP_EXPLAINS_PER_HOUR", 30, 1, 10_000),
    defaultLanguage: read.lang("DEFAULT_LANGUAGE", "ru"),
    adminIds: read.idSet("ADMIN_IDS"),
    logLevel: read.oneOf("LOG_LEVEL", LOG_LEVELS, "info"),
    userIdleMs: read.int("USER_IDLE_MS", 600_000, 1000, 2 ** 31 - 1),
    maxLiveUsers: read.int("MAX_LIVE_USERS", 20_000, 1, 10_000_000),
    dbFlushMs: read.int("DB_FLUSH_MS", 25, 0, 10_000),
    dbFlushMax: read.int("DB_FLUSH_MAX", 512, 1, 100_000),
    // At most a week: after a week without updates Telegram may start update_ids anew.
    inboxKeepMs: read.int("INBOX_KEEP_HOURS", 48, 1, 168) * HOUR_MS,
    providers: parseProviders(read),
    ops: parseOps(read),
    links: {
      fetch: read.bool("LINK_FETCH", true),
      timeoutMs: read.int("LINK_FETCH_TIMEOUT_MS", 5000, 100, 60_000),
      allowPrivate: read.bool("LINK_FETCH_ALLOW_PRIVATE", false),
    },
  };
}

/** Every secret in a config (the bot token, API keys), for the log redactor. */
export function configSecrets(config: Config): string[] {
  const { telegram, ops } = config;
  const token = telegram.mode === "telegram" ? [telegram.token] : [];
  const webhook =
    telegram.mode === "telegram" && telegram.updates.via === "webhook"
      ? [telegram.updates.secret]
      : [];
  const metrics = ops.metricsToken ? [ops.metricsToken] : [];
  const s3 = ops.backupS3 ? [ops.backupS3.secretAccessKey] : [];
  return [...token, ...webhook, ...metrics, ...s3, ...config.providers.chain.map((p) => p.apiKey)];
}

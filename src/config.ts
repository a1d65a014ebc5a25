import { ConfigError } from "./errors";
import { isLang, type Lang } from "./i18n/lang";
import type { ProviderName } from "./provider-name";

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

/** How updates arrive: long polling (BOT_MODE=polling) or Telegram's webhook POSTs. */
export type UpdatesConfig =
  | { readonly via: "polling" }
  | {
      readonly via: "webhook";
      /** The public https URL Telegram posts to; its path is the path served. */
      readonly url: string;
      readonly secret: string;
      /** Where the webhook server listens (behind a TLS-terminating reverse proxy). */
      readonly host: string;
      readonly port: number;
      /** Telegram's `max_connections` for the webhook (open requests at once). */
      readonly maxConnections: number;
    };

/** The metrics/health endpoint and backups. */
export interface OpsConfig {
  readonly metricsHost: string;
  /** 0 turns the endpoint off. */
  readonly metricsPort: number;
  readonly metricsToken?: string;
  readonly backupDir: string;
  readonly backupKeep: number;
  readonly backupHourUtc: number;
  /** Off-site copies of every backup (BACKUP_S3_URL), when configured. */
  readonly backupS3?: S3BackupConfig;
}

/** An S3-compatible bucket (and key prefix) that receives a copy of every backup. */
export interface S3BackupConfig {
  readonly bucket: string;
  /** Key prefix, empty or ending in "/". */
  readonly prefix: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** For stores other than AWS (MinIO, R2, B2...); unset means AWS S3. */
  readonly endpoint?: string;
  readonly region?: string;
}

/** An AI provider; the offline analyzer is not one and needs no configuration. */
export type AiProviderName = Exclude<ProviderName, "offline">;

/** How to reach one AI provider. Only providers with a key are configured at all. */
export interface AiProviderConfig {
  readonly name: AiProviderName;
  readonly apiKey: string;
  /** The API origin; each SDK appends its own path. */
  readonly baseUrl: string;
  readonly model: string;
  /**
   * Groq and Mistral only (GROQ_VISION_MODEL, MISTRAL_VISION_MODEL): the model asked when a
   * request carries an image. Unset: the provider takes no images. Gemini's model takes them.
   */
  readonly visionModel?: string;
  /** Gemini only: thinking tokens allowed (0 keeps a flash model from spending the budget). */
  readonly thinkingBudget?: number;
}

/** The explanation chain: AI providers (keyed ones, in PROVIDER_ORDER) and their breakers. */
export interface ProvidersConfig {
  /** Tried in this order; the offline analyzer always follows. May be empty. */
  readonly chain: readonly AiProviderConfig[];
  readonly timeoutMs: number;
  /** After this long without an AI answer the user gets the offline one (ANSWER_DEADLINE_MS). */
  readonly answerDeadlineMs: number;
  /** Calls in flight per provider. */
  readonly concurrency: number;
  readonly breakerFailures: number;
  readonly breakerCooldownMs: number;
  readonly healthcheckIntervalMs: number;
}

export type Env = Record<string, string | undefined>;

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
const AI_PROVIDERS: readonly AiProviderName[] = ["groq", "mistral", "gemini"];

const PROVIDER_DEFAULTS: Record<AiProviderName, { baseUrl: string; model: string }> = {
  groq: { baseUrl: "https://api.groq.com", model: "llama-3.3-70b-versatile" },
  mistral: { baseUrl: "https://api.mistral.ai", model: "mistral-small-latest" },
  gemini: { baseUrl: "https://generativelanguage.googleapis.com", model: "gemini-2.5-flash" },
};

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

const BOT_MODES = ["polling", "webhook"] as const;
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

function parseUpdates(read: ReturnType<typeof reader>, hasToken: boolean): UpdatesConfig {
  const mode = read.oneOf("BOT_MODE", BOT_MODES, "polling");
  if (mode === "polling") return { via: "polling" };
  if (!hasToken) throw new ConfigError("BOT_MODE", "webhook needs TELEGRAM_BOT_TOKEN");
  const rawUrl = read.string("WEBHOOK_URL");
  if (rawUrl === undefined)
    throw new ConfigError("WEBHOOK_URL", "is required when BOT_MODE=webhook");
  const url = new URL(read.url("WEBHOOK_URL", rawUrl));
  // Telegram only posts to https; plain http is accepted for a local Bot API server.
  if (url.protocol !== "https:" && !LOOPBACK.has(url.hostname)) {
    throw new ConfigError("WEBHOOK_URL", `"${rawUrl}" must be an https URL`);
  }
  const secret = read.string("WEBHOOK_SECRET");
  if (secret === undefined) {
    throw new ConfigError("WEBHOOK_SECRET", "is required when BOT_MODE=webhook");
  }
  // Telegram's rule for secret_token: 1-256 characters A-Z, a-z, 0-9, _ and -.
  if (!/^[\w-]{16,256}$/.test(secret)) {
    throw new ConfigError("WEBHOOK_SECRET", "must be 16-256 characters of A-Z, a-z, 0-9, _ or -");
  }
  return {
    via: "webhook",
    url: url.href,
    secret,
    host: read.string("WEBHOOK_HOST") ?? "127.0.0.1",
    port: read.int("WEBHOOK_PORT", 8080, 1, 65_535),
    maxConnections: read.int("WEBHOOK_MAX_CONNECTIONS", 40, 1, 100),
  };
}

function parseOps(read: ReturnType<typeof reader>): OpsConfig {
  const metricsToken = read.string("METRICS_TOKEN");
  if (metricsToken !== undefined && metricsToken.length < 16) {
    throw new ConfigError("METRICS_TOKEN", "is too short (at least 16 characters)");
  }
  return {
    metricsHost: read.string("METRICS_HOST") ?? "127.0.0.1",
    metricsPort: read.int("METRICS_PORT", 9464, 0, 65_535),
    ...(metricsToken === undefined ? {} : { metricsToken }),
    backupDir: read.string("BACKUP_DIR") ?? "data/backups",
    backupKeep: read.int("BACKUP_KEEP", 7, 1, 1000),
    backupHourUtc: read.int("BACKUP_HOUR_UTC", 3, 0, 23),
    ...parseBackupS3(read),
  };
}

function parseBackupS3(read: ReturnType<typeof reader>): { backupS3?: S3BackupConfig } {
  const url = read.string("BACKUP_S3_URL");
  if (url === undefined) return {};
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
  if (!match?.[1]) throw new ConfigError("BACKUP_S3_URL", `"${url}" is not s3://bucket[/prefix]`);
  const needed = (name: string) => {
    const value = read.string(name);
    if (value === undefined) throw new ConfigError(name, "is required when BACKUP_S3_URL is set");
    return value;
  };
  const prefix = (match[2] ?? "").replace(/^\/+|\/+$/g, "");
  const endpoint = read.string("BACKUP_S3_ENDPOINT");
  const region = read.string("BACKUP_S3_REGION");
  return {
    backupS3: {
      bucket: match[1],
      prefix: prefix === "" ? "" : `${prefix}/`,
      accessKeyId: needed("BACKUP_S3_ACCESS_KEY_ID"),
      secretAccessKey: needed("BACKUP_S3_SECRET_ACCESS_KEY"),
      ...(endpoint === undefined ? {} : { endpoint: read.url("BACKUP_S3_ENDPOINT", endpoint) }),
      ...(region === undefined ? {} : { region }),
    },
  };
}

function parseProviders(read: ReturnType<typeof reader>): ProvidersConfig {
  const order = read.list("PROVIDER_ORDER", AI_PROVIDERS, AI_PROVIDERS);
  const chain: AiProviderConfig[] = [];
  for (const name of order) {
    const prefix = name.toUpperCase();
    const apiKey = read.string(`${prefix}_API_KEY`);
    // A provider without a key is simply not in the chain.
    if (apiKey === undefined) continue;
    const defaults = PROVIDER_DEFAULTS[name];
    const model = read.model(`${prefix}_MODEL`) ?? defaults.model;
    const visionModel = name === "gemini" ? undefined : read.model(`${prefix}_VISION_MODEL`);
    chain.push({
      name,
      apiKey,
      baseUrl: read.url(`${prefix}_BASE_URL`, defaults.baseUrl),
      model,
      ...(visionModel === undefined ? {} : { visionModel }),
      // Flash models think by default and can be told not to; others may reject a budget of 0.
      ...(name === "gemini" && model.startsWith("gemini-2.5-flash") ? { thinkingBudget: 0 } : {}),
    });
  }
  return {
    chain,
    timeoutMs: read.int("PROVIDER_TIMEOUT_MS", 15_000, 100, 300_000),
    answerDeadlineMs: read.int("ANSWER_DEADLINE_MS", 12_000, 100, 600_000),
    concurrency: read.int("PROVIDER_CONCURRENCY", 8, 1, 1000),
    breakerFailures: read.int("BREAKER_FAILURES", 5, 1, 1000),
    breakerCooldownMs: read.int("BREAKER_COOLDOWN_MS", 60_000, 100, 600_000),
    healthcheckIntervalMs: read.int("HEALTHCHECK_INTERVAL_MS", 300_000, 1000, 2 ** 31 - 1),
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

/** Typed readers over one env; each throws ConfigError naming its variable. */
export function reader(env: Env) {
  const string = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === "" ? undefined : value;
  };
  return {
    string,
    /** A model name (letters, digits and `_ . : / -`), or undefined when unset. */
    model(name: string): string | undefined {
      const value = string(name);
      if (value !== undefined && !/^[\w.:/-]+$/.test(value)) {
        throw new ConfigError(name, `"${value}" is not a model name`);
      }
      return value;
    },
    int(name: string, fallback: number, min: number, max: number): number {
      const raw = string(name);
      if (raw === undefined) return fallback;
      if (!/^-?\d+$/.test(raw)) throw new ConfigError(name, `"${raw}" is not a whole number`);
      const value = Number(raw);
      if (value < min || value > max) {
        throw new ConfigError(name, `${value} is out of range (${min}..${max})`);
      }
      return value;
    },
    /** `true`/`false` (also 1/0, on/off, yes/no). */
    bool(name: string, fallback: boolean): boolean {
      const raw = string(name)?.toLowerCase();
      if (raw === undefined) return fallback;
      if (["true", "1", "on", "yes"].includes(raw)) return true;
      if (["false", "0", "off", "no"].includes(raw)) return false;
      throw new ConfigError(name, `"${raw}" is not true or false`);
    },
    url(name: string, fallback: string): string {
      const raw = string(name) ?? fallback;
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        throw new ConfigError(name, `"${raw}" is not a URL`);
      }
      if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw new ConfigError(name, `"${raw}" must be an http(s) URL`);
      }
      return raw.replace(/\/+$/, "");
    },
    lang(name: string, fallback: Lang): Lang {
      const raw = string(name)?.toLowerCase() ?? fallback;
      if (!isLang(raw))
        throw new ConfigError(name, `"${raw}" is not a supported language (ru, en)`);
      return raw;
    },
    oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
      const raw = string(name)?.toLowerCase() ?? fallback;
      if (!(allowed as readonly string[]).includes(raw)) {
        throw new ConfigError(name, `"${raw}" is not one of ${allowed.join(", ")}`);
      }
      return raw as T;
    },
    /** A comma-separated list of distinct names from `allowed`, in the given order. */
    list<T extends string>(name: string, allowed: readonly T[], fallback: readonly T[]): T[] {
      const raw = string(name);
      if (raw === undefined) return [...fallback];
      const items = raw
        .toLowerCase()
        .split(/[\s,]+/)
        .filter(Boolean);
      if (items.length === 0) throw new ConfigError(name, "is empty");
      for (const [i, item] of items.entries()) {
        if (!(allowed as readonly string[]).includes(item)) {
          throw new ConfigError(name, `"${item}" is not one of ${allowed.join(", ")}`);
        }
        if (items.indexOf(item) !== i) throw new ConfigError(name, `"${item}" is listed twice`);
      }
      return items as T[];
    },
    idSet(name: string): ReadonlySet<number> {
      const raw = string(name);
      if (raw === undefined) return new Set();
      const ids = raw.split(/[\s,]+/).filter(Boolean);
      for (const id of ids) {
        if (!/^\d{1,15}$/.test(id))
          throw new ConfigError(name, `"${id}" is not a Telegram user id`);
      }
      return new Set(ids.map(Number));
    },
  };
}

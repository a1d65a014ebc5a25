import { describe, expect, it } from "bun:test";
import { configSecrets, parseConfig } from "./config";
import { ConfigError } from "./errors";

function problem(env: Record<string, string>): { variable: string; message: string } {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return { variable: error.variable, message: error.message };
    throw error;
  }
  throw new Error("expected a ConfigError");
}

const TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abc";

describe("config", () => {
  it("uses the documented defaults for an empty environment", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      telegram: { mode: "console" },
      databasePath: "data/rvx.db",
      floodIntervalMs: 3000,
      dailyLimit: 50,
      answerMaxChars: 400,
      cacheMemoryEntries: 1000,
      cacheTtlMs: 24 * 3_600_000,
      threadTtlMs: 24 * 3_600_000,
      defaultLanguage: "ru",
      logLevel: "info",
      dbFlushMs: 25,
      dbFlushMax: 512,
    });
    expect([...config.adminIds]).toEqual([]);
  });

  it("switches to Telegram mode with a token and a custom API root", () => {
    const config = parseConfig({
      TELEGRAM_BOT_TOKEN: "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abc",
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081/",
    });
    expect(config.telegram).toEqual({
      mode: "telegram",
      token: "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abc",
      apiRoot: "http://127.0.0.1:8081",
      updates: { via: "polling" },
    });
  });

  it("reads the webhook and ops settings", () => {
    const config = parseConfig({
      TELEGRAM_BOT_TOKEN: TOKEN,
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.org/tg/hook",
      WEBHOOK_SECRET: "s3cret-s3cret-s3cret",
      WEBHOOK_PORT: "8443",
      METRICS_PORT: "0",
      METRICS_TOKEN: "metrics-token-0123456789",
      BACKUP_KEEP: "3",
      BACKUP_HOUR_UTC: "23",
    });
    expect(config.telegram).toMatchObject({
      updates: {
        via: "webhook",
        url: "https://bot.example.org/tg/hook",
        secret: "s3cret-s3cret-s3cret",
        host: "127.0.0.1",
        port: 8443,
        maxConnections: 40,
      },
    });
    expect(config.ops).toEqual({
      metricsHost: "127.0.0.1",
      metricsPort: 0,
      metricsToken: "metrics-token-0123456789",
      backupDir: "data/backups",
      backupKeep: 3,
      backupHourUtc: 23,
    });
    expect(configSecrets(config)).toEqual(
      expect.arrayContaining([TOKEN, "s3cret-s3cret-s3cret", "metrics-token-0123456789"]),
    );
  });

  it("defaults the ops settings", () => {
    expect(parseConfig({}).ops).toEqual({
      metricsHost: "127.0.0.1",
      metricsPort: 9464,
      backupDir: "data/backups",
      backupKeep: 7,
      backupHourUtc: 3,
    });
  });

  it("parses admin ids separated by commas or spaces", () => {
    expect([...parseConfig({ ADMIN_IDS: "42, 7 1001" }).adminIds]).toEqual([42, 7, 1001]);
  });

  it.each([
    [{ FLOOD_INTERVAL_MS: "soon" }, "FLOOD_INTERVAL_MS", "not a whole number"],
    [{ DAILY_LIMIT: "0" }, "DAILY_LIMIT", "out of range"],
    [{ ANSWER_MAX_CHARS: "5000" }, "ANSWER_MAX_CHARS", "out of range"],
    [{ DEFAULT_LANGUAGE: "de" }, "DEFAULT_LANGUAGE", "not a supported language"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL", "not one of"],
    [{ ADMIN_IDS: "42,bob" }, "ADMIN_IDS", "not a Telegram user id"],
    [{ TELEGRAM_BOT_TOKEN: "secret" }, "TELEGRAM_BOT_TOKEN", "not a bot token"],
    [{ TELEGRAM_API_ROOT: "ftp://x" }, "TELEGRAM_API_ROOT", "http(s)"],
    [{ CACHE_TTL_HOURS: "1.5" }, "CACHE_TTL_HOURS", "not a whole number"],
    [
      { PROVIDER_ORDER: "groq,openai" },
      "PROVIDER_ORDER",
      '"openai" is not one of groq, mistral, gemini',
    ],
    [{ PROVIDER_ORDER: "groq,groq" }, "PROVIDER_ORDER", "listed twice"],
    [{ PROVIDER_ORDER: " , " }, "PROVIDER_ORDER", "is empty"],
    [{ PROVIDER_TIMEOUT_MS: "fast" }, "PROVIDER_TIMEOUT_MS", "not a whole number"],
    [{ PROVIDER_CONCURRENCY: "0" }, "PROVIDER_CONCURRENCY", "out of range"],
    [{ BREAKER_FAILURES: "-1" }, "BREAKER_FAILURES", "out of range"],
    [{ BREAKER_COOLDOWN_MS: "700000" }, "BREAKER_COOLDOWN_MS", "out of range"],
    [{ HEALTHCHECK_INTERVAL_MS: "5m" }, "HEALTHCHECK_INTERVAL_MS", "not a whole number"],
    [{ GROQ_API_KEY: "gsk_x", GROQ_BASE_URL: "ftp://x" }, "GROQ_BASE_URL", "http(s)"],
    [{ GEMINI_API_KEY: "AIza_x", GEMINI_MODEL: "bad model" }, "GEMINI_MODEL", "not a model name"],
    [
      { GROQ_API_KEY: "gsk_x", GROQ_VISION_MODEL: "llama 4" },
      "GROQ_VISION_MODEL",
      "not a model name",
    ],
    [
      { MISTRAL_API_KEY: "m_x", MISTRAL_VISION_MODEL: "pixtral?" },
      "MISTRAL_VISION_MODEL",
      "not a model name",
    ],
    [{ BOT_MODE: "push" }, "BOT_MODE", "not one of"],
    [{ BOT_MODE: "webhook" }, "BOT_MODE", "needs TELEGRAM_BOT_TOKEN"],
    [{ TELEGRAM_BOT_TOKEN: TOKEN, BOT_MODE: "webhook" }, "WEBHOOK_URL", "is required"],
    [
      { TELEGRAM_BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "http://example.org/x" },
      "WEBHOOK_URL",
      "must be an https URL",
    ],
    [
      { TELEGRAM_BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://example.org/x" },
      "WEBHOOK_SECRET",
      "is required",
    ],
    [
      {
        TELEGRAM_BOT_TOKEN: TOKEN,
        BOT_MODE: "webhook",
        WEBHOOK_URL: "https://example.org/x",
        WEBHOOK_SECRET: "has spaces in it, sadly",
      },
      "WEBHOOK_SECRET",
      "16-256 characters",
    ],
    [{ METRICS_PORT: "70000" }, "METRICS_PORT", "out of range"],
    [{ METRICS_TOKEN: "short" }, "METRICS_TOKEN", "too short"],
    [{ BACKUP_KEEP: "0" }, "BACKUP_KEEP", "out of range"],
    [{ BACKUP_HOUR_UTC: "24" }, "BACKUP_HOUR_UTC", "out of range"],
    [{ STARTUP_TIMEOUT_MS: "5" }, "STARTUP_TIMEOUT_MS", "out of range"],
    [{ INBOX_KEEP_HOURS: "0" }, "INBOX_KEEP_HOURS", "out of range"],
    [{ ANSWER_DEADLINE_MS: "soon" }, "ANSWER_DEADLINE_MS", ""],
    [
      {
        TELEGRAM_BOT_TOKEN: TOKEN,
        BOT_MODE: "webhook",
        WEBHOOK_URL: "https://example.org/x",
        WEBHOOK_SECRET: "s3cret-s3cret-s3cret",
        WEBHOOK_MAX_CONNECTIONS: "101",
      },
      "WEBHOOK_MAX_CONNECTIONS",
      "out of range",
    ],
    [{ BACKUP_S3_URL: "https://bucket/x" }, "BACKUP_S3_URL", "is not s3://bucket[/prefix]"],
    [{ BACKUP_S3_URL: "s3://rvx-backups" }, "BACKUP_S3_ACCESS_KEY_ID", "is required"],
    [
      { BACKUP_S3_URL: "s3://rvx-backups", BACKUP_S3_ACCESS_KEY_ID: "AK" },
      "BACKUP_S3_SECRET_ACCESS_KEY",
      "is required",
    ],
  ])("rejects %p naming the variable", (env, variable, text) => {
    const found = problem(env as Record<string, string>);
    expect(found.variable).toBe(variable);
    expect(found.message).toContain(text);
  });

  it("leaves AI providers out of the chain without keys and uses the provider defaults", () => {
    expect(parseConfig({}).providers).toEqual({
      chain: [],
      timeoutMs: 15_000,
      answerDeadlineMs: 12_000,
      concurrency: 8,
      breakerFailures: 5,
      breakerCooldownMs: 60_000,
      healthcheckIntervalMs: 300_000,
    });
  });

  it("puts every keyed provider in the chain in the default order with current models", () => {
    const config = parseConfig({
      GEMINI_API_KEY: "AIza-g",
      MISTRAL_API_KEY: "m-key",
      GROQ_API_KEY: "gsk-q",
    });
    expect(config.providers.chain).toEqual([
      {
        name: "groq",
        apiKey: "gsk-q",
        baseUrl: "https://api.groq.com",
        model: "llama-3.3-70b-versatile",
      },
      {
        name: "mistral",
        apiKey: "m-key",
        baseUrl: "https://api.mistral.ai",
        model: "mistral-small-latest",
      },
      {
        name: "gemini",
        apiKey: "AIza-g",
        baseUrl: "https://generativelanguage.googleapis.com",
        model: "gemini-2.5-flash",
        thinkingBudget: 0,
      },
    ]);
  });

  it("follows PROVIDER_ORDER, skipping providers without a key, with custom URLs and models", () => {
    const config = parseConfig({
      PROVIDER_ORDER: "Gemini, groq",
      GROQ_API_KEY: "gsk-q",
      GROQ_BASE_URL: "http://127.0.0.1:9000/",
      GEMINI_API_KEY: "AIza-g",
      GEMINI_MODEL: "gemini-2.5-pro",
      MISTRAL_API_KEY: "m-key",
      PROVIDER_TIMEOUT_MS: "2000",
      PROVIDER_CONCURRENCY: "3",
      BREAKER_FAILURES: "2",
      BREAKER_COOLDOWN_MS: "1000",
      HEALTHCHECK_INTERVAL_MS: "60000",
    });
    expect(config.providers).toEqual({
      chain: [
        {
          name: "gemini",
          apiKey: "AIza-g",
          baseUrl: "https://generativelanguage.googleapis.com",
          model: "gemini-2.5-pro",
        },
        {
          name: "groq",
          apiKey: "gsk-q",
          baseUrl: "http://127.0.0.1:9000",
          model: "llama-3.3-70b-versatile",
        },
      ],
      timeoutMs: 2000,
      answerDeadlineMs: 12_000,
      concurrency: 3,
      breakerFailures: 2,
      breakerCooldownMs: 1000,
      healthcheckIntervalMs: 60_000,
    });
  });

  it("reads the off-site backup bucket, prefix, keys, endpoint and region", () => {
    const config = parseConfig({
      BACKUP_S3_URL: "s3://rvx-backups/vps-1/",
      BACKUP_S3_ACCESS_KEY_ID: "AKIA0123",
      BACKUP_S3_SECRET_ACCESS_KEY: "s3-secret-0123",
      BACKUP_S3_ENDPOINT: "https://minio.example.org/",
      BACKUP_S3_REGION: "eu-central-1",
    });
    expect(config.ops.backupS3).toEqual({
      bucket: "rvx-backups",
      prefix: "vps-1/",
      accessKeyId: "AKIA0123",
      secretAccessKey: "s3-secret-0123",
      endpoint: "https://minio.example.org",
      region: "eu-central-1",
    });
    expect(configSecrets(config)).toEqual(["s3-secret-0123"]);
    expect(parseConfig({}).startupTimeoutMs).toBe(30_000);
  });

  it("gives Groq and Mistral a vision model only when one is set; Gemini's model takes images", () => {
    const config = parseConfig({
      GROQ_API_KEY: "gsk-q",
      GROQ_VISION_MODEL: "meta-llama/llama-4-scout-17b-16e-instruct",
      MISTRAL_API_KEY: "m-key",
      GEMINI_API_KEY: "AIza-g",
      GEMINI_VISION_MODEL: "ignored",
    });
    const unset = parseConfig({ GROQ_API_KEY: "gsk-q", MISTRAL_API_KEY: "m-key" });

    expect(config.providers.chain.map((p) => [p.name, p.visionModel])).toEqual([
      ["groq", "meta-llama/llama-4-scout-17b-16e-instruct"],
      ["mistral", undefined],
      ["gemini", undefined],
    ]);
    expect(unset.providers.chain.map((p) => "visionModel" in p)).toEqual([false, false]);
  });

  it("reads the inbox, webhook connection and answer deadline settings", () => {
    expect(parseConfig({}).inboxKeepMs).toBe(48 * 3_600_000);
    expect(parseConfig({}).providers.answerDeadlineMs).toBe(12_000);
    const config = parseConfig({
      INBOX_KEEP_HOURS: "6",
      ANSWER_DEADLINE_MS: "2500",
      TELEGRAM_BOT_TOKEN: TOKEN,
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://example.org/x",
      WEBHOOK_SECRET: "s3cret-s3cret-s3cret",
      WEBHOOK_MAX_CONNECTIONS: "100",
    });
    expect([config.inboxKeepMs, config.providers.answerDeadlineMs]).toEqual([6 * 3_600_000, 2500]);
    expect(config.telegram).toMatchObject({ updates: { maxConnections: 100 } });
  });

  it("reads links on by default, their timeout, and loopback refused unless allowed", () => {
    expect(parseConfig({}).links).toEqual({ fetch: true, timeoutMs: 5000, allowPrivate: false });
    const config = parseConfig({
      LINK_FETCH: "off",
      LINK_FETCH_TIMEOUT_MS: "800",
      LINK_FETCH_ALLOW_PRIVATE: "true",
    });
    expect(config.links).toEqual({ fetch: false, timeoutMs: 800, allowPrivate: true });
    expect(problem({ LINK_FETCH: "maybe" })).toEqual({
      variable: "LINK_FETCH",
      message: 'LINK_FETCH: "maybe" is not true or false',
    });
    expect(problem({ LINK_FETCH_TIMEOUT_MS: "10" }).variable).toBe("LINK_FETCH_TIMEOUT_MS");
  });

  it("lists every secret for the log redactor", () => {
    const config = parseConfig({
      TELEGRAM_BOT_TOKEN: "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abc",
      GROQ_API_KEY: "gsk-q",
      MISTRAL_API_KEY: "m-key",
    });
    expect(configSecrets(config)).toEqual([
      "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abc",
      "gsk-q",
      "m-key",
    ]);
  });
});

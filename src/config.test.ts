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
  ])("rejects %p naming the variable", (env, variable, text) => {
    const found = problem(env as Record<string, string>);
    expect(found.variable).toBe(variable);
    expect(found.message).toContain(text);
  });

  it("leaves AI providers out of the chain without keys and uses the provider defaults", () => {
    expect(parseConfig({}).providers).toEqual({
      chain: [],
      timeoutMs: 15_000,
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
      concurrency: 3,
      breakerFailures: 2,
      breakerCooldownMs: 1000,
      healthcheckIntervalMs: 60_000,
    });
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

import { describe, expect, it } from "bun:test";
import { parseConfig } from "./config";
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
  ])("rejects %p naming the variable", (env, variable, text) => {
    const found = problem(env as Record<string, string>);
    expect(found.variable).toBe(variable);
    expect(found.message).toContain(text);
  });
});

import pino, { type DestinationStream, type Logger } from "pino";
import type { LogLevel } from "./config";

export type { Logger };

const BOT_TOKEN = /\b\d{5,}:[A-Za-z0-9_-]{30,}\b/g;

/**
 * Replaces every known secret, and anything shaped like a bot token, with "[REDACTED]".
 * Applied to each serialized log line, so errors, URLs and nested fields are all covered.
 */
export function createRedactor(secrets: readonly string[]): (text: string) => string {
  const known = secrets.filter((s) => s.length >= 6).sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text.replace(BOT_TOKEN, "[REDACTED]");
    for (const secret of known) out = out.split(secret).join("[REDACTED]");
    return out;
  };
}

export interface LoggerOptions {
  readonly level: LogLevel;
  readonly secrets: readonly string[];
  /** Where JSON lines go; stdout by default, stderr in console mode. */
  readonly destination?: DestinationStream | number;
}

/** The root pino logger; actors and updates take `child` loggers from it. */
export function createLogger(options: LoggerOptions): Logger {
  const redact = createRedactor(options.secrets);
  const destination =
    typeof options.destination === "object"
      ? options.destination
      : pino.destination({ fd: options.destination ?? 1, sync: true });
  return pino(
    {
      level: options.level,
      base: { app: "rvx" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: ["token", "apiKey", "*.token", "*.apiKey", "headers.authorization"] },
      hooks: { streamWrite: redact },
    },
    destination,
  );
}

/** A logger that drops everything, for tests that do not look at logs. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}

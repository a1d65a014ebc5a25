import type { Reader } from "./config-parse";
import { ConfigError } from "./errors";

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

const BOT_MODES = ["polling", "webhook"] as const;
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** BOT_MODE and, for a webhook, WEBHOOK_*. */
export function parseUpdates(read: Reader, hasToken: boolean): UpdatesConfig {
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

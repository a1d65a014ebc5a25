import { type Bot, webhookCallback } from "grammy";
import type { Logger } from "../logger";
import type { BotContext } from "./context";
import { isWellFormedUpdate } from "./update-shape";

export interface WebhookServerOptions {
  readonly host: string;
  readonly port: number;
  /** The path Telegram posts to (the path of WEBHOOK_URL). */
  readonly path: string;
  /** Checked against X-Telegram-Bot-Api-Secret-Token; a request without it changes nothing. */
  readonly secret: string;
  readonly logger: Logger;
}

const SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

/**
 * Serves Telegram's webhook POSTs. A body without the secret header gets 401 and one that is not
 * a well-formed update 400, before grammY sees either; grammY checks the secret header again;
 * an update that takes long (a slow provider) is answered 200 after 50 s and finishes in the
 * background, so Telegram does not deliver it twice.
 */
export function startWebhookServer(bot: Bot<BotContext>, options: WebhookServerOptions) {
  const handle = webhookCallback(bot, "std/http", {
    secretToken: options.secret,
    onTimeout: "return",
    timeoutMilliseconds: 50_000,
  });
  let inFlight = 0;
  const server = Bun.serve({
    hostname: options.host,
    port: options.port,
    async fetch(request) {
      const { pathname } = new URL(request.url);
      if (pathname !== options.path) return new Response("not found\n", { status: 404 });
      if (request.method !== "POST") return new Response("method not allowed\n", { status: 405 });
      if (request.headers.get(SECRET_HEADER) !== options.secret) {
        return new Response("secret token is wrong\n", { status: 401 });
      }
      const body = await request.text();
      if (!isWellFormedUpdate(parseJson(body))) {
        return new Response("not a Telegram update\n", { status: 400 });
      }
      inFlight++;
      try {
        return await handle(
          new Request(request.url, { method: "POST", headers: request.headers, body }),
        );
      } catch (error) {
        options.logger.error({ err: error }, "webhook update failed");
        return new Response("error\n", { status: 500 });
      } finally {
        inFlight--;
      }
    },
  });
  return {
    port: server.port,
    get inFlight() {
      return inFlight;
    },
    /** Stops accepting requests and waits for those being handled. */
    async stop(): Promise<void> {
      await server.stop(false);
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

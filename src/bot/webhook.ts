import type { Update } from "grammy/types";
import type { Logger } from "../logger";
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
 * a well-formed update 400. A well-formed one is stored in the inbox (`accept`) and answered 200
 * right after that commit, long before its reply: Telegram's `max_connections` open requests
 * then carry updates, not waits for AI providers. A duplicate is answered 200 and ignored; an
 * update that cannot be stored (disk full) gets 500, so Telegram delivers it again later.
 */
export function startWebhookServer(
  accept: (update: Update, payload: string) => unknown,
  options: WebhookServerOptions,
) {
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
      const update = parseJson(body);
      if (!isWellFormedUpdate(update)) {
        return new Response("not a Telegram update\n", { status: 400 });
      }
      inFlight++;
      try {
        accept(update as Update, body);
        return new Response("ok\n");
      } catch (error) {
        options.logger.error({ err: error }, "cannot store a webhook update; Telegram will retry");
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
    /** Stops accepting requests and waits for those being stored. */
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

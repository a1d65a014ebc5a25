/**
 * The baseline bot for the webhook intake benchmark: bare grammY behind `webhookCallback` on
 * Bun.serve, one handler replying "ok" to every text message (grammY answers the POST once the
 * handler is done). Reads TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT, WEBHOOK_PORT and WEBHOOK_SECRET;
 * prints "ready" once it listens; stops on SIGTERM.
 *
 *   TELEGRAM_BOT_TOKEN=… TELEGRAM_API_ROOT=… WEBHOOK_PORT=… WEBHOOK_SECRET=… bun scripts/bench/bare-webhook-bot.ts
 */
import { Bot, webhookCallback } from "grammy";

const token = process.env.TELEGRAM_BOT_TOKEN ?? "";
const apiRoot = process.env.TELEGRAM_API_ROOT ?? "https://api.telegram.org";
const bot = new Bot(token, { client: { apiRoot } });
bot.on("message:text", (ctx) => ctx.reply("ok"));
await bot.init();
const handle = webhookCallback(bot, "bun", "throw", 10_000, process.env.WEBHOOK_SECRET);
const server = Bun.serve({
  hostname: "127.0.0.1",
  port: Number(process.env.WEBHOOK_PORT),
  fetch: (request) => handle(request),
});
process.on("SIGTERM", async () => {
  await server.stop(false);
  process.exit(0);
});
console.log("ready");

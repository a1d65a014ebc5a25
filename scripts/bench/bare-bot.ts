/**
 * The baseline bot for the HTTP benchmarks: bare grammY under @grammyjs/runner (as RVX runs),
 * one handler replying "ok" to every text message. Reads TELEGRAM_BOT_TOKEN and
 * TELEGRAM_API_ROOT like RVX; stops on SIGTERM.
 *
 *   TELEGRAM_BOT_TOKEN=… TELEGRAM_API_ROOT=http://127.0.0.1:… bun scripts/bench/bare-bot.ts
 */
import { run } from "@grammyjs/runner";
import { Bot } from "grammy";

const token = process.env.TELEGRAM_BOT_TOKEN ?? "";
const apiRoot = process.env.TELEGRAM_API_ROOT ?? "https://api.telegram.org";
const bot = new Bot(token, { client: { apiRoot } });
bot.on("message:text", (ctx) => ctx.reply("ok"));
await bot.init();
let runner: ReturnType<typeof run> | undefined;
// Installed before polling starts, so a SIGTERM as soon as the bot is ready stops it cleanly.
process.on("SIGTERM", async () => {
  await runner?.stop();
  process.exit(0);
});
runner = run(bot, { runner: { fetch: { allowed_updates: ["message", "callback_query"] } } });

/**
 * Webhook intake: how fast RVX acknowledges webhook POSTs. The whole process (`bun src/main.ts`,
 * BOT_MODE=webhook) against the Bot API emulator; 40 connections (Telegram's default
 * max_connections) post 6,000 updates from 400 users, each connection sending its next update
 * as soon as the last one got its 200. Answers are offline (no AI keys).
 *
 *   bun run scripts/bench/webhook-intake.ts
 */
import { join } from "node:path";
import { postWebhookUpdate, startBotApiEmulator } from "../../test/support/bot-api-emulator";
import { freePort, startRvx, tempDir } from "../../test/support/process";

const SECRET = "intake-bench-secret-0123";
const TOTAL = 6000;
const CONNECTIONS = 40;
const USERS = 400;

const update = (i: number) => {
  const id = 200_000 + (i % USERS);
  return {
    update_id: 1_000_000 + i,
    message: {
      message_id: i + 1,
      date: 1,
      chat: { id, type: "private" as const, first_name: "U" },
      from: { id, is_bot: false, first_name: "U", language_code: "en" },
      text: `Bitcoin ETF inflows reach $${i}M as institutions pile in`,
    },
  };
};

using dir = tempDir();
await using api = await startBotApiEmulator();
const port = await freePort();
const url = `http://127.0.0.1:${port}/hook`;
const rvx = startRvx({
  TELEGRAM_BOT_TOKEN: api.token,
  TELEGRAM_API_ROOT: api.apiRoot,
  DATABASE_PATH: join(dir.path, "rvx.db"),
  BOT_MODE: "webhook",
  WEBHOOK_URL: url,
  WEBHOOK_SECRET: SECRET,
  WEBHOOK_PORT: String(port),
  FLOOD_INTERVAL_MS: "0",
  DAILY_LIMIT: "1000000",
  DEFAULT_LANGUAGE: "en",
});
try {
  await api.waitFor((c) => c.method === "setWebhook", { timeoutMs: 30_000 });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < TOTAL) {
        const response = await postWebhookUpdate(url, update(next++), SECRET);
        if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
        await response.arrayBuffer();
      }
    }),
  );
  const ms = performance.now() - started;
  console.log(
    `webhook intake: ${TOTAL} updates acknowledged in ${Math.round(ms)} ms = ${Math.round(TOTAL / (ms / 1000))} updates/s with ${CONNECTIONS} connections`,
  );
} finally {
  rvx.kill("SIGTERM");
  await rvx.exited;
}

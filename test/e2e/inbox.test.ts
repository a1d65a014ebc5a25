import { Database } from "bun:sqlite";
import { describe, expect, it } from "bun:test";
import { join } from "node:path";
import {
  type ApiCall,
  type BotApiEmulator,
  postWebhookUpdate,
  startBotApiEmulator,
} from "../support/bot-api-emulator";
import { freePort, startRvx, tempDir } from "../support/process";

const SECRET = "inbox-webhook-secret-0123";
const FOOTER = /\+(\d+) XP · (\d+) requests left today/;
const RATE_LIMITED = {
  error_code: 429,
  description: "Too Many Requests: retry after 5",
  parameters: { retry_after: 5 },
};

const user = (id: number) => ({ id, first_name: `U${id}`, language_code: "en" });

function baseEnv(api: BotApiEmulator, dir: string) {
  return {
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    DATABASE_PATH: join(dir, "rvx.db"),
    DEFAULT_LANGUAGE: "en",
    FLOOD_INTERVAL_MS: "0",
  };
}

/** Successful explanation replies (with the XP footer) sent to `chatId` at or after `after`. */
const explained = (api: BotApiEmulator, chatId: number, after = 0) =>
  api.calls.filter(
    (c: ApiCall) =>
      c.index >= after &&
      c.method === "sendMessage" &&
      c.response?.ok === true &&
      Number(c.payload.chat_id) === chatId &&
      FOOTER.test(String(c.payload.text)),
  );

function rowsOf(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    const xp = new Map(
      (db.query("SELECT id, xp FROM users").all() as { id: number; xp: number }[]).map((r) => [
        r.id,
        r.xp,
      ]),
    );
    const pending = (
      db.query("SELECT update_id FROM inbox WHERE state = 'pending'").all() as {
        update_id: number;
      }[]
    ).map((r) => r.update_id);
    return { xp, pending };
  } finally {
    db.close();
  }
}

const isRateLimitedReply = (c: ApiCall) => c.method === "sendMessage" && c.response?.ok === false;

describe("durable inbox", () => {
  it("answers an update acknowledged before a kill -9 after restart, counting its XP once", async () => {
    using dir = tempDir();
    await using api = await startBotApiEmulator();
    const env = baseEnv(api, dir.path);
    for (let i = 0; i < 10; i++) api.failNext("sendMessage", RATE_LIMITED);
    const first = startRvx(env);
    await api.waitFor((c) => c.method === "getUpdates", { timeoutMs: 20_000 });
    const update = api.sendText(user(61), "Bitcoin ETF approved by the SEC");
    // Its reply is being sent (and rate limited): acknowledged, effects committed, no reply yet.
    await api.waitFor(isRateLimitedReply, { timeoutMs: 20_000 });
    first.kill("SIGKILL");
    await first.exited;
    const killed = rowsOf(env.DATABASE_PATH);
    expect(killed.pending).toEqual([update.update_id]);
    expect(killed.xp.get(61)).toBe(5);
    expect(explained(api, 61)).toEqual([]);

    api.clearFaults("sendMessage");
    const second = startRvx(env);
    try {
      const reply = await api.waitForReply(61, { timeoutMs: 20_000 });
      expect(String(reply.payload.text)).toMatch(/\+5 XP · 49 requests left today/);
      // A later update from the same user is handled after the replayed one.
      const after = api.calls.length;
      api.sendText(user(61), "/profile");
      await api.waitForReply(61, { after, timeoutMs: 20_000 });
    } finally {
      second.kill("SIGTERM");
      expect(await second.exited).toBe(0);
    }
    const restarted = rowsOf(env.DATABASE_PATH);
    expect({ xp: restarted.xp.get(61), pending: restarted.pending }).toEqual({
      xp: 5,
      pending: [],
    });
    expect(explained(api, 61)).toHaveLength(1);
  });

  it("acknowledges an update delivered twice and answers it once, counting its XP once", async () => {
    using dir = tempDir();
    await using api = await startBotApiEmulator();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/hook`;
    const env = {
      ...baseEnv(api, dir.path),
      BOT_MODE: "webhook",
      WEBHOOK_URL: url,
      WEBHOOK_SECRET: SECRET,
      WEBHOOK_PORT: String(port),
      WEBHOOK_MAX_CONNECTIONS: "7",
    };
    const rvx = startRvx(env);
    try {
      await api.waitFor((c) => c.method === "setWebhook", { timeoutMs: 20_000 });
      expect(api.webhook).toMatchObject({ max_connections: 7 });
      const update = api.sendText(user(62), "Ethereum upgrade goes live");
      await api.waitForReply(62, { timeoutMs: 20_000 });
      // Telegram delivers it again (a timeout, a reset): acknowledged, not handled again.
      expect((await postWebhookUpdate(url, update, SECRET)).status).toBe(200);
      const after = api.calls.length;
      api.sendText(user(62), "Solana outage ends after five hours");
      await api.waitForReply(62, { after, timeoutMs: 20_000 });
    } finally {
      rvx.kill("SIGTERM");
      expect(await rvx.exited).toBe(0);
    }
    const told = explained(api, 62).map((c) => FOOTER.exec(String(c.payload.text)) ?? []);
    // Two answers (the second completes a quest), quota used twice, XP exactly as told.
    expect(told.map((m) => m[2])).toEqual(["49", "48"]);
    const toldXp = told.reduce((sum, m) => sum + Number(m[1]), 0);
    expect(rowsOf(env.DATABASE_PATH).xp.get(62)).toBe(toldXp);
  });

  it("exits 0 within 10 s on SIGTERM while Telegram answers 429, and sends the replies after restart", async () => {
    using dir = tempDir();
    await using api = await startBotApiEmulator();
    const env = baseEnv(api, dir.path);
    for (let i = 0; i < 100; i++) api.failNext("sendMessage", RATE_LIMITED);
    const first = startRvx(env);
    await api.waitFor((c) => c.method === "getUpdates", { timeoutMs: 20_000 });
    const users = [71, 72, 73];
    for (const id of users) api.sendText(user(id), `Spot bitcoin ETFs saw $${id}M of net inflows`);
    let limited = 0;
    await api.waitFor((c) => isRateLimitedReply(c) && ++limited >= users.length, {
      timeoutMs: 20_000,
    });
    const started = performance.now();
    first.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(performance.now() - started).toBeLessThan(10_000);
    const stopped = rowsOf(env.DATABASE_PATH);
    expect(stopped.pending).toHaveLength(users.length);
    expect(users.map((id) => stopped.xp.get(id))).toEqual([5, 5, 5]);

    api.clearFaults("sendMessage");
    const second = startRvx(env);
    try {
      for (const id of users) await api.waitForReply(id, { timeoutMs: 20_000 });
    } finally {
      second.kill("SIGTERM");
      expect(await second.exited).toBe(0);
    }
    const restarted = rowsOf(env.DATABASE_PATH);
    expect(restarted.pending).toEqual([]);
    expect(users.map((id) => restarted.xp.get(id))).toEqual([5, 5, 5]);
    expect(users.map((id) => explained(api, id).length)).toEqual([1, 1, 1]);
  }, 40_000);
});

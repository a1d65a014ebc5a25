import { Database } from "bun:sqlite";
import { describe, expect, it } from "bun:test";
import { chmodSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "../../src/db/open";
import { postWebhookUpdate, startBotApiEmulator } from "../support/bot-api-emulator";
import { startFakeAiServer } from "../support/fake-ai-servers";
import { finished, freePort, runCommand, runRvx, startRvx, tempDir } from "../support/process";
import { S3RVER_KEYS, startS3Server } from "../support/s3-server";

const alice = { id: 1001, first_name: "Alice", language_code: "en" };
const bob = { id: 1002, first_name: "Bob", language_code: "en" };
const SECRET = "ops-webhook-secret-0123";

function xpOf(databasePath: string, userId: number): number | undefined {
  const db = new Database(databasePath, { readonly: true });
  try {
    return db.query<{ xp: number }, [number]>("SELECT xp FROM users WHERE id = ?").get(userId)?.xp;
  } finally {
    db.close();
  }
}

describe("operations end to end", () => {
  it("serves metrics behind a bearer token, health and readiness", async () => {
    using dir = tempDir();
    await using api = await startBotApiEmulator();
    const port = await freePort();
    const token = "metrics-token-0123456789";
    const rvx = startRvx({
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      DATABASE_PATH: join(dir.path, "rvx.db"),
      METRICS_PORT: String(port),
      METRICS_TOKEN: token,
    });
    await api.waitFor((c) => c.method === "getUpdates", { timeoutMs: 20_000 });
    const after = api.calls.length;
    api.sendText(alice, "Bitcoin ETF approved by the SEC");
    await api.waitForReply(alice.id, { after });

    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${base}/metrics`, { headers: { authorization: "Bearer nope" } });
    expect(wrong.status).toBe(401);
    const metrics = await fetch(`${base}/metrics`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(metrics.status).toBe(200);
    const body = await metrics.text();
    expect(body).toContain('rvx_updates_total{type="message"} 1');
    expect(body).toContain('rvx_explanations_total{source="offline"} 1');
    expect(body).toContain("rvx_xp_awarded_total 5");
    expect(body).toContain("rvx_db_flush_batch_size_bucket");
    expect(body).toContain("process_resident_memory_bytes");
    expect(body).not.toContain(api.token);
    expect(body).not.toContain(token);

    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: "ready",
      checks: { database: true, telegram: true, answers: true },
    });

    rvx.kill("SIGTERM");
    expect(await rvx.exited).toBe(0);
  });

  it("exits 0 on a SIGTERM that arrives while it is starting", async () => {
    using dir = tempDir();
    await using api = await startBotApiEmulator();
    const rvx = startRvx({
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      DATABASE_PATH: join(dir.path, "rvx.db"),
    });
    await api.waitFor((c) => c.method === "getMe", { timeoutMs: 20_000 });
    rvx.kill("SIGTERM");
    expect(await rvx.exited).toBe(0);
  });

  it("exits 1 with one rvx: line when the Bot API cannot be reached within STARTUP_TIMEOUT_MS", async () => {
    using dir = tempDir();
    const apiRoot = `http://127.0.0.1:${await freePort()}`;
    const result = await runRvx([], {
      env: {
        TELEGRAM_BOT_TOKEN: "7000000001:AAEmulatedTokenForEndToEndTests_0001",
        TELEGRAM_API_ROOT: apiRoot,
        DATABASE_PATH: join(dir.path, "rvx.db"),
        STARTUP_TIMEOUT_MS: "300",
      },
    });

    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      `rvx: cannot reach the Telegram Bot API at ${apiRoot} within 300 ms (STARTUP_TIMEOUT_MS); check the network, a firewall or proxy, and TELEGRAM_API_ROOT`,
    ]);
    expect(result.stdout).not.toContain("at ");
  });

  it("exits 0 at once on a SIGTERM while getMe is being retried", async () => {
    using dir = tempDir();
    await using api = await startBotApiEmulator();
    for (let i = 0; i < 5; i++)
      api.failNext("getMe", { error_code: 502, description: "Bad Gateway" });
    const rvx = startRvx({
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      DATABASE_PATH: join(dir.path, "rvx.db"),
    });
    await api.waitFor((c) => c.method === "getMe", { timeoutMs: 20_000 });

    rvx.kill("SIGTERM");

    expect(await rvx.exited).toBe(0);
    expect(api.calls.filter((c) => c.method === "getMe")).toHaveLength(1);
  });

  it("exits 74 with one rvx: line naming the path when the database cannot be used", async () => {
    using dir = tempDir();
    const run = (databasePath: string, unprivileged = false) => {
      const env = {
        TELEGRAM_BOT_TOKEN: "7000000001:AAEmulatedTokenForEndToEndTests_0001",
        TELEGRAM_API_ROOT: "http://127.0.0.1:9",
        DATABASE_PATH: databasePath,
      };
      // A read-only directory is only read-only for a user other than root.
      const drop =
        unprivileged && process.getuid?.() === 0
          ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
          : [];
      return runCommand([...drop, process.execPath, "src/main.ts"], { env });
    };
    const notADatabase = join(dir.path, "rvx.db");
    writeFileSync(notADatabase, "a text file where the database should be, long enough to read");
    writeFileSync(join(dir.path, "file"), "");
    const readOnly = join(dir.path, "read-only");
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    chmodSync(dir.path, 0o755);

    const results = await Promise.all([
      run(notADatabase),
      run(join(dir.path, "file", "data", "rvx.db")),
      run(join(readOnly, "rvx.db"), true),
    ]);

    expect(results.map((r) => r.code)).toEqual([74, 74, 74]);
    expect(results.map((r) => r.stderr.trim().split("\n").length)).toEqual([1, 1, 1]);
    const [corrupt, noDir, denied] = results.map((r) => r.stderr);
    expect(corrupt).toStartWith(`rvx: ${notADatabase}: is not an SQLite database or is damaged;`);
    expect(corrupt).toContain("rvx restore FILE");
    expect(noDir).toStartWith(
      `rvx: ${join(dir.path, "file", "data")}: the directory cannot be created (ENOTDIR)`,
    );
    expect(denied).toStartWith(`rvx: ${join(readOnly, "rvx.db")}: cannot be written`);
    expect(denied).toContain(`write access to ${readOnly}`);
    for (const { stdout, stderr } of results) expect(stdout + stderr).not.toContain("    at ");
  });

  it("refuses webhook requests without the secret and changes nothing", async () => {
    using dir = tempDir();
    await using api = await startBotApiEmulator();
    const port = await freePort();
    const databasePath = join(dir.path, "rvx.db");
    const url = `http://127.0.0.1:${port}/hook`;
    const rvx = startRvx({
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      DATABASE_PATH: databasePath,
      BOT_MODE: "webhook",
      WEBHOOK_URL: url,
      WEBHOOK_SECRET: SECRET,
      WEBHOOK_PORT: String(port),
    });
    await api.waitFor((c) => c.method === "setWebhook", { timeoutMs: 20_000 });
    const update = (id: number) => ({
      update_id: id,
      message: {
        message_id: id,
        date: 1,
        chat: { id: bob.id, type: "private" as const, first_name: bob.first_name },
        from: { ...bob, is_bot: false },
        text: "Ethereum upgrade goes live",
      },
    });
    const before = api.calls.length;
    expect((await postWebhookUpdate(url, update(1))).status).toBe(401);
    expect((await postWebhookUpdate(url, update(2), "wrong-secret-0123456")).status).toBe(401);
    expect(
      (await postWebhookUpdate(`http://127.0.0.1:${port}/other`, update(3), SECRET)).status,
    ).toBe(404);
    const post = (body: string) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET },
        body,
      });
    const malformed = [
      "not json",
      "null",
      "[]",
      '{"update_id":"1"}',
      '{"update_id":1,"message":{"chat":{}}}',
      '{"update_id":1,"message":{"message_id":1,"date":1,"chat":{"id":"x","type":"private"}}}',
      '{"update_id":1,"callback_query":{"id":"1","from":{}}}',
    ];
    const statuses = await Promise.all(malformed.map(async (body) => (await post(body)).status));
    expect(statuses).toEqual(malformed.map(() => 400));
    expect(api.calls.slice(before).filter((c) => c.method === "sendMessage")).toEqual([]);
    expect(xpOf(databasePath, bob.id)).toBeUndefined();

    expect((await postWebhookUpdate(url, update(4), SECRET)).status).toBe(200);
    const reply = await api.waitForReply(bob.id, { after: before });
    expect(String(reply.payload.text)).toContain("Ethereum");

    rvx.kill("SIGTERM");
    expect(await rvx.exited).toBe(0);
    expect(xpOf(databasePath, bob.id)).toBe(5);
  });

  it("finishes an update in flight on SIGTERM, answering offline when the provider hangs", async () => {
    using dir = tempDir();
    await using api = await startBotApiEmulator();
    await using groq = startFakeAiServer("groq");
    groq.fail("hang");
    const databasePath = join(dir.path, "rvx.db");
    const apiKey = "gsk_test_secret_key_0123456789";
    const rvx = startRvx({
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      DATABASE_PATH: databasePath,
      GROQ_API_KEY: apiKey,
      GROQ_BASE_URL: groq.baseUrl,
      PROVIDER_TIMEOUT_MS: "120000",
      LOG_LEVEL: "info",
    });
    await api.waitFor((c) => c.method === "getUpdates", { timeoutMs: 20_000 });
    const after = api.calls.length;
    api.sendText(alice, "Solana network halted for five hours, validators restart");
    await groq.until(() => groq.inFlight === 1);

    rvx.kill("SIGTERM");
    const reply = await api.waitForReply(alice.id, { after, timeoutMs: 15_000 });
    expect(String(reply.payload.text)).toStartWith("Offline analysis");
    expect(await rvx.exited).toBe(0);
    await groq.until(() => groq.inFlight === 0);
    expect(groq.aborted).toBe(1);
    expect(xpOf(databasePath, alice.id)).toBe(5);

    const { stdout, stderr } = await finished(rvx);
    const logs = stdout + stderr;
    expect(logs).toContain("stopped cleanly");
    // Secrets and message text never reach the logs at info.
    expect(logs).not.toContain(api.token);
    expect(logs).not.toContain(apiKey);
    expect(logs).not.toContain("validators restart");
  });

  it("lets only ADMIN_IDS use /stats, /ban and /broadcast", async () => {
    using dir = tempDir();
    await using api = await startBotApiEmulator();
    const admin = { id: 7, first_name: "Ada", language_code: "en" };
    const rvx = startRvx({
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      DATABASE_PATH: join(dir.path, "rvx.db"),
      ADMIN_IDS: String(admin.id),
      FLOOD_INTERVAL_MS: "0",
    });
    await api.waitFor((c) => c.method === "getUpdates", { timeoutMs: 20_000 });
    const say = async (user: typeof alice, text: string) => {
      const after = api.calls.length;
      api.sendText(user, text);
      return String((await api.waitForReply(user.id, { after })).payload.text);
    };

    expect(await say(bob, "/stats")).toContain("I don't know that command");
    expect(await say(bob, "/ban 7")).toContain("I don't know that command");
    expect(await say(bob, "/broadcast hi")).toContain("I don't know that command");
    await say(alice, "/start");
    // A news, then another channel's repost of it: the second is a near-duplicate cache hit.
    await say(
      admin,
      "Binance will delist three tokens on March 15; withdrawals stay open until June",
    );
    await say(
      admin,
      "⚡️ JUST IN: Binance will delist three tokens on March 15, and withdrawals stay open until June\n\nvia @whale_alerts",
    );
    const stats = await say(admin, "/stats");
    expect(stats).toContain("Users: 3 (active today: 3, banned: 0)");
    expect(stats).toContain("Cache hit rate: 50% (near-duplicates: 50%)");
    expect(stats).toContain("Providers: offline");

    expect(await say(admin, `/ban ${bob.id}`)).toBe(`User ${bob.id} is banned.`);
    expect(await say(bob, "Bitcoin halving")).toBe(
      "Access to the bot is suspended for your account.",
    );
    expect(await say(admin, "/ban 999")).toBe("No user with id 999 has used the bot.");
    expect(await say(admin, `/unban ${bob.id}`)).toBe(`User ${bob.id} is unbanned.`);
    expect(await say(bob, "Bitcoin halving")).toContain("Bitcoin");

    const after = api.calls.length;
    api.sendText(admin, "/broadcast New course: DeFi basics");
    await api.waitForReply(admin.id, { after });
    const confirm = api.sent(admin.id).at(-1);
    const send = JSON.stringify(confirm?.reply_markup).match(/bc:y:\d+/)?.[0];
    if (!confirm || !send) throw new Error("no broadcast confirmation");
    expect(String(confirm.text)).toContain("to 3 users");
    api.pressButton(admin, confirm, send);
    await api.waitFor(
      (c) =>
        c.method === "editMessageText" && String(c.payload.text).startsWith("Broadcast finished"),
      { timeoutMs: 10_000 },
    );
    for (const user of [alice, bob, admin]) {
      expect(api.sent(user.id).some((m) => m.text === "New course: DeFi basics")).toBe(true);
    }
    rvx.kill("SIGTERM");
    expect(await rvx.exited).toBe(0);
  });

  it("backs up while running, refuses to restore under a live instance, restores when stopped", async () => {
    using dir = tempDir();
    await using api = await startBotApiEmulator();
    const env = {
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      DATABASE_PATH: join(dir.path, "rvx.db"),
      BACKUP_DIR: join(dir.path, "backups"),
      FLOOD_INTERVAL_MS: "0",
    };
    const rvx = startRvx(env);
    await api.waitFor((c) => c.method === "getUpdates", { timeoutMs: 20_000 });
    let after = api.calls.length;
    api.sendText(alice, "Bitcoin ETF approved");
    await api.waitForReply(alice.id, { after });

    // A second instance is kept out even through another name for the same database.
    symlinkSync(env.DATABASE_PATH, join(dir.path, "alias.db"));
    const second = await runRvx([], { env: { ...env, DATABASE_PATH: join(dir.path, "alias.db") } });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`rvx: RVX is already running on ${join(dir.path, "alias.db")}`);

    const backup = await runRvx(["backup"], { env });
    expect(backup).toMatchObject({ code: 0 });
    const [file] = readdirSync(env.BACKUP_DIR);
    if (!file) throw new Error("no backup written");
    const path = join(env.BACKUP_DIR, file);

    after = api.calls.length;
    api.sendText(alice, "Ethereum ETF approved");
    await api.waitForReply(alice.id, { after });
    const refused = await runRvx(["restore", path], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("stop it before restoring");

    rvx.kill("SIGTERM");
    expect(await rvx.exited).toBe(0);
    expect(xpOf(env.DATABASE_PATH, alice.id)).toBe(10);
    const restored = await runRvx(["restore", path], { env });
    expect(restored).toMatchObject({ code: 0 });
    expect(xpOf(env.DATABASE_PATH, alice.id)).toBe(5);
  });

  it("uploads each backup to BACKUP_S3_URL, prunes it there and restores from s3://", async () => {
    using dir = tempDir();
    await using s3 = await startS3Server(["rvx-backups"]);
    const env = {
      DATABASE_PATH: join(dir.path, "rvx.db"),
      BACKUP_DIR: join(dir.path, "backups"),
      BACKUP_KEEP: "1",
      BACKUP_S3_URL: "s3://rvx-backups/vps-1",
      BACKUP_S3_ENDPOINT: s3.endpoint,
      BACKUP_S3_ACCESS_KEY_ID: S3RVER_KEYS.accessKeyId,
      BACKUP_S3_SECRET_ACCESS_KEY: S3RVER_KEYS.secretAccessKey,
    };
    const users = () => {
      const db = new Database(env.DATABASE_PATH, { readonly: true });
      try {
        return db.query<{ id: number }, []>("SELECT id FROM users ORDER BY id").all();
      } finally {
        db.close();
      }
    };
    const addUser = (id: number) => {
      const db = openDatabase(env.DATABASE_PATH);
      db.run("INSERT INTO users (id, lang, created_at, last_seen_at) VALUES (?, 'en', 1, 1)", [id]);
      db.close();
    };
    const bucket = s3.client("rvx-backups");
    await bucket.write("vps-1/rvx-20200101T000000Z.db", "an old backup");
    addUser(1);

    const backup = await runRvx(["backup"], { env });
    expect(backup).toMatchObject({ code: 0, stderr: "" });
    const url = /uploaded to (s3:\/\/\S+);/.exec(backup.stdout)?.[1] ?? "";
    expect(url).toStartWith("s3://rvx-backups/vps-1/rvx-");
    expect(backup.stdout).toContain("1 old off-site backup(s) pruned");
    const listed = await bucket.list({ prefix: "vps-1/" });
    expect(listed.contents?.map((o) => `s3://rvx-backups/${o.key}`)).toEqual([url]);

    addUser(2);
    const restored = await runRvx(["restore", url], { env });
    expect(restored).toMatchObject({ code: 0 });
    expect(restored.stdout).toContain(`from ${url}`);
    expect(users()).toEqual([{ id: 1 }]);
    const missing = await runRvx(["restore", "s3://rvx-backups/vps-1/rvx-20200101T000000Z.db"], {
      env,
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toStartWith("rvx: restore failed:");
  });
});

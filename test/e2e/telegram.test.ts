import { afterAll, beforeAll, describe, expect, it } from "bun:test";
import { join } from "node:path";
import { type BotApiEmulator, startBotApiEmulator } from "../support/bot-api-emulator";
import { freePort, startRvx, tempDir } from "../support/process";

const WEBHOOK_SECRET = "e2e-webhook-secret-0123";

/**
 * The whole process (`bun src/main.ts`) against a Bot API emulator over HTTP on loopback,
 * replies through the real Bot API wire format; the same tests for long polling through
 * @grammyjs/runner and for webhook mode, where the emulator POSTs updates like Telegram.
 */
describe.each(["polling", "webhook"] as const)("telegram end to end (%s)", (mode) => {
  const dir = tempDir();
  let api: BotApiEmulator;
  let rvx: ReturnType<typeof startRvx>;
  const alice = { id: 1001, first_name: "Alice", language_code: "en" };

  /** Sends a text as Alice and returns the text of the bot's next message to her. */
  async function say(text: string, user = alice): Promise<string> {
    const after = api.calls.length;
    api.sendText(user, text);
    const call = await api.waitForReply(user.id, { after });
    return String(call.payload.text);
  }

  beforeAll(async () => {
    api = await startBotApiEmulator();
    const port = mode === "webhook" ? await freePort() : 0;
    rvx = startRvx({
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      DATABASE_PATH: join(dir.path, "rvx.db"),
      DEFAULT_LANGUAGE: "ru",
      FLOOD_INTERVAL_MS: "0",
      BOT_MODE: mode,
      ...(mode === "webhook"
        ? {
            WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/hook`,
            WEBHOOK_SECRET,
            WEBHOOK_PORT: String(port),
          }
        : {}),
    });
    const ready = mode === "polling" ? "getUpdates" : "setWebhook";
    await api.waitFor((call) => call.method === ready, { timeoutMs: 20_000 });
  });

  it.if(mode === "webhook")("sets the webhook with its secret", () => {
    expect(api.webhook).toMatchObject({ secret_token: WEBHOOK_SECRET });
    expect(api.calls.some((c) => c.method === "getUpdates")).toBe(false);
  });

  afterAll(async () => {
    rvx.kill("SIGKILL");
    await api.close();
    dir[Symbol.dispose]();
  });

  it("publishes the command menu in both languages", () => {
    const menus = api.calls.filter((c) => c.method === "setMyCommands");
    expect(menus.map((c) => c.payload.language_code)).toEqual([undefined, "ru", "en"]);
  });

  it("greets in the user's Telegram language and offers the language choice", async () => {
    const after = api.calls.length;
    api.sendText(alice, "/start");
    const greeting = await api.waitForReply(alice.id, { after });
    expect(String(greeting.payload.text)).toStartWith("Hi, Alice!");
    const keyboard = await api.waitForReply(alice.id, { after: greeting.index + 1 });
    expect(JSON.stringify(keyboard.payload.reply_markup)).toContain("lang:ru");
  });

  it("explains a news post as escaped HTML with XP and the quota left", async () => {
    const after = api.calls.length;
    api.sendText(alice, "Hackers <drained> $200M & more from a DeFi bridge on Ethereum");
    // The emulator refuses HTML with a raw "<" or "&", so an accepted reply was escaped.
    const call = await api.waitForReply(alice.id, { after });
    expect(call.response?.ok).toBe(true);
    expect(call.payload.parse_mode).toBe("HTML");
    const reply = String(call.payload.text);
    expect(reply).toStartWith("Offline analysis");
    expect(reply).toContain("Ethereum");
    expect(reply).toContain("<i>+5 XP · 49 requests left today</i>");
  });

  it("explains a forwarded post's caption", async () => {
    const after = api.calls.length;
    api.sendUpdate({
      message: {
        chat: { id: alice.id, type: "private", first_name: "Alice" },
        from: { id: alice.id, is_bot: false, first_name: "Alice", language_code: "en" },
        photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }],
        caption: "Binance will list Solana (SOL) futures",
        forward_origin: { type: "hidden_user", sender_user_name: "News", date: 1 },
      },
    });
    const call = await api.waitForReply(alice.id, { after });
    expect(String(call.payload.text)).toContain("Solana");
  });

  it("answers non-text, oversized text and unknown commands helpfully", async () => {
    const after = api.calls.length;
    api.sendUpdate({
      message: {
        chat: { id: alice.id, type: "private", first_name: "Alice" },
        from: { id: alice.id, is_bot: false, first_name: "Alice", language_code: "en" },
        sticker: {
          file_id: "s",
          file_unique_id: "s",
          type: "regular",
          width: 1,
          height: 1,
          is_animated: false,
          is_video: false,
        },
      },
    });
    const sticker = await api.waitForReply(alice.id, { after });
    expect(String(sticker.payload.text)).toContain("I can only read text");
    expect(await say("x".repeat(4001))).toContain("That's too long (4001 characters)");
    expect(await say("/teleport")).toContain("I don't know that command");
  });

  it("answers a forged button politely and changes nothing", async () => {
    const after = api.calls.length;
    api.sendUpdate({
      callback_query: {
        id: "forged-1",
        from: { id: alice.id, is_bot: false, first_name: "Alice", language_code: "en" },
        chat_instance: "x",
        data: "lang:xx",
      },
    });
    const answer = await api.waitFor((c) => c.method === "answerCallbackQuery" && c.index >= after);
    expect(answer.payload.text).toBe("This button is no longer active.");
    expect(await say("/profile")).toContain("Language: English");
  });

  it("switches language with a button", async () => {
    const after = api.calls.length;
    api.sendText(alice, "/language");
    await api.waitForReply(alice.id, { after });
    const message = api.sent(alice.id).at(-1);
    if (!message) throw new Error("no keyboard message");
    const before = api.calls.length;
    api.pressButton(alice, message, "lang:ru");
    const edit = await api.waitFor((c) => c.method === "editMessageText" && c.index >= before);
    expect(edit.payload.text).toBe("Язык: русский.");
    expect(await say("/profile")).toContain("Язык: русский");
  });

  it("erases a user's data after confirmation", async () => {
    const after = api.calls.length;
    api.sendText(alice, "/deletemydata");
    await api.waitForReply(alice.id, { after });
    const confirm = api.sent(alice.id).at(-1);
    const yes = JSON.stringify(confirm?.reply_markup).match(/del:y:[0-9a-f]{8}/)?.[0];
    if (!confirm || !yes) throw new Error("no confirmation buttons");
    const before = api.calls.length;
    api.pressButton(alice, confirm, yes);
    const edit = await api.waitFor((c) => c.method === "editMessageText" && c.index >= before);
    expect(String(edit.payload.text)).toStartWith("Готово");
    expect(await say("/profile")).toContain("Level 1 · 0 XP");
  });

  it("stops cleanly on SIGTERM", async () => {
    rvx.kill("SIGTERM");
    expect(await rvx.exited).toBe(0);
  });
});

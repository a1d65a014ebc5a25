import { describe, expect, it } from "bun:test";
import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, GrammyError, InlineKeyboard, webhookCallback } from "grammy";
import { type BotApiEmulator, postWebhookUpdate, startBotApiEmulator } from "./bot-api-emulator";

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const DATE = NOW / 1000;
const alice = { id: 4242, first_name: "Alice", language_code: "en" };

function botFor(emulator: BotApiEmulator): Bot {
  return new Bot(emulator.token, { client: { apiRoot: emulator.apiRoot } });
}

/** Long-polls until disposed; disposing stops the bot and waits for its loop to end. */
function polling(bot: Bot): AsyncDisposable {
  const loop = bot.start();
  return {
    async [Symbol.asyncDispose]() {
      await bot.stop();
      await loop;
    },
  };
}

/** The rejection of a call the emulator must refuse, as Telegram's error code and text. */
async function refusal(call: Promise<unknown>): Promise<{ code: number; description: string }> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GrammyError)) throw new Error(`expected a GrammyError, got ${error}`);
  return { code: error.error_code, description: error.description };
}

describe("bot api emulator", () => {
  it("answers getMe so a bot initializes", async () => {
    await using emulator = await startBotApiEmulator();
    const bot = botFor(emulator);

    await bot.init();

    expect(bot.botInfo).toEqual(emulator.botInfo);
    expect(emulator.calls.map((call) => call.method)).toEqual(["getMe"]);
  });

  it("delivers a text update through long polling and records the reply", async () => {
    await using emulator = await startBotApiEmulator({ now: () => NOW });
    const bot = botFor(emulator);
    bot.command("start", (ctx) => ctx.reply("<b>Hello</b>, Alice", { parse_mode: "HTML" }));
    await using _polling = polling(bot);

    emulator.sendText(alice, "/start");
    const reply = await emulator.waitForReply(alice.id);

    expect(reply.payload).toEqual({
      chat_id: alice.id,
      text: "<b>Hello</b>, Alice",
      parse_mode: "HTML",
    });
    expect(reply.response).toEqual({
      ok: true,
      result: {
        message_id: 2,
        from: {
          id: bot.botInfo.id,
          is_bot: true,
          first_name: "RVX Test",
          username: "rvx_test_bot",
        },
        chat: { id: alice.id, type: "private", first_name: "Alice" },
        date: DATE,
        text: "Hello, Alice",
      },
    });
    expect(emulator.sent(alice.id)).toEqual([
      {
        chat_id: alice.id,
        message_id: 2,
        text: "<b>Hello</b>, Alice",
        parse_mode: "HTML",
        date: DATE,
      },
    ]);
  });

  it("does not deliver confirmed updates again after a restart", async () => {
    await using emulator = await startBotApiEmulator();
    const seenBy = (seen: string[]) => {
      const bot = botFor(emulator);
      bot.on("message:text", (ctx) => {
        seen.push(ctx.msg.text);
        return ctx.reply(`echo ${ctx.msg.text}`);
      });
      return bot;
    };
    const first: string[] = [];
    const second: string[] = [];

    {
      await using _polling = polling(seenBy(first));
      emulator.sendText(alice, "one");
      await emulator.waitForReply(alice.id);
    }
    expect(emulator.pendingUpdates).toEqual([]);
    const after = emulator.calls.length;
    await using _polling = polling(seenBy(second));
    emulator.sendText(alice, "two");
    await emulator.waitForReply(alice.id, { after });

    expect({ first, second }).toEqual({ first: ["one"], second: ["two"] });
  });

  it("lets auto-retry wait out an injected 429 and deliver the message", async () => {
    await using emulator = await startBotApiEmulator();
    const bot = botFor(emulator);
    bot.api.config.use(autoRetry());
    bot.on("message:text", (ctx) => ctx.reply("pong"));
    await using _polling = polling(bot);
    const flood = {
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    };
    emulator.failNext("sendMessage", flood);

    emulator.sendText(alice, "ping");
    const reply = await emulator.waitForReply(alice.id);

    const attempts = emulator.calls.filter((call) => call.method === "sendMessage");
    expect(attempts.map((call) => call.response)).toEqual([
      { ok: false, ...flood },
      reply.response,
    ]);
    const [rejected, accepted] = attempts;
    expect((accepted?.time ?? 0) - (rejected?.time ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(emulator.sent(alice.id).map((message) => message.text)).toEqual(["pong"]);
  });

  it("rejects HTML with an unescaped <", async () => {
    await using emulator = await startBotApiEmulator();
    const bot = botFor(emulator);

    const rejected = await refusal(bot.api.sendMessage(alice.id, "1 < 2", { parse_mode: "HTML" }));
    const escaped = await bot.api.sendMessage(alice.id, "1 &lt; 2", { parse_mode: "HTML" });

    expect(rejected).toEqual({
      code: 400,
      description: `Bad Request: can't parse entities: Unsupported start tag "" at byte offset 2`,
    });
    expect(escaped.text).toBe("1 < 2");
  });

  it("rejects empty and over-long texts and edits that change nothing", async () => {
    await using emulator = await startBotApiEmulator();
    const bot = botFor(emulator);
    const sent = await bot.api.sendMessage(alice.id, "x".repeat(4096));

    const refusals = await Promise.all([
      refusal(bot.api.sendMessage(alice.id, "")),
      refusal(bot.api.sendMessage(alice.id, "x".repeat(4097))),
      refusal(bot.api.editMessageText(alice.id, sent.message_id, "x".repeat(4096))),
    ]);

    expect(refusals).toEqual([
      { code: 400, description: "Bad Request: message text is empty" },
      { code: 400, description: "Bad Request: message is too long" },
      {
        code: 400,
        description:
          "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      },
    ]);
  });

  it("rejects callback data over 64 bytes", async () => {
    await using emulator = await startBotApiEmulator();
    const bot = botFor(emulator);
    const send = (data: string) =>
      bot.api.sendMessage(alice.id, "Pick one", {
        reply_markup: new InlineKeyboard().text("Go", data),
      });

    const tooLong = await refusal(send("x".repeat(65)));
    // 33 Cyrillic letters are 66 bytes: the limit counts bytes, not characters.
    const tooManyBytes = await refusal(send("я".repeat(33)));
    const fits = await send("x".repeat(64));

    expect([tooLong, tooManyBytes]).toEqual([
      { code: 400, description: "Bad Request: BUTTON_DATA_INVALID" },
      { code: 400, description: "Bad Request: BUTTON_DATA_INVALID" },
    ]);
    expect(fits.reply_markup).toEqual(new InlineKeyboard().text("Go", "x".repeat(64)));
  });

  it("delivers a button press to callback_query:data handlers", async () => {
    await using emulator = await startBotApiEmulator({ now: () => NOW });
    const bot = botFor(emulator);
    const menu = new InlineKeyboard().text("Next page", "page:2");
    bot.command("start", (ctx) => ctx.reply("Page 1", { reply_markup: menu }));
    bot.on("callback_query:data", async (ctx) => {
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(`Page for ${ctx.callbackQuery.data}`);
    });
    await using _polling = polling(bot);

    emulator.sendText(alice, "/start");
    await emulator.waitForReply(alice.id);
    const [shown] = emulator.sent(alice.id);
    if (!shown) throw new Error("the menu was not sent");
    const after = emulator.calls.length;
    emulator.pressButton(alice, shown, "page:2");
    const edit = await emulator.waitForReply(alice.id, { after });

    expect(edit.method).toBe("editMessageText");
    expect(emulator.calls.find((call) => call.method === "answerCallbackQuery")?.response).toEqual({
      ok: true,
      result: true,
    });
    // The edit did not repeat the keyboard, so Telegram removes it.
    expect(emulator.sent(alice.id)).toEqual([
      { chat_id: alice.id, message_id: 2, text: "Page for page:2", date: DATE, edit_date: DATE },
    ]);
  });

  it("delivers a forged press with data the message has no button for, answerable once", async () => {
    await using emulator = await startBotApiEmulator({ now: () => NOW });
    const bot = botFor(emulator);
    bot.command("start", (ctx) =>
      ctx.reply("Page 1", { reply_markup: new InlineKeyboard().text("Next", "page:2") }),
    );
    const seen: string[] = [];
    bot.on("callback_query:data", async (ctx) => {
      seen.push(ctx.callbackQuery.data);
      await ctx.answerCallbackQuery({ text: "No such page" });
    });
    await using _polling = polling(bot);

    emulator.sendText(alice, "/start");
    await emulator.waitForReply(alice.id);
    const [shown] = emulator.sent(alice.id);
    if (!shown) throw new Error("the menu was not sent");
    expect(() => emulator.pressButton(alice, shown, "page:9")).toThrow("has no button");
    const press = emulator.forgeButtonPress(alice, shown, "page:9");
    const answer = await emulator.waitFor((call) => call.method === "answerCallbackQuery");

    expect(seen).toEqual(["page:9"]);
    expect(press.callback_query?.message?.message_id).toBe(shown.message_id);
    expect(answer.payload.callback_query_id).toBe(press.callback_query?.id);
    expect(answer.response).toEqual({ ok: true, result: true });
  });

  it("ends a waiting getUpdates with no updates when it closes", async () => {
    await using emulator = await startBotApiEmulator();
    const bot = botFor(emulator);

    const poll = bot.api.getUpdates({ timeout: 30 });
    await emulator.waitFor((call) => call.method === "getUpdates");
    await emulator.close();

    expect(await poll).toEqual([]);
  }, 5000);

  it("answers a wrong token with 401 and an unknown method with 404", async () => {
    await using emulator = await startBotApiEmulator();
    const call = async (path: string) => (await fetch(`${emulator.apiRoot}${path}`)).json();

    const answers = await Promise.all([
      call("/bot123:wrong/getMe"),
      call(`/bot${emulator.token}/sendTelepathy`),
    ]);

    expect(answers).toEqual([
      { ok: false, error_code: 401, description: "Unauthorized" },
      { ok: false, error_code: 404, description: "Not Found: method not found" },
    ]);
  });

  it("records a webhook and posts updates to it with the secret token", async () => {
    await using emulator = await startBotApiEmulator();
    const bot = botFor(emulator);
    bot.on("message:text", (ctx) => ctx.reply(`got ${ctx.msg.text}`));
    await bot.init();
    const secret = "s3cret-token";
    using webhook = Bun.serve({
      hostname: "127.0.0.1",
      port: 0,
      fetch: webhookCallback(bot, "bun", { secretToken: secret }),
    });
    const url = `http://127.0.0.1:${webhook.port}/`;
    await bot.api.setWebhook(url, { secret_token: secret });
    const update = emulator.sendText(alice, "hi");

    const refused = await postWebhookUpdate(url, update, "wrong");
    const accepted = await postWebhookUpdate(url, update, secret);
    const reply = await emulator.waitForReply(alice.id);

    expect(emulator.webhook).toEqual({ url, secret_token: secret });
    expect([refused.status, accepted.status]).toEqual([401, 200]);
    expect(reply.payload.text).toBe("got hi");
  });
});

import { describe, expect, it } from "bun:test";
import { Bot, GrammyError, InputFile } from "grammy";
import { startBotApiEmulator } from "../bot-api-emulator";

const alice = { id: 4242, first_name: "Alice", language_code: "en" };

describe("bot api emulator: files and drafts", () => {
  it("serves a user's photo through getFile and the file download path", async () => {
    await using emulator = await startBotApiEmulator();
    const bot = new Bot(emulator.token, { client: { apiRoot: emulator.apiRoot } });
    const image = new Uint8Array(4096).map((_, i) => i % 251);
    const update = emulator.sendPhoto(alice, image, "what is this?");
    const sizes = update.message?.photo ?? [];
    const largest = sizes.at(-1);
    if (!largest) throw new Error("no photo sizes");

    const file = await bot.api.getFile(largest.file_id);
    const downloaded = await fetch(
      `${emulator.apiRoot}/file/bot${emulator.token}/${file.file_path}`,
    );

    expect({
      caption: update.message?.caption,
      sizes: sizes.length,
      fileSize: file.file_size,
    }).toEqual({
      caption: "what is this?",
      sizes: 2,
      fileSize: 4096,
    });
    expect(new Uint8Array(await downloaded.arrayBuffer())).toEqual(image);
    expect(emulator.fileDownloads).toBe(1);
    expect((await fetch(`${emulator.apiRoot}/file/botWRONG/${file.file_path}`)).status).toBe(404);
  });

  it("refuses an unknown file id", async () => {
    await using emulator = await startBotApiEmulator();
    const bot = new Bot(emulator.token, { client: { apiRoot: emulator.apiRoot } });
    const error = await bot.api.getFile("nope").catch((e: unknown) => e);
    expect(error instanceof GrammyError && error.description).toBe("Bad Request: invalid file_id");
  });

  it("records drafts to a private chat and refuses a zero draft id", async () => {
    await using emulator = await startBotApiEmulator();
    const bot = new Bot(emulator.token, { client: { apiRoot: emulator.apiRoot } });
    emulator.sendText(alice, "hi");
    await bot.api.sendMessageDraft(alice.id, 7, "Bitcoin is");
    await bot.api.sendMessageDraft(alice.id, 7, "Bitcoin is <b>money</b>", { parse_mode: "HTML" });
    const error = await bot.api.sendMessageDraft(alice.id, 0, "x").catch((e: unknown) => e);

    expect(emulator.drafts(alice.id)).toEqual([
      { chat_id: alice.id, draft_id: 7, text: "Bitcoin is" },
      { chat_id: alice.id, draft_id: 7, text: "Bitcoin is <b>money</b>", parse_mode: "HTML" },
    ]);
    expect(error instanceof GrammyError && error.description).toBe(
      "Bad Request: draft_id must be non-zero",
    );
  });

  it("takes a PNG the bot uploads with sendPhoto, with its size and caption", async () => {
    await using emulator = await startBotApiEmulator();
    const bot = new Bot(emulator.token, { client: { apiRoot: emulator.apiRoot } });
    emulator.sendText(alice, "hi");
    const png = new Uint8Array(64);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    new DataView(png.buffer).setUint32(16, 800);
    new DataView(png.buffer).setUint32(20, 420);
    const message = await bot.api.sendPhoto(alice.id, new InputFile(png, "week.png"), {
      caption: "Your week",
    });
    const [sent] = emulator.sent(alice.id);

    expect({
      caption: message.caption,
      largest: message.photo.at(-1)?.width,
      height: message.photo.at(-1)?.height,
    }).toEqual({ caption: "Your week", largest: 800, height: 420 });
    expect(sent?.photo?.bytes).toEqual(png);
    // The same photo again by its file_id, as Telegram allows.
    const again = await bot.api.sendPhoto(alice.id, message.photo.at(-1)?.file_id ?? "");
    expect(again.photo.at(-1)?.width).toBe(800);
  });

  it("refuses bytes that are not an image", async () => {
    await using emulator = await startBotApiEmulator();
    const bot = new Bot(emulator.token, { client: { apiRoot: emulator.apiRoot } });
    const error = await bot.api
      .sendPhoto(alice.id, new InputFile(new TextEncoder().encode("not a picture"), "x.png"))
      .catch((e: unknown) => e);
    expect(error instanceof GrammyError && error.description).toBe(
      "Bad Request: IMAGE_PROCESS_FAILED",
    );
  });
});

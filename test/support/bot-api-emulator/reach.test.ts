import { describe, expect, it } from "bun:test";
import { Bot, GrammyError } from "grammy";
import { startBotApiEmulator } from "../bot-api-emulator";

const alice = { id: 4242, first_name: "Alice", language_code: "en" };
const group = { id: -1001234, title: "Chat" };

describe("bot api emulator: groups and inline mode", () => {
  it("delivers group messages with command and mention entities", async () => {
    await using emulator = await startBotApiEmulator();
    const update = emulator.sendGroupText(alice, group, "/explain@rvx_test_bot hi @rvx_test_bot");
    expect(update.message?.chat).toEqual({ id: group.id, type: "supergroup", title: "Chat" });
    expect(update.message?.entities).toEqual([
      { type: "bot_command", offset: 0, length: 21 },
      { type: "mention", offset: 25, length: 13 },
    ]);
    const bot = new Bot(emulator.token, { client: { apiRoot: emulator.apiRoot } });
    await bot.api.sendMessage(group.id, "hello group");
    expect(emulator.sent(group.id).map((m) => m.text)).toEqual(["hello group"]);
  });

  it("answers getChatMember with the status a test set, else member", async () => {
    await using emulator = await startBotApiEmulator();
    const bot = new Bot(emulator.token, { client: { apiRoot: emulator.apiRoot } });
    emulator.sendGroupText(alice, group, "hi");
    expect((await bot.api.getChatMember(group.id, alice.id)).status).toBe("member");
    emulator.setMemberStatus(group.id, alice.id, "administrator");
    expect((await bot.api.getChatMember(group.id, alice.id)).status).toBe("administrator");
  });

  it("queues my_chat_member when the bot is added or removed", async () => {
    await using emulator = await startBotApiEmulator();
    const update = emulator.changeBotMembership(alice, group, "member", "kicked");
    expect(update.my_chat_member?.new_chat_member.status).toBe("kicked");
    expect(update.my_chat_member?.old_chat_member.user.id).toBe(emulator.botInfo.id);
    expect(update.my_chat_member?.from.id).toBe(alice.id);
  });

  it("takes one answer per inline query and checks result ids", async () => {
    await using emulator = await startBotApiEmulator();
    const bot = new Bot(emulator.token, { client: { apiRoot: emulator.apiRoot } });
    const id = emulator.sendInlineQuery(alice, "news").inline_query?.id ?? "";
    const article = {
      type: "article" as const,
      id: "n:1",
      title: "t",
      input_message_content: { message_text: "<b>x</b>", parse_mode: "HTML" as const },
    };
    const tooLong = { ...article, id: "x".repeat(65) };
    const refused = await bot.api.answerInlineQuery(id, [tooLong]).catch((e: unknown) => e);
    expect(refused instanceof GrammyError && refused.description).toContain("RESULT_ID_INVALID");
    await bot.api.answerInlineQuery(id, [article], { is_personal: true, cache_time: 5 });
    expect(emulator.inlineAnswer(id)).toEqual({
      inline_query_id: id,
      results: [article],
      cache_time: 5,
      is_personal: true,
    });
    const twice = await bot.api.answerInlineQuery(id, [article]).catch((e: unknown) => e);
    expect(twice instanceof GrammyError && twice.description).toContain("query is too old");
    const chosen = emulator.chooseInlineResult(alice, "n:1", "news").chosen_inline_result;
    expect(chosen).toEqual({
      result_id: "n:1",
      from: expect.objectContaining({ id: 4242 }),
      query: "news",
    });
  });

  it("drops updates of kinds the bot did not ask for in allowed_updates", async () => {
    await using emulator = await startBotApiEmulator();
    const bot = new Bot(emulator.token, { client: { apiRoot: emulator.apiRoot } });
    await bot.api.getUpdates({ allowed_updates: ["message"], timeout: 0 });
    emulator.sendInlineQuery(alice, "dropped");
    emulator.sendGroupText(alice, group, "kept");
    expect(emulator.pendingUpdates.map((u) => u.message?.text)).toEqual(["kept"]);
    await bot.api.getUpdates({ allowed_updates: [], timeout: 0 });
    emulator.sendInlineQuery(alice, "kept too");
    expect(emulator.pendingUpdates).toHaveLength(2);
  });
});

import { describe, expect, it } from "bun:test";
import { Api } from "grammy";
import { startBotApiEmulator } from "../../test/support/bot-api-emulator";
import { until } from "../../test/support/until";
import { ManualClock } from "../clock";
import { silentLogger } from "../logger";
import { streamDrafts } from "./answer-drafts";
import type { BotContext } from "./context";

const alice = { id: 9101, first_name: "Alice", language_code: "en" };

/** The parts of a context the drafts use, over a real grammY Api talking to the emulator. */
function contextFor(api: Api, chatId: number): BotContext {
  return {
    chat: { id: chatId, type: "private" },
    api,
    log: silentLogger(),
  } as unknown as BotContext;
}

describe("streamDrafts", () => {
  it("sends the first draft at once, then at most one per interval with the newest text", async () => {
    await using emulator = await startBotApiEmulator();
    emulator.sendText(alice, "hi");
    const clock = new ManualClock();
    const api = new Api(emulator.token, { apiRoot: emulator.apiRoot });
    const drafts = streamDrafts(contextFor(api, alice.id), clock, {
      maxChars: 400,
      draftId: 5,
      intervalMs: 400,
    });
    const texts = () => emulator.drafts(alice.id).map((d) => d.text);

    drafts.onDelta("Bitcoin ");
    await until(() => texts().length === 1);
    clock.advance(100);
    drafts.onDelta("Bitcoin is ");
    clock.advance(100);
    drafts.onDelta("Bitcoin is <b>money</b> ");
    expect(texts()).toEqual(["Bitcoin"]);
    clock.advance(200);
    await until(() => texts().length === 2);
    drafts.onDelta("Bitcoin is <b>money</b> and more ");
    await drafts.close();
    clock.advance(1000);

    // The drafter reduces markup to text, as the final answer is.
    expect(texts()).toEqual(["Bitcoin", "Bitcoin is money"]);
    expect(emulator.drafts(alice.id).every((d) => d.draft_id === 5)).toBe(true);
  });

  it("stops after the first refusal and never fails its caller", async () => {
    await using emulator = await startBotApiEmulator();
    emulator.sendText(alice, "hi");
    emulator.failNext("sendMessageDraft", {
      error_code: 400,
      description: "Bad Request: method not found",
    });
    const clock = new ManualClock();
    const api = new Api(emulator.token, { apiRoot: emulator.apiRoot });
    const drafts = streamDrafts(contextFor(api, alice.id), clock, { maxChars: 400, draftId: 5 });
    const calls = () => emulator.calls.filter((c) => c.method === "sendMessageDraft").length;

    drafts.onDelta("Bitcoin ");
    await until(() => calls() === 1);
    await drafts.close();
    drafts.onDelta("Bitcoin is money ");
    clock.advance(5000);

    expect(calls()).toBe(1);
    expect(emulator.drafts(alice.id)).toEqual([]);
  });
});

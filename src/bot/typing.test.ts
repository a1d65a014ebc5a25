import { describe, expect, it } from "bun:test";
import { ManualClock } from "../clock";
import { silentLogger } from "../logger";
import type { BotContext } from "./context";
import { TYPING_AFTER_MS, typingWhileSlow } from "./typing";

function chat() {
  const actions: string[] = [];
  const ctx = {
    log: silentLogger(),
    replyWithChatAction: async (action: string) => {
      actions.push(action);
      return true;
    },
  } as unknown as BotContext;
  return { ctx, actions };
}

describe("typingWhileSlow", () => {
  it("shows nothing for an answer ready in time, and leaves no timer behind", async () => {
    const clock = new ManualClock();
    const { ctx, actions } = chat();
    expect(await typingWhileSlow(ctx, clock, async () => "cached")).toBe("cached");
    clock.advance(TYPING_AFTER_MS * 10);
    expect(actions).toEqual([]);
    expect(clock.pendingTimers).toBe(0);
  });

  it("shows typing once an answer takes longer than 300 ms", async () => {
    const clock = new ManualClock();
    const { ctx, actions } = chat();
    const answer = Promise.withResolvers<string>();
    const pending = typingWhileSlow(ctx, clock, () => answer.promise);
    clock.advance(TYPING_AFTER_MS - 1);
    expect(actions).toEqual([]);
    clock.advance(1);
    expect(actions).toEqual(["typing"]);
    answer.resolve("slow");
    expect(await pending).toBe("slow");
  });
});

import { describe, expect, it } from "bun:test";
import type { ThreadRow } from "../../db/thread-reads";
import { freshLearner } from "../../learning/learner";
import { classifyIntent } from "../intent";
import { type MessageInput, routeMessage } from "./route";

const HOUR = 3_600_000;
const now = 100 * HOUR;
const thread: ThreadRow = {
  chatId: 1,
  rootId: 10,
  userId: 1,
  news: "SEC approves spot Bitcoin ETFs",
  terms: ["spot-etf"],
  updatedAt: now - HOUR,
  turns: [],
};
const ctx = {
  now,
  threadTtlMs: 24 * HOUR,
  findThread: (chatId: number, messageId: number) =>
    chatId === 1 && (messageId === 10 || messageId === 11) ? thread : undefined,
};
const route = (input: MessageInput, state = freshLearner(1, "en")) =>
  routeMessage(state, input, classifyIntent(input.text), ctx);
const reply = (messageId: number, askable = true) => ({ messageId, fromBot: true, askable });

describe("routeMessage", () => {
  it("reads a link the bot layer read, unless its words are a scam; a picture goes to its reader", () => {
    const link = { kind: "address", canonical: "https://x.example/a", news: "" } as const;
    const image = { bytes: new Uint8Array([1]), mimeType: "image/jpeg" } as const;

    expect(route({ text: "https://x.example/a", chatId: 1, link })).toEqual({
      go: "link",
      reading: link,
    });
    expect(
      route({
        text: "Free ETH airdrop, connect your wallet: https://x.example/a",
        chatId: 1,
        link,
      }),
    ).toMatchObject({ go: "scam" });
    expect(route({ text: "", chatId: 1, image })).toEqual({ go: "image", image });
  });

  it("routes by intent when the message continues no thread", () => {
    expect(route({ text: "SEC approves spot Bitcoin ETFs", chatId: 1 })).toEqual({ go: "news" });
    expect(route({ text: "What is staking?", chatId: 1 })).toEqual({ go: "question" });
    expect(route({ text: "thanks!", chatId: 1 })).toEqual({ go: "static", kind: "smalltalk" });
    expect(route({ text: "https://example.com/x", chatId: 1 })).toEqual({
      go: "static",
      kind: "link",
    });
    expect(route({ text: "Weather in Paris: sunny, 12°C", chatId: 1 })).toEqual({
      go: "static",
      kind: "offtopic",
    });
    expect(route({ text: "what is the weather today?", chatId: 1 })).toEqual({
      go: "question",
      probe: true,
    });
  });

  it("makes anything but small talk, links and scams in a thread a follow-up question", () => {
    expect(route({ text: "and for ethereum?", chatId: 1, replyTo: reply(11) })).toEqual({
      go: "question",
      thread,
    });
    expect(route({ text: "ok thanks", chatId: 1, replyTo: reply(11) })).toEqual({
      go: "static",
      kind: "smalltalk",
    });
    const scam = route({ text: "send 1 ETH and get 2 ETH back", chatId: 1, replyTo: reply(11) });
    expect(scam.go).toBe("scam");
  });

  it("refuses bad input before anything else", () => {
    const refused = (input: MessageInput, state = freshLearner(1, "en")) => {
      const r = route(input, state);
      return r.go === "refuse" ? r.reply.reason : r.go;
    };
    expect(refused({ text: " \u200b ", chatId: 1 })).toBe("empty");
    expect(refused({ text: "a".repeat(4001), chatId: 1 })).toBe("too_long");
    expect(refused({ text: "hi", chatId: 1, replyTo: { ...reply(3), fromBot: false } })).toBe(
      "not_ours",
    );
    // An answer (it had the Ask button) whose thread is gone; a reply to /profile is new.
    expect(refused({ text: "what is spot?", chatId: 1, replyTo: reply(99) })).toBe("thread_gone");
    expect(refused({ text: "what is spot?", chatId: 1, replyTo: reply(99, false) })).toBe(
      "question",
    );
    expect(refused({ text: "hi", chatId: 1 }, { ...freshLearner(1, "en"), banned: true })).toBe(
      "banned",
    );
    const late = { ...ctx, now: now + 24 * HOUR };
    const expired = routeMessage(
      freshLearner(1, "en"),
      { text: "what is spot?", chatId: 1, replyTo: reply(10) },
      classifyIntent("what is spot?"),
      late,
    );
    expect(expired).toEqual({ go: "refuse", reply: { ok: false, reason: "thread_gone" } });
  });

  it("takes the message after 'Ask about this' into the thread, and refuses another user's", () => {
    const asking = { ...freshLearner(1, "en"), asking: { chatId: 1, rootId: 10 } };
    expect(route({ text: "why?", chatId: 1 }, asking)).toEqual({ go: "question", thread });
    const post =
      "Binance lists Solana futures with 50x leverage.\nTrading starts on Monday at 10:00 UTC.";
    expect(route({ text: post, chatId: 1 }, asking)).toEqual({ go: "news" });
    const other = freshLearner(2, "en");
    const r = route({ text: "why?", chatId: 1, replyTo: reply(10) }, other);
    expect(r).toEqual({ go: "refuse", reply: { ok: false, reason: "thread_gone" } });
  });
});

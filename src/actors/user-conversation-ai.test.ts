import { afterEach, describe, expect, it } from "bun:test";
import { testConfig } from "../../test/support/runtime";
import type { AnswerChain } from "../analyzers/chain";
import type { ExplainRequest } from "../analyzers/provider";
import { ManualClock, systemClock } from "../clock";
import { openDatabase } from "../db/open";
import { XP } from "../learning/levels";
import { silentLogger } from "../logger";
import { createMetrics } from "../metrics";
import { type Runtime, startRuntime } from "../runtime";
import type { Ack, MessageReply, UserMsg } from "./user";

const NEWS = "SEC approves spot Bitcoin ETF applications from BlackRock and Fidelity";

/** A chain whose AI providers answer from a script and record every request. */
function scriptedAi(answer: (request: ExplainRequest) => string | undefined) {
  const requests: ExplainRequest[] = [];
  const chain: AnswerChain = {
    async explain(request) {
      requests.push(request);
      return { text: answer(request) ?? "offline text", provider: "groq" };
    },
    async tutor(request) {
      requests.push(request);
      const text = answer(request);
      return text === undefined ? undefined : { text, provider: "groq" };
    },
  };
  return { chain, requests };
}

const running: Runtime[] = [];
afterEach(async () => {
  for (const runtime of running.splice(0)) await runtime.stop().catch(() => {});
});

function setup(answer: (request: ExplainRequest) => string | undefined, dailyLimit = 50) {
  const config = testConfig({
    DB_FLUSH_MS: "0",
    FLOOD_INTERVAL_MS: "0",
    DAILY_LIMIT: String(dailyLimit),
    DEFAULT_LANGUAGE: "en",
  });
  const ai = scriptedAi(answer);
  const runtime = startRuntime({
    config,
    db: openDatabase(config.databasePath),
    clock: new ManualClock(),
    logger: silentLogger(),
    metrics: createMetrics(),
    chain: ai.chain,
    flushClock: systemClock,
  });
  running.push(runtime);
  const say = (text: string, replyTo?: number, onDelta?: (textSoFar: string) => void) =>
    runtime.users.ask<MessageReply>(
      1,
      (r): UserMsg => ({
        type: "message",
        input: {
          text,
          chatId: 1,
          ...(replyTo ? { replyTo: { messageId: replyTo, fromBot: true, askable: true } } : {}),
          ...(onDelta ? { onDelta } : {}),
        },
        replyTo: r,
      }),
      5000,
    );
  const deliver = (messageId: number, reply: MessageReply) => {
    if (!reply.ok || (reply.kind !== "explained" && reply.kind !== "answered")) {
      throw new Error("nothing to deliver");
    }
    const seed = reply.thread;
    return runtime.users.ask<Ack>(
      1,
      (r): UserMsg => ({ type: "delivered", chatId: 1, messageId, seed, replyTo: r }),
      5000,
    );
  };
  return { runtime, requests: ai.requests, say, deliver };
}

describe("conversation with an AI provider", () => {
  it("asks the tutor with the thread's news, earlier answers and the new question", async () => {
    const s = setup((r) => (r.tutor ? `tutor says: ${r.text}` : "The SEC allowed spot funds."));
    const explained = await s.say(NEWS);
    await s.deliver(10, explained);
    const first = await s.say("what does spot mean?", 10);
    expect(first).toMatchObject({ kind: "answered", by: "ai", xpAwarded: XP.answer, spent: true });
    await s.deliver(11, first);
    await s.say("and custody?", 11);
    const last = s.requests.at(-1);
    expect(last?.text).toBe("and custody?");
    expect(last?.tutor).toEqual({
      news: NEWS,
      turns: [
        { question: "", answer: "The SEC allowed spot funds." },
        { question: "what does spot mean?", answer: "tutor says: what does spot mean?" },
      ],
    });
  });

  it("answers a question on its own with the tutor, without news", async () => {
    const s = setup((r) => (r.tutor ? "Staking locks coins to help run the network." : "x"));
    const reply = await s.say("What is staking?");
    expect(reply).toMatchObject({ kind: "answered", by: "ai", remaining: 49 });
    expect(s.requests[0]?.tutor).toEqual({ turns: [] });
  });

  it("falls back to the glossary, spending nothing, when no provider answers or the quota is used", async () => {
    const s = setup((r) => (r.tutor ? undefined : "The SEC allowed spot funds."), 1);
    expect(await s.say("What is staking?")).toMatchObject({ by: "glossary", spent: false });
    expect(await s.say(NEWS)).toMatchObject({ kind: "explained", remaining: 0 });
    const requests = s.requests.length;
    // The quota is used: the tutor is not even asked.
    expect(await s.say("what is custody?")).toMatchObject({ by: "glossary", spent: false });
    expect(s.requests.length).toBe(requests);
  });

  it("streams news and questions to the provider, but never an answer it already has", async () => {
    const s = setup((r) => {
      r.onDelta?.("Streamed ");
      return r.tutor ? "Staking locks coins." : "The SEC allowed spot funds.";
    });
    const shown: string[] = [];
    const show = (text: string) => shown.push(text);

    await s.say(NEWS, undefined, show);
    await s.say("What is staking?", undefined, show);
    await s.say(NEWS, undefined, show);

    expect(shown).toEqual(["Streamed ", "Streamed "]);
    expect(s.requests.length).toBe(2);
  });

  it("puts RVX's warning first and spends a request for the provider's explanation", async () => {
    const s = setup(() => "This message promises to double your coins.");
    const reply = await s.say("Send 1 ETH to our address and get 2 ETH back!");
    expect(reply).toMatchObject({
      kind: "scam",
      text: "This message promises to double your coins.",
      remaining: 49,
    });
  });
});

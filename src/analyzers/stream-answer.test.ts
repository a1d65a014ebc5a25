import { describe, expect, it } from "bun:test";
import { AT_ONCE, adapterFor, TEST_KEY, tokenGate } from "../../test/support/ai-providers";
import {
  type FakeAiKind,
  type RecordedRequest,
  startFakeAiServer,
} from "../../test/support/fake-ai-servers";
import { tokensOf } from "../../test/support/fake-ai-streams";
import { until } from "../../test/support/until";
import { createMetrics } from "../metrics";
import { createAiProvider } from "./ai-providers";
import { answerPolicy } from "./answer-shaper";
import { ProviderError } from "./provider";
import { readStream } from "./stream-answer";

const NEWS = "The SEC approved spot Ether ETFs on Thursday.";
const POLICY = answerPolicy({ maxChars: 90, now: () => Date.UTC(2026, 10, 30, 9) });

/** Markdown, a link and more sentences than fit in 90 characters: shaping has work to do. */
const REPLY =
  "**Bitcoin** rose today. See https://example.com/etf for details. The ETF news brought new buyers in. Analysts did not expect it so soon.";
const SHAPED = "Bitcoin rose today. See for details. The ETF news brought new buyers in.";

/** Every text-so-far the reply's tokens add up to, in order. */
const prefixesOf = (text: string) =>
  tokensOf(text).map((_, i, all) => all.slice(0, i + 1).join(""));

/** A fake that streams at once unless a test sets its own pacing. */
function fake(kind: FakeAiKind) {
  const server = startFakeAiServer(kind);
  server.setStreaming(AT_ONCE);
  return server;
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const outcome = await promise.then(
    () => new Error("expected the call to fail"),
    (error: unknown) => error,
  );
  if (!(outcome instanceof ProviderError)) throw outcome;
  return outcome;
}

/** Whether the request asked for a stream, in its wire format. */
function streamed(request: RecordedRequest | undefined): boolean {
  if (request?.path.endsWith(":streamGenerateContent")) return true;
  return (request?.body as { stream?: boolean } | undefined)?.stream === true;
}

for (const kind of ["groq", "mistral", "gemini"] as const) {
  describe(`${kind} provider, streamed`, () => {
    it("passes the text so far in order and resolves with the answer shaped as unstreamed", async () => {
      await using server = fake(kind);
      server.setReply(REPLY);
      const provider = adapterFor(kind, server.baseUrl, { answer: POLICY });
      const deltas: string[] = [];

      const final = await provider.explain({
        text: NEWS,
        lang: "en",
        onDelta: (text) => deltas.push(text),
      });
      const plain = await provider.explain({ text: NEWS, lang: "en" });

      expect(deltas).toEqual(prefixesOf(REPLY));
      expect(final).toEqual({ text: SHAPED });
      expect(plain).toEqual(final);
      expect(server.requests.map(streamed)).toEqual([true, false]);
    });

    it("shows text before the answer is finished", async () => {
      await using server = fake(kind);
      server.setReply(REPLY);
      const { gate, release } = tokenGate();
      server.setStreaming({ gate });
      const deltas: string[] = [];
      let settled = false;

      release(2);
      const pending = adapterFor(kind, server.baseUrl, { answer: POLICY })
        .explain({ text: NEWS, lang: "en", onDelta: (text) => deltas.push(text) })
        .finally(() => {
          settled = true;
        });
      await until(() => deltas.length === 2, "two deltas");
      const midway = { deltas: [...deltas], settled };
      release(tokensOf(REPLY).length);

      expect(midway).toEqual({ deltas: ["**Bitcoin** ", "**Bitcoin** rose "], settled: false });
      expect(await pending).toEqual({ text: SHAPED });
    });

    it("trims a stream stopped by the token limit to whole sentences", async () => {
      await using server = fake(kind);
      server.setReply("Bitcoin rose today. The ETF news brought new", { cutOff: true });

      const answer = await adapterFor(kind, server.baseUrl, { answer: POLICY }).explain({
        text: NEWS,
        lang: "en",
        onDelta: () => {},
      });

      expect(answer).toEqual({ text: "Bitcoin rose today." });
    });

    it("fails a stream cut mid-answer as network and never resolves with the half", async () => {
      await using server = fake(kind);
      server.setReply(REPLY);
      const { gate, release } = tokenGate();
      server.setStreaming({ gate, cutAfterTokens: 4 });
      const deltas: string[] = [];

      release(3);
      const pending = failure(
        adapterFor(kind, server.baseUrl).explain({
          text: NEWS,
          lang: "en",
          onDelta: (text) => deltas.push(text),
        }),
      );
      // Three tokens are read before the fourth goes out and the connection drops after it.
      await until(() => deltas.length === 3, "three deltas");
      release();
      const error = await pending;

      expect({ provider: error.provider, kind: error.kind }).toEqual({
        provider: kind,
        kind: "network",
      });
      expect(deltas).toEqual(prefixesOf(REPLY).slice(0, deltas.length));
      expect(deltas.length === 3 || deltas.length === 4).toBe(true);
    });

    it("fails a stream that ends cleanly without a finish reason as network", async () => {
      await using server = fake(kind);
      server.setReply(REPLY);
      server.setStreaming({ cutAfterTokens: 4, cutQuietly: true });
      const deltas: string[] = [];

      const error = await failure(
        adapterFor(kind, server.baseUrl).explain({
          text: NEWS,
          lang: "en",
          onDelta: (text) => deltas.push(text),
        }),
      );

      expect(error.kind).toBe("network");
      expect(error.message).toContain("without a finish reason");
      expect(deltas).toEqual(prefixesOf(REPLY).slice(0, 4));
    });

    it("stops reading and reports timeout when the signal aborts mid-stream", async () => {
      await using server = fake(kind);
      server.setReply(REPLY);
      const { gate, release } = tokenGate();
      server.setStreaming({ gate });
      const controller = new AbortController();
      const deltas: string[] = [];

      release(2);
      const pending = failure(
        adapterFor(kind, server.baseUrl).explain({
          text: NEWS,
          lang: "en",
          signal: controller.signal,
          onDelta: (text) => deltas.push(text),
        }),
      );
      await until(() => deltas.length === 2, "two deltas");
      controller.abort();
      const error = await pending;
      release(tokensOf(REPLY).length);

      expect(error.kind).toBe("timeout");
      expect(deltas).toEqual(prefixesOf(REPLY).slice(0, 2));
    });

    it("checks the language of the streamed answer", async () => {
      await using server = fake(kind);
      server.setReply("The exchange halted withdrawals.");

      const error = await failure(
        adapterFor(kind, server.baseUrl).explain({ text: NEWS, lang: "ru", onDelta: () => {} }),
      );

      expect(error.kind).toBe("wrong_language");
    });

    it("reports the time to the first token on the injected clock", async () => {
      await using server = fake(kind);
      server.setReply(REPLY);
      let now = Date.UTC(2026, 10, 30, 9);
      // The first token comes 400 ms (of the test's clock) after the call; the rest wait until
      // the client has read it, so the server cannot run ahead of the clock the client reads.
      const { gate, release } = tokenGate();
      server.setStreaming({
        gate: (index) => {
          if (index === 0) now += 400;
          return gate(index);
        },
      });
      const firstTokens: number[] = [];

      release();
      const pending = adapterFor(kind, server.baseUrl, {
        answer: { now: () => now },
        onFirstToken: (seconds) => firstTokens.push(seconds),
      }).explain({ text: NEWS, lang: "en", onDelta: () => {} });
      await until(() => firstTokens.length > 0, "first token");
      release(tokensOf(REPLY).length);
      await pending;

      expect(firstTokens).toEqual([0.4]);
    });

    it("reads a long streamed answer whose chunks together pass 256 KB", async () => {
      await using server = fake(kind);
      // ~1,400 one-word chunks of SSE: over 256 KB on the wire, within ANSWER_MAX_CHARS=4000.
      const sentence = "Miners sold some coins to pay for power and new machines. ";
      server.setReply(sentence.repeat(130));

      const answer = await adapterFor(kind, server.baseUrl, {
        answer: { maxChars: 4000 },
      }).explain({ text: NEWS, lang: "en", onDelta: () => {} });

      expect(answer.text.length).toBeGreaterThan(3900);
    });

    it("keeps answering when the display throws", async () => {
      await using server = fake(kind);
      server.setReply(REPLY);

      const answer = await adapterFor(kind, server.baseUrl, { answer: POLICY }).explain({
        text: NEWS,
        lang: "en",
        onDelta: () => {
          throw new Error("draft refused");
        },
      });

      expect(answer).toEqual({ text: SHAPED });
    });
  });
}

describe("rvx_first_token_seconds", () => {
  it("is observed per provider by createAiProvider's adapters, and not for unstreamed calls", async () => {
    await using server = fake("gemini");
    server.setReply(REPLY);
    let now = Date.UTC(2026, 10, 30, 9);
    // The whole stream comes 250 ms (of the test's clock) after the call.
    server.setStreaming({
      gate: async (index) => {
        if (index === 0) now += 250;
      },
    });
    const metrics = createMetrics();
    const provider = createAiProvider(
      { name: "gemini", apiKey: TEST_KEY, baseUrl: server.baseUrl, model: "gemini-2.5-flash" },
      60_000,
      { now: () => now },
      metrics,
    );

    await provider.explain({ text: NEWS, lang: "en", onDelta: () => {} });
    await provider.explain({ text: NEWS, lang: "en" });

    const { values } = await metrics.firstTokenSeconds.get();
    const of = (name: string) =>
      values.find((v) => v.metricName === name && v.labels.provider === "gemini")?.value;
    expect({
      count: of("rvx_first_token_seconds_count"),
      sum: of("rvx_first_token_seconds_sum"),
    }).toEqual({ count: 1, sum: 0.25 });
  });
});

describe("readStream", () => {
  async function* pieces(...list: { text: string; finish?: string }[]) {
    yield* list;
  }

  it("returns the whole text and the last finish reason, notifying only when text grows", async () => {
    const seen: string[] = [];

    const result = await readStream(
      "groq",
      pieces({ text: "a " }, { text: "" }, { text: "b", finish: "stop" }),
      {
        onDelta: (text) => seen.push(text),
        now: () => 0,
        startedAt: 0,
      },
    );

    expect({ result, seen }).toEqual({
      result: { text: "a b", finish: "stop" },
      seen: ["a ", "a b"],
    });
  });

  it("throws timeout instead when the stream ended because its signal aborted", async () => {
    const controller = new AbortController();
    controller.abort();

    const error = await failure(
      readStream("groq", pieces({ text: "half" }), {
        now: () => 0,
        startedAt: 0,
        signal: controller.signal,
      }),
    );

    expect(error.kind).toBe("timeout");
  });

  it("throws a network ProviderError when no finish reason came", async () => {
    const error = await failure(
      readStream("mistral", pieces({ text: "half" }), { now: () => 0, startedAt: 0 }),
    );

    expect({ provider: error.provider, kind: error.kind }).toEqual({
      provider: "mistral",
      kind: "network",
    });
  });
});
